/**
 * Status machines (§6): LB `to_create -> creating -> ready`, `migrating -> ready`,
 * `to_delete -> gone`; instances `pending -> ready` after configuration changes; Let's Encrypt
 * certificates `pending -> ready`; private network attachments `pending -> ready` and detachments
 * `pending -> gone`. Each transition keeps the timing configured when it started; `instant` and
 * `duration` transitions settle on any request, `reads` transitions only when the object is read.
 */
import { randomBytes } from "node:crypto";
import { isoSeconds, nowMs, timestamp } from "./clock";
import type { EmulatorConfig, Timing } from "./config";
import { newId } from "./ids";
import { bindAttachmentIps, releaseAttachmentIps, staticOutsideNetwork } from "./ipam-booking";
import { patternOf } from "./patterns";
import type {
  CertificateRecord,
  InstanceRecord,
  LbRecord,
  PrivateNetworkRecord,
  Transition,
} from "./records";
import type { Store } from "./store";

/** Statuses in which an LB accepts no mutation of itself or its children (§7.3). */
export const TRANSIENT_LB_STATUSES: ReadonlySet<string> = new Set([
  "to_create",
  "creating",
  "migrating",
  "to_delete",
  "deleting",
  "pending",
]);

const HOUR_MS = 3_600_000;
const LETSENCRYPT_VALIDITY_MS = 90 * 24 * HOUR_MS;

function total(timing: Timing): number {
  switch (timing.mode) {
    case "instant":
      return 0;
    case "reads":
      return timing.reads + (timing.queuedReads ?? 0);
    case "duration":
      return timing.ms + (timing.queuedMs ?? 0);
  }
}

/** Whether `t` has completed; a read of the object counts toward `reads` timings. */
function isDue(t: Transition, now: number, read: boolean): boolean {
  const timing = t.timing;
  if (timing.mode === "instant" || total(timing) === 0) return true;
  if (timing.mode === "duration") return now - t.startedAt >= total(timing);
  if (!read) return false;
  if (t.reads >= total(timing)) return true;
  t.reads += 1;
  return false;
}

/** During LB creation: still queued (`to_create`, no instance) rather than `creating`? */
function isQueued(t: Transition, now: number): boolean {
  const timing = t.timing;
  if (timing.mode === "reads") return t.reads <= (timing.queuedReads ?? 0);
  if (timing.mode === "duration") return now - t.startedAt < (timing.queuedMs ?? 0);
  return false;
}

function newTransition(timing: Timing): Transition {
  return { timing: structuredClone(timing), reads: 0, startedAt: nowMs() };
}

function newInstance(status: InstanceRecord["status"]): InstanceRecord {
  // Instances are pre-provisioned: their creation predates the LB's (§3.2).
  const created = new Date(nowMs() - 45_000).toISOString().replace(/Z$/, "000Z");
  return { id: newId(), status, createdAt: created, updatedAt: timestamp() };
}

