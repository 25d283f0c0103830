/** The state of one running emulator: store, lifecycles, configuration, request log, faults, persistence. */
import { type ConfigPatch, cloneConfig, type EmulatorConfig, mergeConfig } from "./config";
import { FaultInjector } from "./faults";
import { Lifecycle } from "./lifecycle";
import { loadSnapshot, saveSnapshot } from "./persistence";
import { RequestLog } from "./request-log";
import { Store } from "./store";
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
  readonly log = new RequestLog();
  readonly faults: FaultInjector;
  private current: EmulatorConfig;

  constructor(
    private readonly startConfig: EmulatorConfig,
    private readonly dataFile: string | undefined,
    private readonly logLine: (line: string) => void,
  ) {
    this.current = cloneConfig(startConfig);
    this.faults = new FaultInjector(startConfig.seed);
    this.lifecycle = new Lifecycle(this.store, () => this.current);
    if (dataFile) {
      const snapshot = loadSnapshot(dataFile);
      if (snapshot) {
        this.store.restore(snapshot);
        this.lifecycle.rebuild();
        logLine(`restored ${this.store.lbs.size} load balancers from ${dataFile}`);
      }
    }
  }

  get config(): EmulatorConfig {
    return this.current;
  }

  /** Merges `patch` and restarts the fault PRNG, so a test's fault sequence starts afresh. */
  updateConfig(patch: ConfigPatch): EmulatorConfig {
    this.current = mergeConfig(this.current, patch);
    this.faults.reseed(this.current.seed);
    return cloneConfig(this.current);
  }

  reset(): void {
    this.store.clear();
    this.lifecycle.rebuild();
    this.log.clear();
    this.current = cloneConfig(this.startConfig);
    this.faults.reseed(this.current.seed);
    this.persist();
  }

  /** Saves the store when a write or a lifecycle step changed it since the last save. */
  persistIfChanged(wrote: boolean): void {
    if (wrote || this.lifecycle.changed) this.persist();
  }

  persist(): void {
    this.lifecycle.changed = false;
    if (!this.dataFile) return;
    try {
      saveSnapshot(this.dataFile, this.store.snapshot());
    } catch (error) {
      this.logLine(
        `could not save ${this.dataFile}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Every stored object in its API form, all zones (`GET /__emulator/state`). */
  state(): JsonObject {
    this.lifecycle.tick();
    this.persistIfChanged(false);
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
