/** The state of one running emulator: store, lifecycles, configuration, request log, faults, persistence. */
import { type ConfigPatch, cloneConfig, type EmulatorConfig, mergeConfig } from "./config";
import { Durability } from "./durability";
import { FaultInjector } from "./faults";
import { Lifecycle } from "./lifecycle";
import { removeStaleTemporaries } from "./persistence";
import { RequestLog } from "./request-log";
import { Store, type StoreSnapshot } from "./store";
import { renderAcl } from "./wire/acl";
import { renderBackend } from "./wire/backend";
import { renderCertificate } from "./wire/certificate";
import { EMBED_FULL } from "./wire/embed";
import { renderFrontend } from "./wire/frontend";
import { renderIp } from "./wire/ip";
import type { JsonObject } from "./wire/json";
import { renderLb } from "./wire/lb";
import { renderPrivateNetwork } from "./wire/private-network";
import { renderRoute } from "./wire/route";
import { renderSubscriber } from "./wire/subscriber";

export class EmulatorRuntime {
  readonly store = new Store();
  readonly lifecycle: Lifecycle;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  private current: EmulatorConfig;
  private readonly durability: Durability | undefined;

  constructor(
    private readonly startConfig: EmulatorConfig,
    dataFile: string | undefined,
    logLine: (line: string) => void,
  ) {
    this.current = cloneConfig(startConfig);
    this.log = new RequestLog(startConfig.requestLogLimit);
    this.faults = new FaultInjector(startConfig.seed);
    this.lifecycle = new Lifecycle(this.store, () => this.current);
    if (dataFile) {
      for (const name of removeStaleTemporaries(dataFile)) logLine(`removed stale temporary file ${name}`);
      this.durability = new Durability(this.store, this.lifecycle, dataFile, logLine);
    }
  }

  get config(): EmulatorConfig {
    return this.current;
  }

  /** Merges `patch` and restarts the fault PRNG, so a test's fault sequence starts afresh. */
  updateConfig(patch: ConfigPatch): EmulatorConfig {
    this.current = mergeConfig(this.current, patch);
    this.faults.reseed(this.current.seed);
    this.log.setLimit(this.current.requestLogLimit);
    return cloneConfig(this.current);
  }

  /** Throws NotDurableError (changing nothing) when the emptied store cannot be saved. */
  reset(): void {
    this.durability?.replaceAll(emptySnapshot());
    this.store.clear();
    this.lifecycle.rebuild();
    this.log.clear();
    this.current = cloneConfig(this.startConfig);
    this.log.setLimit(this.current.requestLogLimit);
    this.faults.reseed(this.current.seed);
    this.durability?.remember();
  }

  /**
   * Runs one request's work on the store, then makes its changes durable (with a data file).
   * `mutation`: a write endpoint, whose changes are always compared with the saved rows. When
   * they cannot be saved, the store is rolled back and NotDurableError is thrown, even if `work`
   * threw (a partial change is not kept either).
   */
  transaction<T>(mutation: boolean, work: () => T): T {
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.durability?.commit(mutation);
      throw error;
    }
    this.durability?.commit(mutation);
    if (!this.durability) this.lifecycle.changed = false;
    return result;
  }

  close(): void {
    this.durability?.close();
  }

  /** Every stored object in its API form, all zones (`GET /__emulator/state`). */
  state(): JsonObject {
    return this.transaction(false, () => this.render());
  }

  private render(): JsonObject {
    this.lifecycle.tick();
    const s = this.store;
    return {
      lbs: s.lbs.values().map((lb) => renderLb(s, lb)),
      ips: s.ips.values().map(renderIp),
      backends: s.backends.values().map((b) => renderBackend(s, b, true)),
      frontends: s.frontends.values().map((f) => renderFrontend(s, f, EMBED_FULL)),
      routes: s.routes.values().map(renderRoute),
      acls: s.acls.values().map((a) => renderAcl(s, a, EMBED_FULL)),
      certificates: s.certificates.values().map((c) => renderCertificate(s, c, true)),
      privateNetworks: s.privateNetworks.values().map((pn) => renderPrivateNetwork(s, pn, true)),
      subscribers: s.subscribers.values().map(renderSubscriber),
    };
  }
}

function emptySnapshot(): StoreSnapshot {
  return {
    version: 1,
    seq: 0,
    lbs: [],
    ips: [],
    backends: [],
    frontends: [],
    routes: [],
    acls: [],
    certificates: [],
    privateNetworks: [],
    subscribers: [],
  };
}
