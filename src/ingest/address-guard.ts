import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup, promises as dnsPromises, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

/**
 * Only public unicast addresses may be fetched unless the user allows private ones:
 * loopback, RFC 1918, link-local, unique-local, CGNAT, multicast, reserved and
 * unspecified ranges are refused. An IPv6 address that carries an IPv4 one (mapped,
 * compatible, SIIT, NAT64, 6to4) is judged as the IPv4 it carries, since a gateway on the
 * way may deliver it there; one whose IPv4 cannot be read back (Teredo, local NAT64) is refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv4') return ip.range() === 'unicast';
  const inner = embeddedIPv4(ip as ipaddr.IPv6);
  if (inner === 'opaque') return false;
  return inner ? inner.range() === 'unicast' : ip.range() === 'unicast';
}

/** The IPv4 address an IPv6 one embeds, by its prefix; 'opaque' when it embeds one we cannot judge. */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | 'opaque' | undefined {
  const p = ip.parts;
  const zero = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  if (zero(0, 6)) return v4(p[6]!, p[7]!); // ::a.b.c.d, IPv4-compatible (:: and ::1 land in 0.0.0.0/8: refused)
  if (zero(0, 5) && p[5] === 0xffff) return v4(p[6]!, p[7]!); // ::ffff:a.b.c.d, IPv4-mapped
  if (zero(0, 4) && p[4] === 0xffff && p[5] === 0) return v4(p[6]!, p[7]!); // ::ffff:0:a.b.c.d, SIIT
  if (p[0] === 0x64 && p[1] === 0xff9b) return zero(2, 6) ? v4(p[6]!, p[7]!) : 'opaque'; // NAT64: well-known /96, local-use /48
  if (p[0] === 0x2002) return v4(p[1]!, p[2]!); // 6to4
  if (p[0] === 0x2001 && p[1] === 0) return 'opaque'; // Teredo
  return undefined;
}

export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  readonly code = 'blocked-address';
}

function blocked(host: string, address: string): BlockedAddressError {
  return new BlockedAddressError(
    `fetch: refused ${host} (${address}): private, loopback or link-local address; allow it for this source or set ALMANAC_ALLOW_PRIVATE=1`,
  );
}

/** Checks a literal IP host before connecting (Node skips the lookup for those). */
export function checkLiteralHost(hostname: string, allowPrivate: boolean): void {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !allowPrivate && !isPublicAddress(host)) throw blocked(hostname, host);
}

/**
 * Refuses a host that is, or resolves to, a private address: for a URL we are about to
 * store rather than fetch (a feed a page announces), so the refusal comes at add time.
 */
export async function checkPublicHost(hostname: string): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    if (!isPublicAddress(host)) throw blocked(hostname, host);
    return;
  }
  const list = await dnsPromises.lookup(host, { all: true });
  const bad = list.find((a) => !isPublicAddress(a.address));
  if (bad) throw blocked(hostname, bad.address);
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
      if (!first)
        return callback(Object.assign(new Error(`fetch: ${hostname} did not resolve`), { code: 'ENOTFOUND' }), []);
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
