/** `Lb` (§3.1) with its instances (§3.2), IPs and live child counters. */
import type { InstanceRecord, LbRecord } from "../records";
import type { Store } from "../store";
import { regionOf } from "../zones";
import { renderIp } from "./ip";
import type { Json, JsonObject } from "./json";
import { renderSubscriber } from "./subscriber";

function renderInstance(instance: InstanceRecord, zone: string): JsonObject {
  return {
    created_at: instance.createdAt,
    id: instance.id,
    ip_address: "",
    region: regionOf(zone),
    status: instance.status,
    updated_at: instance.updatedAt,
    zone,
  };
}

/** `withInstances: false` reproduces the endpoints that embed the LB with `instances: []`. */
export function renderLb(store: Store, lb: LbRecord, withInstances = true): JsonObject {
  const ips: Json[] = [];
  for (const ipId of lb.ipIds) {
    const ip = store.ips.get(ipId);
    if (ip) ips.push(renderIp(ip));
  }
  const subscriber = lb.subscriberId === null ? undefined : store.subscribers.get(lb.subscriberId);
  return {
    backend_count: store.backends.count("lb", lb.id),
    created_at: lb.createdAt,
    description: lb.description,
    frontend_count: store.frontends.count("lb", lb.id),
    id: lb.id,
    instances: withInstances && lb.instance ? [renderInstance(lb.instance, lb.zone)] : [],
    ip: ips,
    name: lb.name,
    organization_id: lb.organizationId,
    private_network_count: store.privateNetworks.count("lb", lb.id),
    project_id: lb.projectId,
    region: regionOf(lb.zone),
    route_count: store.routes.count("lb", lb.id),
    ssl_compatibility_level: lb.sslCompatibilityLevel,
    status: lb.status,
    subscriber: subscriber ? renderSubscriber(subscriber) : null,
    tags: [...lb.tags],
    type: lb.type,
    updated_at: lb.updatedAt,
    zone: lb.zone,
  };
}

/** The parent LB embedded in a child; children never outlive their LB. */
export function renderParentLb(store: Store, lbId: string, withInstances: boolean): JsonObject {
  const lb = store.lbs.get(lbId);
  if (!lb) throw new Error(`emulator invariant: LB ${lbId} missing for a child object`);
  return renderLb(store, lb, withInstances);
}
