/**
 * The objects this provider process created. The engine starts one provider process per
 * deployment and never repeats a create within it, so an object made here is younger than any
 * earlier attempt of any other create: a child declared under it (a backend of a load balancer
 * this run made) cannot have been made by an earlier run, and its create need not look for one
 * (one GET saved per child).
 */
const made = new Set<string>();

export function recordMadeThisRun(id: string): void {
  made.add(id);
}

export function madeThisRun(id: unknown): boolean {
  return typeof id === "string" && made.has(id);
}

/** For tests that play several deployments in one process. */
export function forgetMadeThisRun(): void {
  made.clear();
}
