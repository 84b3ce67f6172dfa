import { describe, expect, it } from 'vitest';
import type { PushRow } from '@tirelire/shared/protocol';
import type { RemoteEvent } from '../../ports/sync-remote.ts';
import { runSyncRemoteContract } from '../../ports/sync-remote.contract.ts';
import { MemorySyncRemote, MemorySyncRemoteError, MemorySyncServer } from './MemorySyncRemote.ts';

runSyncRemoteContract('MemorySyncRemote', () => {
  const server = new MemorySyncServer();
  return Promise.resolve({
    device: () => Promise.resolve(new MemorySyncRemote(server)),
    dispose: () => Promise.resolve(),
  });
});

const ROW: PushRow = {
  assumedVersion: 0,
  envelope: {
    id: 'op-1',
    collection: 'operations',
    version: 1,
    deleted: false,
    updatedAt: 1,
    ciphertext: 'c2VhbGVk',
    iv: 'AAAAAAAAAAAAAAAA',
    keyId: 'key-1',
  },
};

function record(remote: MemorySyncRemote): RemoteEvent[] {
  const events: RemoteEvent[] = [];
  remote.listen((event) => events.push(event));
  return events;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('MemorySyncRemote', () => {
  it('rejects requests while offline, and answers again once back', async () => {
    const server = new MemorySyncServer();
    const remote = new MemorySyncRemote(server);
    remote.goOffline();
    await expect(remote.push('operations', [ROW])).rejects.toBeInstanceOf(MemorySyncRemoteError);
    await expect(remote.readKey()).rejects.toBeInstanceOf(MemorySyncRemoteError);
    expect(server.seq).toBe(0);
    remote.goOnline();
    expect((await remote.push('operations', [ROW])).written).toHaveLength(1);
  });

  it('misses live changes while offline, and asks for a resync when back (P-LIVE-2)', async () => {
    const server = new MemorySyncServer();
    const writer = new MemorySyncRemote(server);
    const reader = new MemorySyncRemote(server);
    const heard = record(reader);
    reader.goOffline();
    await writer.push('operations', [ROW]);
    await tick();
    expect(heard).toEqual([]);
    reader.goOnline();
    reader.goOnline();
    await tick();
    expect(heard).toEqual([{ type: 'resync' }]);
  });

  it('serves a request after the call returns, as over a network', async () => {
    const server = new MemorySyncServer();
    const push = new MemorySyncRemote(server).push('operations', [ROW]);
    expect(server.seq).toBe(0);
    await push;
    expect(server.seq).toBe(1);
  });

  it('shows what the server stores, as copies it cannot be changed through', async () => {
    const server = new MemorySyncServer();
    await new MemorySyncRemote(server).push('operations', [ROW]);
    const [stored] = server.stored('operations');
    expect(stored).toEqual({ ...ROW.envelope, seq: 1 });
    stored!.ciphertext = 'changed';
    expect(server.stored()[0]?.ciphertext).toBe('c2VhbGVk');
    expect(server.stored('accounts')).toEqual([]);
  });
});
