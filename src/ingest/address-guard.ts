import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

/**
 * Only public unicast addresses may be fetched unless the user allows private ones:
 * loopback, RFC 1918, link-local, unique-local, CGNAT, multicast, reserved and
 * unspecified ranges are refused. IPv4-mapped IPv6 is judged as the IPv4 it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  readonly code = 'blocked-address';
}

function blocked(host: string, address: string): BlockedAddressError {
  return new BlockedAddressError(`fetch: refused ${host} (${address}): private, loopback or link-local address; allow it for this source or set ALMANAC_ALLOW_PRIVATE=1`);
}

/** Checks a literal IP host before connecting (Node skips the lookup for those). */
export function checkLiteralHost(hostname: string, allowPrivate: boolean): void {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !allowPrivate && !isPublicAddress(host)) throw blocked(hostname, host);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup replacement for http.request: resolves, then refuses the connection when
 * any resolved address is not public. Checking after resolution (not the name) defeats
 * names that point at 127.0.0.1 and DNS rebinding between check and connect.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number } | number, callback: LookupCallback): void => {
    const opts = typeof options === 'number' ? { family: options } : options;
    dnsLookup(hostname, { ...opts, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      if (!allowPrivate) {
        const bad = list.find((a) => !isPublicAddress(a.address));
        if (bad) return callback(blocked(hostname, bad.address) as unknown as NodeJS.ErrnoException, []);
      }
      if (opts.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`fetch: ${hostname} did not resolve`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * The host a source marked "allow private" may reach on a private address: its feed's own
 * (see GetOptions.allowPrivateHost), nothing it redirects or links to.
 */
export function privateHostOf(source: { allowPrivate: boolean; feedUrl: string }): { allowPrivateHost?: string } {
  if (!source.allowPrivate) return {};
  try {
    return { allowPrivateHost: new URL(source.feedUrl).hostname };
  } catch {
    return {};
  }
}
