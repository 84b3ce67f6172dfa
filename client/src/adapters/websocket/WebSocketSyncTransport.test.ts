import { WebSocket, WebSocketServer } from 'ws';
import { describe, expect, it } from 'vitest';
import { runSyncTransportContract } from '../../ports/sync-transport.contract.ts';
import { WebSocketSyncTransport, syncUrlFor } from './WebSocketSyncTransport.ts';

async function echoServer() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  server.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? '' : Buffer.from(data as Buffer).toString('utf8');
      const close = /^close:(\d+)$/.exec(text);
      if (close) socket.close(Number(close[1]), 'bye');
      else socket.send(text);
    });
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return { server, url: `ws://127.0.0.1:${address.port}/api/v1/sync` };
}

runSyncTransportContract('WebSocket (ws in Node)', async () => {
  const { server, url } = await echoServer();
  // `ws` implements the WHATWG interface this adapter uses; browsers pass their own WebSocket.
  const transport = new WebSocketSyncTransport(url, (target) => new WebSocket(target));
  return {
    transport,
    dispose: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});

describe('WebSocketSyncTransport', () => {
  it('reports a refused connection as a close with 1006', async () => {
    const transport = new WebSocketSyncTransport(
      'ws://127.0.0.1:1/',
      (target) => new WebSocket(target),
    );
    const code = await new Promise<number>((resolve) =>
      transport.open({ onOpen: () => {}, onMessage: () => {}, onClose: resolve }),
    );
    expect(code).toBe(1006);
  });

  it('derives the sync URL from the page: wss behind https', () => {
    expect(syncUrlFor({ protocol: 'https:', host: 'tirelire.example' })).toBe(
      'wss://tirelire.example/api/v1/sync',
    );
    expect(syncUrlFor({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe(
      'ws://127.0.0.1:8080/api/v1/sync',
    );
  });
});
