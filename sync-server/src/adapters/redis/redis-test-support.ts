import { Redis } from 'ioredis';

/** The machine's Redis (STACK.md); each test run keeps to its own prefix and removes it after. */
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379/0';
/** Nothing listens on port 1: connections are refused at once. */
export const CLOSED_REDIS_URL = 'redis://127.0.0.1:1/0';

export function uniqueTestPrefix(label: string): string {
  return `tirelire-test:${label}:${process.pid}-${Date.now()}:`;
}

export async function deleteKeysWithPrefix(prefix: string): Promise<void> {
  const admin = new Redis(TEST_REDIS_URL, { lazyConnect: true });
  try {
    await admin.connect();
    const stream = admin.scanStream({ match: `${prefix}*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length > 0) await admin.del(...keys);
    }
  } finally {
    admin.disconnect();
  }
}
