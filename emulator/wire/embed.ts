/**
 * Which embedded LBs carry their `instances`. The real API fills them on some endpoints and
 * leaves `instances: []` on others (§1.7); the recordings show exactly which, per endpoint.
 */
export interface Embed {
  /** The object's own `lb` (or, for an ACL, its frontend's `lb`). */
  lb: boolean;
  /** `backend.lb` inside a frontend (or inside an ACL's frontend). */
  backendLb: boolean;
  /** `certificate.lb` inside a frontend. */
  certificateLb: boolean;
}

export const EMBED_FULL: Embed = { lb: true, backendLb: true, certificateLb: true };
export const EMBED_BARE: Embed = { lb: false, backendLb: false, certificateLb: false };
