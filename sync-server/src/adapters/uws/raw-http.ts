import { connect } from 'node:net';

/**
 * Sends bytes exactly as given and returns everything the server wrote until it closed the
 * connection (or `ms` passed). fetch() would normalise `..` and encodings away; attackers don't.
 */
export function rawHttp(port: number, bytes: string, ms = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), ms);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
  });
}

export const rawGet = (port: number, path: string, method = 'GET') =>
  rawHttp(port, `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
