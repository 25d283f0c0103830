/** File and type names derived from a kind: `LoadBalancer` → `load-balancer.ts`, `LoadBalancerArgs`. */

export function fileName(kind: string): string {
  return kind.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
}

export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function camel(kind: string): string {
  return kind.charAt(0).toLowerCase() + kind.slice(1);
}
