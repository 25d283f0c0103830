/**
 * The in-memory object store: one table per kind, with secondary indexes on the parent ids that
 * never change after creation (an object cannot move to another LB or frontend, §5).
 */
import type {
  AclRecord,
  BackendRecord,
  CertificateRecord,
  FrontendRecord,
  IpRecord,
  LbRecord,
  PrivateNetworkRecord,
  RouteRecord,
  SubscriberRecord,
} from "./records";
import type { IpamIpRecord, VpcPrivateNetworkRecord, VpcRecord } from "./vpc-records";

type Indexers<R> = Record<string, (row: R) => string>;

export class Table<R> {
  private readonly rows = new Map<string, R>();
  private readonly indexes = new Map<string, Map<string, Set<string>>>();
  /**
   * Keys of every row handed out or changed since `takeTouched()`, when tracking is on (with a
   * data file): rows are mutated in place, so any row a request saw may have changed, and only
   * those need comparing with their saved form.
   */
  private touched: Set<string> | null = null;

  constructor(
    private readonly keyOf: (row: R) => string,
    private readonly indexers: Indexers<R>,
  ) {
    for (const name of Object.keys(indexers)) this.indexes.set(name, new Map());
  }

  get size(): number {
    return this.rows.size;
  }

  trackTouched(): void {
    this.touched = new Set();
  }

  /** The keys touched since the last call (empty when tracking is off). */
  takeTouched(): Set<string> {
    const touched = this.touched ?? new Set<string>();
    if (this.touched) this.touched = new Set();
    return touched;
  }

  get(key: string): R | undefined {
    this.touched?.add(key);
    return this.rows.get(key);
  }

  /** Rows in insertion order (= creation order). */
  values(): R[] {
    if (this.touched) for (const key of this.rows.keys()) this.touched.add(key);
    return [...this.rows.values()];
  }

  /** Rows in insertion order without marking them touched (saving, not request handling). */
  all(): R[] {
    return [...this.rows.values()];
  }

  put(row: R): void {
    const key = this.keyOf(row);
    this.touched?.add(key);
    this.delete(key);
    this.rows.set(key, row);
    for (const [name, indexer] of Object.entries(this.indexers)) {
      const index = this.indexes.get(name);
      const value = indexer(row);
      let keys = index?.get(value);
      if (!keys) {
        keys = new Set();
        index?.set(value, keys);
      }
      keys.add(key);
    }
  }

  /** Puts back a saved row (rollback), keeping its place when the key still exists. */
  restore(row: R): void {
    const key = this.keyOf(row);
    if (!this.rows.has(key)) {
      this.put(row);
      return;
    }
    // Indexed fields (parent ids) never change, so the indexes stay valid.
    this.rows.set(key, row);
  }

  /** Rebuilds the insertion order (= list order) after rows were put back by a rollback. */
  reorder(compare: (a: R, b: R) => number): void {
    const sorted = [...this.rows.entries()].sort(([, a], [, b]) => compare(a, b));
    this.rows.clear();
    for (const [key, row] of sorted) this.rows.set(key, row);
  }

  delete(key: string): R | undefined {
    this.touched?.add(key);
    const row = this.rows.get(key);
    if (row === undefined) return undefined;
    this.rows.delete(key);
    for (const [name, indexer] of Object.entries(this.indexers)) {
      const index = this.indexes.get(name);
      const value = indexer(row);
      index?.get(value)?.delete(key);
      if (index?.get(value)?.size === 0) index.delete(value);
    }
    return row;
  }

  /** Rows whose indexed field `name` equals `value`, in creation order. */
  where(name: string, value: string): R[] {
    const keys = this.indexes.get(name)?.get(value);
    if (!keys) return [];
    const rows: R[] = [];
    for (const key of keys) {
      this.touched?.add(key);
      const row = this.rows.get(key);
      if (row !== undefined) rows.push(row);
    }
    return rows;
  }

  count(name: string, value: string): number {
    return this.indexes.get(name)?.get(value)?.size ?? 0;
  }

  clear(): void {
    if (this.touched) for (const key of this.rows.keys()) this.touched.add(key);
    this.rows.clear();
    for (const index of this.indexes.values()) index.clear();
  }
}

export interface StoreSnapshot {
  version: 1;
  seq: number;
  lbs: LbRecord[];
  ips: IpRecord[];
  backends: BackendRecord[];
  frontends: FrontendRecord[];
  routes: RouteRecord[];
  acls: AclRecord[];
  certificates: CertificateRecord[];
  privateNetworks: PrivateNetworkRecord[];
  subscribers: SubscriberRecord[];
  /** VPC and IPAM tables (absent from files written before they existed). */
  vpcs?: VpcRecord[];
  vpcPrivateNetworks?: VpcPrivateNetworkRecord[];
  ipamIps?: IpamIpRecord[];
}

