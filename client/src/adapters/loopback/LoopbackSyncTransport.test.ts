import { describe, expect, it } from 'vitest';
import { runSyncTransportContract } from '../../ports/sync-transport.contract.ts';
import { LoopbackSyncTransport, type LoopbackAcceptor } from './LoopbackSyncTransport.ts';

const echo: LoopbackAcceptor = (socket) => ({
  receive: (text) => {
    const close = /^close:(\d+)$/.exec(text);
    if (close) socket.close(Number(close[1]), 'bye');
    else socket.send(text);
  },
  closed: () => {},
});

runSyncTransportContract('loopback', () =>
  Promise.resolve({ transport: new LoopbackSyncTransport(echo), dispose: () => Promise.resolve() }),
);

describe('LoopbackSyncTransport', () => {
  it('delivers nothing until flush when not auto-flushing', () => {
    const transport = new LoopbackSyncTransport(echo, { autoFlush: false });
    const seen: string[] = [];
    const link = transport.open({
      onOpen: () => seen.push('open'),
      onMessage: (text) => seen.push(text),
      onClose: () => seen.push('close'),
    });
    link.send('a');
    expect(seen).toEqual([]);
    transport.flush();
    expect(seen).toEqual(['open', 'a']);
  });

  it('drops every link with 1006 when the network goes, and refuses new ones until it is back', () => {
    const transport = new LoopbackSyncTransport(echo, { autoFlush: false });
    const closes: number[] = [];
    const events = {
      onOpen: () => {},
      onMessage: () => {},
      onClose: (code: number) => closes.push(code),
    };
    transport.open(events);
    transport.flush();
    transport.goOffline();
    transport.open(events);
    transport.flush();
    expect(closes).toEqual([1006, 1006]);
  });
});
