import { createServer } from 'node:net';

/** A server that cannot listen: the port is taken, the address is not this machine's. */
export class ListenError extends Error {
  override name = 'ListenError';
}

/** The one line a failed listen says, in the user's words (the settings that choose host and port). */
export function listenFailure(e: NodeJS.ErrnoException, host: string, port: number): ListenError {
  if (e.code === 'EADDRINUSE') return new ListenError(`serve: port ${port} is taken; use --port or PORT`);
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN')
    return new ListenError(`serve: ALMANAC_HOST ${host} is not an address or name this machine can listen on`);
  if (e.code === 'EADDRNOTAVAIL')
    return new ListenError(`serve: ALMANAC_HOST ${host} is not an address of this machine`);
  if (e.code === 'EACCES') return new ListenError(`serve: port ${port} needs more privileges; use a port above 1023`);
  return new ListenError(`serve: cannot listen on ${host}:${port}: ${e.message}`);
}

/**
 * Listens on host:port for a moment and lets go: a port taken or an address that is not
 * ours is said before the store is created or migrated (port 0, any free port, always works).
 */
export function checkListen(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => reject(listenFailure(e, host, port)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
