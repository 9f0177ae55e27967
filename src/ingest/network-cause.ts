/** Codes that say a host name could not be looked up (getaddrinfo's). */
const NOT_FOUND = new Set(['ENOTFOUND', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const NO_ROUTE = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);

/**
 * A network failure's cause in words, for a source's health line: "DNS: openai.com not
 * found", not Node's "ENOTFOUND getaddrinfo ENOTFOUND openai.com". A cause not known here
 * keeps the system's text, with its code once.
 */
export function networkCause(e: { code?: string; message: string }, host: string): string {
  const code = e.code ?? '';
  if (NOT_FOUND.has(code)) return `DNS: ${host} not found`;
  if (code === 'EAI_AGAIN') return `DNS: no answer looking up ${host} (offline?)`;
  if (code === 'ECONNREFUSED') return `connection refused by ${host}`;
  if (code === 'ECONNRESET') return `connection reset by ${host}`;
  if (code === 'ETIMEDOUT') return `timed out connecting to ${host}`;
  if (NO_ROUTE.has(code)) return `network: no route to ${host} (offline?)`;
  if (/CERT|TLS|SSL/.test(code)) return `TLS: ${e.message}`;
  return (e.message.includes(code) ? e.message : `${code} ${e.message}`).replace(/\s+/g, ' ').trim();
}
