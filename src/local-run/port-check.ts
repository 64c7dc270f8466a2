/** Finds out, before anything starts, whether a port can be listened on. */
import net from 'node:net';

/** A port `tass start` needs is taken. */
export class PortTakenError extends Error {
  constructor(
    readonly port: number,
    readonly purpose: string,
    readonly option: string,
  ) {
    super(`port ${port} (${purpose}) is already in use: stop what is using it, or pass ${option} <another port>`);
    this.name = 'PortTakenError';
  }
}

/**
 * Resolves when `port` is free; rejects with PortTakenError when something listens there.
 * Without `host` the probe binds every interface, as a server that listens on all of them would.
 */
export function assertPortFree(port: number, host: string | undefined, purpose: string, option: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortTakenError(port, purpose, option) : error);
    });
    probe.listen({ port, host, exclusive: true }, () => {
      probe.close(() => resolve());
    });
  });
}

/** A port the operating system says is free right now (for tests and `--port 0`). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
