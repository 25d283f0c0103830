/**
 * A tiny in-memory stand-in for a few endpoints (LBs, backends, IPs, routes), built from
 * recorded bodies, so that tests can check what the client did to server state. Faults are
 * scripted per request by the test (`fault`), before or after the state change.
 */
import { randomUUID } from "node:crypto";
import type { FakeAnswer, FakeHandler, RecordedRequest } from "./fake-server";
import { recordedObject } from "./fixtures";

export type Fault = { when: "before" | "after"; answer: FakeAnswer } | null;

export interface MiniApi {
  handler: FakeHandler;
  lbs: Map<string, Record<string, unknown>>;
  backends: Map<string, Record<string, unknown>>;
  ips: Map<string, Record<string, unknown>>;
  routes: Map<string, Record<string, unknown>>;
  /** Decides a fault for each request (default: none). */
  fault: (request: RecordedRequest) => Fault;
}

function field(body: unknown, key: string): unknown {
  return typeof body === "object" && body !== null ? Reflect.get(body, key) : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function page<T>(items: T[], query: URLSearchParams): { items: T[]; total: number } {
  const size = Number(query.get("page_size") ?? 20);
  const n = Number(query.get("page") ?? 1);
  return { items: items.slice((n - 1) * size, n * size), total: items.length };
}

export function miniApi(): MiniApi {
  const lbs = new Map<string, Record<string, unknown>>();
  const backends = new Map<string, Record<string, unknown>>();
  const ips = new Map<string, Record<string, unknown>>();
  const routes = new Map<string, Record<string, unknown>>();

  const apply = (req: RecordedRequest): FakeAnswer => {
    const parts = req.path.split("/").slice(5); // after /lb/v1/zones/{zone}
    const [first, second, third] = parts;
    const now = new Date().toISOString();
    if (first === "lbs" && parts.length === 1 && req.method === "GET") {
      const name = req.query.get("name") ?? "";
      const { items, total } = page(
        [...lbs.values()].filter((lb) => String(lb.name).includes(name)),
        req.query,
      );
      return { json: { lbs: items, total_count: total } };
    }
    if (first === "lbs" && parts.length === 1 && req.method === "POST") {
      const lb = {
        ...recordedObject("lb-ready"),
        id: randomUUID(),
        name: field(req.body, "name"),
        created_at: now,
        updated_at: now,
      };
      lbs.set(String(lb.id), lb);
      return { json: lb };
    }
    if (first === "lbs" && second && parts.length === 2) {
      const lb = lbs.get(second);
      if (!lb) return { status: 404, json: { message: "lbs not Found" } };
      if (req.method === "DELETE") {
        lbs.delete(second);
        return { status: 204 };
      }
      return { json: lb };
    }
    if (first === "lbs" && second && third === "backends" && req.method === "POST") {
      const lb = lbs.get(second);
      if (!lb) return { status: 404, json: { message: "lbs not Found" } };
      const backend = {
        ...recordedObject("backend-create"),
        id: randomUUID(),
        name: field(req.body, "name"),
        pool: field(req.body, "server_ip") ?? [],
        lb,
        created_at: now,
      };
      backends.set(String(backend.id), backend);
      return { json: backend };
    }
    if (first === "lbs" && second && third === "backends" && req.method === "GET") {
      const name = req.query.get("name") ?? "";
      const mine = [...backends.values()].filter(
        (b) => field(b.lb, "id") === second && String(b.name).includes(name),
      );
      const { items, total } = page(mine, req.query);
      return { json: { backends: items, total_count: total } };
    }
    if (first === "backends" && second) {
      const backend = backends.get(second);
      if (!backend) return { status: 404, json: { message: "backend not Found" } };
      if (third === "servers" && req.method === "POST") {
        backend.pool = [...new Set([...strings(backend.pool), ...strings(field(req.body, "server_ip"))])];
        return { json: backend };
      }
      if (req.method === "DELETE") {
        backends.delete(second);
        return { status: 204 };
      }
      return { json: backend };
    }
    if (first === "ips" && parts.length === 1 && req.method === "GET") {
      const v6 = req.query.get("ip_type") === "ipv6";
      const all = [...ips.values()].filter((ip) => String(ip.ip_address).includes(":") === v6);
      const { items, total } = page(all, req.query);
      return { json: { ips: items, total_count: total } };
    }
    if (first === "ips" && parts.length === 1 && req.method === "POST") {
      const n = ips.size + 10;
      const ip = {
        id: randomUUID(),
        ip_address: `51.15.0.${n}`,
        lb_id: null,
        organization_id: "o",
        project_id: "p",
        region: "fr-par",
        reverse: `51-15-0-${n}.lb.fr-par.scw.cloud`,
        tags: field(req.body, "tags") ?? [],
        zone: "fr-par-1",
      };
      ips.set(ip.id, ip);
      return { json: ip };
    }
    if (first === "routes" && parts.length === 1 && req.method === "POST") {
      const route = {
        id: randomUUID(),
        frontend_id: field(req.body, "frontend_id"),
        backend_id: field(req.body, "backend_id"),
        match: field(req.body, "match"),
        created_at: now,
        updated_at: now,
      };
      routes.set(route.id, route);
      return { json: route };
    }
    if (first === "routes" && parts.length === 1 && req.method === "GET") {
      const fe = req.query.get("frontend_id");
      const { items, total } = page(
        [...routes.values()].filter((r) => !fe || r.frontend_id === fe),
        req.query,
      );
      return { json: { routes: items, total_count: total } };
    }
    return { status: 404, json: { message: "not Found" } };
  };

  const api: MiniApi = {
    lbs,
    backends,
    ips,
    routes,
    fault: () => null,
    handler: (req) => {
      const fault = api.fault(req);
      if (fault?.when === "before") return fault.answer;
      const answer = apply(req);
      return fault?.when === "after" ? fault.answer : answer;
    },
  };
  return api;
}
