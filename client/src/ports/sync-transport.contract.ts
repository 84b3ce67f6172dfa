import { afterEach, describe, expect, it } from 'vitest';
import type { SyncLinkEvents, SyncTransport } from './sync-transport.ts';

/**
 * A test peer every adapter is run against: it echoes each message, and closes the link with
 * code N and reason "bye" when it receives `close:N`.
 */
export interface EchoHarness {
  readonly transport: SyncTransport;
  dispose(): Promise<void>;
}

interface Recorded {
  readonly events: string[];
  readonly closes: { code: number; reason: string }[];
  readonly handlers: SyncLinkEvents;
}

function recorder(): Recorded {
  const events: string[] = [];
  const closes: { code: number; reason: string }[] = [];
  return {
    events,
    closes,
    handlers: {
      onOpen: () => events.push('open'),
      onMessage: (text) => events.push(`message:${text}`),
      onClose: (code, reason) => {
        events.push('close');
        closes.push({ code, reason });
      },
    },
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function runSyncTransportContract(name: string, open: () => Promise<EchoHarness>): void {
  describe(`SyncTransport contract: ${name}`, () => {
    let harness: EchoHarness | null = null;
    afterEach(async () => {
      await harness?.dispose();
      harness = null;
    });

    it('opens, then carries whole messages both ways in order', async () => {
      harness = await open();
      const seen = recorder();
      const link = harness.transport.open(seen.handlers);
      await until(() => seen.events.includes('open'), 'open');
      for (const text of ['one', 'two', '{"é":"€"}', 'x'.repeat(100_000)]) link.send(text);
      await until(() => seen.events.length === 5, 'four echoes');
      expect(seen.events.slice(0, 4)).toEqual([
        'open',
        'message:one',
        'message:two',
        'message:{"é":"€"}',
      ]);
      expect(seen.events[4]).toHaveLength('message:'.length + 100_000);
      link.close();
    });

    it("reports the peer's close code and reason exactly once", async () => {
      harness = await open();
      const seen = recorder();
      const link = harness.transport.open(seen.handlers);
      await until(() => seen.events.includes('open'), 'open');
      link.send('close:4005');
      await until(() => seen.closes.length > 0, 'close');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen.closes).toEqual([{ code: 4005, reason: 'bye' }]);
    });

    it('delivers nothing after close(), and send() then does nothing', async () => {
      harness = await open();
      const seen = recorder();
      const link = harness.transport.open(seen.handlers);
      await until(() => seen.events.includes('open'), 'open');
      link.send('late');
      link.close(1000, 'done');
      link.send('after');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen.events.filter((event) => event.startsWith('message:'))).toEqual([]);
      expect(seen.closes).toHaveLength(1);
    });
  });
}