export const TABLE_NAMES = [
  "lbs",
  "ips",
  "backends",
  "frontends",
  "routes",
  "acls",
  "certificates",
  "privateNetworks",
  "subscribers",
  "vpcs",
  "vpcPrivateNetworks",
  "ipamIps",
] as const;

/** Tables newer than the data file format: a file without them has them empty. */
export const OPTIONAL_TABLES: ReadonlySet<TableName> = new Set(["vpcs", "vpcPrivateNetworks", "ipamIps"]);

export type TableName = (typeof TABLE_NAMES)[number];

export type TableRow =
  | LbRecord
  | IpRecord
  | BackendRecord
  | FrontendRecord
  | RouteRecord
  | AclRecord
  | CertificateRecord
  | PrivateNetworkRecord
  | SubscriberRecord
  | VpcRecord
  | VpcPrivateNetworkRecord
  | IpamIpRecord;

export class Store {
  readonly lbs = new Table<LbRecord>((r) => r.id, {});
  readonly ips = new Table<IpRecord>((r) => r.id, {});
  readonly backends = new Table<BackendRecord>((r) => r.id, { lb: (r) => r.lbId });
  readonly frontends = new Table<FrontendRecord>((r) => r.id, { lb: (r) => r.lbId });
  readonly routes = new Table<RouteRecord>((r) => r.id, { lb: (r) => r.lbId, frontend: (r) => r.frontendId });
  readonly acls = new Table<AclRecord>((r) => r.id, { frontend: (r) => r.frontendId });
  readonly certificates = new Table<CertificateRecord>((r) => r.id, { lb: (r) => r.lbId });
  readonly privateNetworks = new Table<PrivateNetworkRecord>((r) => r.key, { lb: (r) => r.lbId });
  readonly subscribers = new Table<SubscriberRecord>((r) => r.id, {});
  readonly vpcs = new Table<VpcRecord>((r) => r.id, {});
  readonly vpcPrivateNetworks = new Table<VpcPrivateNetworkRecord>((r) => r.id, { vpc: (r) => r.vpcId });
  readonly ipamIps = new Table<IpamIpRecord>((r) => r.id, { privateNetwork: (r) => r.privateNetworkId });
  private seq = 0;

  get currentSeq(): number {
    return this.seq;
  }

  set currentSeq(value: number) {
    this.seq = value;
  }

  /** Every table by its snapshot name. */
  named(): Array<[TableName, Table<TableRow>]> {
    return [
      ["lbs", this.lbs],
      ["ips", this.ips],
      ["backends", this.backends],
      ["frontends", this.frontends],
      ["routes", this.routes],
      ["acls", this.acls],
      ["certificates", this.certificates],
      ["privateNetworks", this.privateNetworks],
      ["subscribers", this.subscribers],
      ["vpcs", this.vpcs],
      ["vpcPrivateNetworks", this.vpcPrivateNetworks],
      ["ipamIps", this.ipamIps],
    ] as Array<[TableName, Table<TableRow>]>;
  }

  /** Monotonic creation counter: ties on `created_at` never reorder lists. */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  clear(): void {
    for (const table of this.tables()) table.clear();
    this.seq = 0;
  }

  snapshot(): StoreSnapshot {
    return structuredClone({
      version: 1,
      seq: this.seq,
      lbs: this.lbs.all(),
      ips: this.ips.all(),
      backends: this.backends.all(),
      frontends: this.frontends.all(),
      routes: this.routes.all(),
      acls: this.acls.all(),
      certificates: this.certificates.all(),
      privateNetworks: this.privateNetworks.all(),
      subscribers: this.subscribers.all(),
      vpcs: this.vpcs.all(),
      vpcPrivateNetworks: this.vpcPrivateNetworks.all(),
      ipamIps: this.ipamIps.all(),
    });
  }

  restore(snapshot: StoreSnapshot): void {
    this.clear();
    const copy = structuredClone(snapshot);
    this.seq = copy.seq;
    for (const row of copy.lbs) this.lbs.put(row);
    for (const row of copy.ips) this.ips.put(row);
    for (const row of copy.backends) this.backends.put(row);
    for (const row of copy.frontends) this.frontends.put(row);
    for (const row of copy.routes) this.routes.put(row);
    for (const row of copy.acls) this.acls.put(row);
    for (const row of copy.certificates) this.certificates.put(row);
    for (const row of copy.privateNetworks) this.privateNetworks.put(row);
    for (const row of copy.subscribers) this.subscribers.put(row);
    for (const row of copy.vpcs ?? []) this.vpcs.put(row);
    for (const row of copy.vpcPrivateNetworks ?? []) this.vpcPrivateNetworks.put(row);
    for (const row of copy.ipamIps ?? []) this.ipamIps.put(row);
  }

  private tables(): Array<{ clear(): void }> {
    return [
      this.lbs,
      this.ips,
      this.backends,
      this.frontends,
      this.routes,
      this.acls,
      this.certificates,
      this.privateNetworks,
      this.subscribers,
      this.vpcs,
      this.vpcPrivateNetworks,
      this.ipamIps,
    ];
  }
}