export class Lifecycle {
  /** Set whenever a transition advanced, so the runtime knows the store needs saving. */
  changed = false;
  private readonly pendingLbs = new Set<string>();
  private readonly pendingCertificates = new Set<string>();
  private readonly pendingPrivateNetworks = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly config: () => EmulatorConfig,
  ) {}

  /** Re-registers in-flight transitions after the store was restored from disk. */
  rebuild(): void {
    this.pendingLbs.clear();
    this.pendingCertificates.clear();
    this.pendingPrivateNetworks.clear();
    for (const lb of this.store.lbs.values()) {
      if (lb.lifecycle || lb.instancesChange) this.pendingLbs.add(lb.id);
    }
    for (const cert of this.store.certificates.values()) {
      if (cert.transition) this.pendingCertificates.add(cert.id);
    }
    for (const pn of this.store.privateNetworks.values()) {
      if (pn.transition) this.pendingPrivateNetworks.add(pn.key);
    }
  }

  /** Settles every transition that no longer waits for a read (run before each API request). */
  tick(): void {
    const now = nowMs();
    for (const id of [...this.pendingLbs]) {
      const lb = this.store.lbs.get(id);
      if (lb) this.settleLb(lb, now, false);
      else this.pendingLbs.delete(id);
    }
    for (const id of [...this.pendingCertificates]) {
      const cert = this.store.certificates.get(id);
      if (cert) this.settleCertificate(cert, now, false);
      else this.pendingCertificates.delete(id);
    }
    for (const key of [...this.pendingPrivateNetworks]) {
      const pn = this.store.privateNetworks.get(key);
      if (pn) this.settlePrivateNetwork(pn, now, false);
      else this.pendingPrivateNetworks.delete(key);
    }
  }

  /** A client read of the LB; `false` when that read completed its deletion. */
  readLb(lb: LbRecord): boolean {
    this.settleLb(lb, nowMs(), true);
    if (lb.status === "error" && lb.lifecycle === null && !this.failsByPattern(lb)) {
      this.changed = true;
      lb.status = "ready";
      if (lb.instance) lb.instance.status = "ready";
    }
    return this.store.lbs.get(lb.id) !== undefined;
  }

  readCertificate(cert: CertificateRecord): void {
    this.settleCertificate(cert, nowMs(), true);
  }

  /** A client listing of an LB's attachments; returns those still attached. */
  readPrivateNetworks(lbId: string): PrivateNetworkRecord[] {
    const now = nowMs();
    for (const pn of this.store.privateNetworks.where("lb", lbId)) this.settlePrivateNetwork(pn, now, true);
    return this.store.privateNetworks.where("lb", lbId);
  }

  startLbCreate(lb: LbRecord): void {
    lb.status = "to_create";
    lb.instance = null;
    lb.lifecycle = { kind: "create", transition: newTransition(this.config().timings.lbCreate) };
    this.pendingLbs.add(lb.id);
  }

  startMigrate(lb: LbRecord, toType: string): void {
    lb.status = "migrating";
    lb.updatedAt = timestamp();
    lb.lifecycle = { kind: "migrate", transition: newTransition(this.config().timings.lbUpdate), toType };
    this.pendingLbs.add(lb.id);
  }

  startDelete(lb: LbRecord, releaseIp: boolean): void {
    lb.status = "to_delete";
    lb.updatedAt = timestamp();
    lb.instancesChange = null;
    lb.lifecycle = { kind: "delete", transition: newTransition(this.config().timings.lbDelete), releaseIp };
    this.pendingLbs.add(lb.id);
  }

  /** A configuration change reached the LB: its instances apply it (`pending`) then `ready`. */
  configChanged(lbId: string): void {
    const lb = this.store.lbs.get(lbId);
    if (!lb?.instance || lb.lifecycle !== null) return;
    lb.instance.status = "pending";
    lb.instance.updatedAt = timestamp();
    lb.instancesChange = newTransition(this.config().timings.instances);
    this.pendingLbs.add(lb.id);
  }

  startCertificate(cert: CertificateRecord): void {
    cert.transition = newTransition(this.config().timings.certificate);
    this.pendingCertificates.add(cert.id);
  }

  startAttach(pn: PrivateNetworkRecord): void {
    pn.status = "pending";
    pn.transition = { kind: "attach", transition: newTransition(this.config().timings.privateNetwork) };
    this.pendingPrivateNetworks.add(pn.key);
  }

  startDetach(pn: PrivateNetworkRecord): void {
    pn.status = "pending";
    pn.updatedAt = timestamp();
    pn.transition = { kind: "detach", transition: newTransition(this.config().timings.privateNetwork) };
    this.pendingPrivateNetworks.add(pn.key);
  }

  /** Removes an LB and everything inside it; its IPs are released or kept with `lb_id: null`. */
  removeLb(lb: LbRecord, releaseIp: boolean): void {
    const store = this.store;
    for (const route of store.routes.where("lb", lb.id)) store.routes.delete(route.id);
    for (const frontend of store.frontends.where("lb", lb.id)) {
      for (const acl of store.acls.where("frontend", frontend.id)) store.acls.delete(acl.id);
      store.frontends.delete(frontend.id);
    }
    for (const backend of store.backends.where("lb", lb.id)) store.backends.delete(backend.id);
    for (const cert of store.certificates.where("lb", lb.id)) store.certificates.delete(cert.id);
    for (const pn of store.privateNetworks.where("lb", lb.id)) {
      releaseAttachmentIps(store, pn.key);
      store.privateNetworks.delete(pn.key);
    }
    for (const ipId of lb.ipIds) {
      const ip = store.ips.get(ipId);
      if (!ip) continue;
      if (releaseIp) store.ips.delete(ip.id);
      else ip.lbId = null;
    }
    store.lbs.delete(lb.id);
    this.pendingLbs.delete(lb.id);
  }

  private failsByPattern(lb: LbRecord): boolean {
    const pattern = this.config().lbErrorPattern;
    return pattern !== null && patternOf(pattern).test(lb.name);
  }

  private settleLb(lb: LbRecord, now: number, read: boolean): void {
    if (read && (lb.lifecycle || lb.instancesChange)) this.changed = true;
    const lifecycle = lb.lifecycle;
    if (lifecycle) {
      const t = lifecycle.transition;
      if (isDue(t, now, read)) {
        this.changed = true;
        lb.lifecycle = null;
        lb.updatedAt = timestamp();
        if (lifecycle.kind === "delete") {
          this.removeLb(lb, lifecycle.releaseIp);
          return;
        }
        if (lifecycle.kind === "migrate") {
          // The new offer runs on a new instance (the recordings show a new instance id).
          lb.type = lifecycle.toType;
          lb.instance = newInstance("ready");
        }
        const failed = lifecycle.kind === "create" && this.failsByPattern(lb);
        lb.status = failed ? "error" : "ready";
        lb.instance ??= newInstance("ready");
        lb.instance.status = failed ? "error" : "ready";
        lb.instance.updatedAt = timestamp();
      } else if (lifecycle.kind === "create" && (read || t.timing.mode === "duration")) {
        const queued = isQueued(t, now);
        // A visible step (and a new instance id) must be saved like any other change.
        if (lb.status !== (queued ? "to_create" : "creating") || (!queued && !lb.instance))
          this.changed = true;
        if (queued) {
          lb.status = "to_create";
        } else {
          lb.status = "creating";
          lb.instance ??= newInstance("unknown");
        }
      }
    }
    const change = lb.instancesChange;
    if (change && isDue(change, now, read)) {
      this.changed = true;
      lb.instancesChange = null;
      if (lb.instance && lb.instance.status === "pending") {
        lb.instance.status = lb.status === "error" ? "error" : "ready";
        lb.instance.updatedAt = timestamp();
      }
    }
    if (!lb.lifecycle && !lb.instancesChange) this.pendingLbs.delete(lb.id);
  }

  private settleCertificate(cert: CertificateRecord, now: number, read: boolean): void {
    const t = cert.transition;
    if (!t) {
      this.pendingCertificates.delete(cert.id);
      return;
    }
    if (read) this.changed = true;
    if (!isDue(t, now, read)) return;
    this.changed = true;
    cert.transition = null;
    cert.status = "ready";
    cert.fingerprint = randomBytes(20).toString("hex");
    // Let's Encrypt back-dates `not_before` by an hour; validity is 90 days.
    const notBefore = nowMs() - HOUR_MS;
    cert.notValidBefore = isoSeconds(new Date(notBefore));
    cert.notValidAfter = isoSeconds(new Date(notBefore + LETSENCRYPT_VALIDITY_MS));
    cert.updatedAt = timestamp();
    this.pendingCertificates.delete(cert.id);
  }

  private settlePrivateNetwork(pn: PrivateNetworkRecord, now: number, read: boolean): void {
    const pending = pn.transition;
    if (!pending) {
      this.pendingPrivateNetworks.delete(pn.key);
      return;
    }
    if (read) this.changed = true;
    if (!isDue(pending.transition, now, read)) return;
    this.changed = true;
    this.pendingPrivateNetworks.delete(pn.key);
    if (pending.kind === "detach") {
      releaseAttachmentIps(this.store, pn.key);
      this.store.privateNetworks.delete(pn.key);
      return;
    }
    pn.transition = null;
    pn.status = staticOutsideNetwork(this.store, pn) ? "error" : "ready";
    // Attached without IPAM ids, the LB books a private IP of its own once ready (observed).
    if (pn.status === "ready") bindAttachmentIps(this.store, pn);
    pn.updatedAt = timestamp();
  }
}
