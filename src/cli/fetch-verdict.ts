import type { FetchOutcome } from '../pipeline/fetch-sources.js';

/** getaddrinfo's codes: the name could not be looked up (no network, or no DNS). */
const LOOKUP = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
/** The network has no way to the host. */
const NO_ROUTE = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);

/**
 * Whether `almanac fetch` succeeded, and when not, why in one line. Some sources failing is
 * normal (one feed down says nothing of the others) and still a success; every source
 * failing means nothing could be fetched. When every failure is a failed lookup or a missing
 * route, the likely cause is the machine being offline, and the line says so.
 */
export function fetchVerdict(outcomes: readonly FetchOutcome[]): { ok: true } | { ok: false; reason: string } {
  const failed = outcomes.filter((o) => !o.ok);
  if (outcomes.length === 0 || failed.length < outcomes.length) return { ok: true };
  const n = failed.length;
  const codes = failed.map((o) => o.errorCode ?? 'unknown');
  const named = [...new Set(codes)].sort().join(', ');
  const head = `nothing fetched: ${n === 1 ? 'the only due source' : `all ${n} sources`} failed`;
  const guess = n === 1 ? 'offline, or a wrong address?' : 'offline?';
  if (codes.every((c) => LOOKUP.has(c)))
    return { ok: false, reason: `${head}: no host name could be looked up (${named}): ${guess}` };
  if (codes.every((c) => LOOKUP.has(c) || NO_ROUTE.has(c)))
    return { ok: false, reason: `${head}: no route to the hosts (${named}): ${guess}` };
  if (codes.every((c) => c === 'timeout'))
    return { ok: false, reason: `${head}: every request timed out: offline, or a slow network?` };
  // Mixed causes: name the most common, with one of its messages (each names its URL).
  const count = new Map<string, number>();
  for (const c of codes) count.set(c, (count.get(c) ?? 0) + 1);
  const [top, k] = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  const example = failed[codes.indexOf(top)]!.error ?? top;
  return {
    ok: false,
    reason: `${head} (${k === n ? 'each' : `${k} of ${n}`} ${top}; 'almanac sources list' shows every error), e.g. ${example}`,
  };
}
