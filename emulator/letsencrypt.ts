/**
 * Let's Encrypt validation needs every name to resolve to the LB (§4.7). Without DNS, the
 * emulator decides: an LB IP's default name `a-b-c-d.lb.<region>.scw.cloud`, its custom reverse,
 * and their subdomains resolve to it; other `*.lb.<region>.scw.cloud` names do not; reserved example/test
 * domains (RFC 2606/6761) resolve nowhere near the LB; any other name is assumed set up.
 */
import { defaultReverse } from "./addresses";
import type { IpRecord } from "./records";

const NEVER_RESOLVES = /(^|\.)(example\.(com|net|org)|example|invalid|test|localhost)$/;

function underDomain(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}

/** The first name that does not resolve to one of `ips`, if any. */
export function unresolvedName(names: readonly string[], ips: readonly IpRecord[]): string | undefined {
  return names.find((raw) => {
    const name = raw.toLowerCase();
    const resolves = (ip: IpRecord) =>
      underDomain(name, ip.reverse.toLowerCase()) || underDomain(name, defaultReverse(ip.address, ip.zone));
    if (ips.some(resolves)) return false;
    if (NEVER_RESOLVES.test(name)) return true;
    if (/\.lb\.[a-z-]+\.scw\.cloud$/.test(name)) return true;
    return ips.length === 0;
  });
}
