import { randomUUID } from 'node:crypto';
import { LoopbackSyncTransport } from '../client/src/adapters/loopback/LoopbackSyncTransport.ts';
import { SyncSession } from '../client/src/app/sync/sync-session.ts';
import { runSyncRemoteContract } from '../client/src/ports/sync-remote.contract.ts';
import { ManualTimers, hubFor } from '../sync-server/src/sync/testing/hub-harness.ts';
import { changeLogBackends } from './backends.ts';

/**
 * The real client session against the real hub and stores passes the same SyncRemote contract
 * as the in-memory remote the client's replication tests use (MemorySyncRemote): that is what
 * makes those tests' fake a faithful one.
 */
for (const backend of changeLogBackends()) {
  runSyncRemoteContract(`SyncSession → SyncHub (${backend.name})`, async () => {
    const changeLog = await backend.open();
    const hub = hubFor(changeLog, new ManualTimers(), { now: () => Date.now() });
    const user = randomUUID();
    const sessions: SyncSession[] = [];
    return {
      device: async () => {
        const transport = new LoopbackSyncTransport((socket) => {
          const connection = hub.open(socket);
          return { receive: (text) => connection.receive(text), closed: () => connection.closed() };
        });
        const session = new SyncSession({
          transport,
          accessToken: () => Promise.resolve(`valid:${user}:${randomUUID()}`),
          timers: {
            after(ms, run) {
              const handle = setTimeout(run, ms);
              return () => clearTimeout(handle);
            },
          },
          now: () => Date.now(),
          random: () => 0,
        });
        sessions.push(session);
        session.start();
        await new Promise<void>((resolve) => {
          const stop = session.state.subscribe((state) => {
            if (state.state !== 'online') return;
            queueMicrotask(() => stop());
            resolve();
          });
        });
        return session;
      },
      dispose: async () => {
        for (const session of sessions) session.stop();
        hub.shutdown();
        await changeLog.close();
        await backend.cleanUp();
      },
    };
  });
}
