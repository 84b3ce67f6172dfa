import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log.ts';
import { describeServerStoreContract } from '../../ports/server-store.contract.ts';
import { EmbeddedServerStore, StoreOpenError } from './EmbeddedServerStore.ts';

const scratch = await mkdtemp(join(tmpdir(), 'tirelire-embedded-'));
let counter = 0;
const freshDir = () => join(scratch, `store-${++counter}`, 'data');
const openAt = (dataDir: string) => EmbeddedServerStore.open({ dataDir, log: silentLogger });

afterAll(() => rm(scratch, { recursive: true, force: true }));

describeServerStoreContract('EmbeddedServerStore', {
  kind: 'embedded',
  makeStore: () => openAt(freshDir()),
  makeBrokenStore: async () => {
    // The disk disappearing from under a running server: the directory is gone.
    const dataDir = freshDir();
    const store = await openAt(dataDir);
    await rm(dataDir, { recursive: true });
    return store;
  },
});

describe('EmbeddedServerStore on disk', () => {
  it('creates its directory (and missing parents) private to the user, 0700', async () => {
    const dataDir = freshDir();
    const store = await openAt(dataDir);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    await store.close();
  });

  it('writes a manifest, leaves no temporary file, and reopens its own directory', async () => {
    const dataDir = freshDir();
    await (await openAt(dataDir)).close();
    expect(await readdir(dataDir)).toEqual(['store.json']);
    expect(JSON.parse(await readFile(join(dataDir, 'store.json'), 'utf8'))).toEqual({
      format: 'tirelire-sync-store',
      version: 1,
    });
    expect((await stat(join(dataDir, 'store.json'))).mode & 0o777).toBe(0o600);
    const reopened = await openAt(dataDir);
    expect((await reopened.health()).ok).toBe(true);
    await reopened.close();
  });

  it.each([
    ['corrupt JSON', '{"format":', /not valid JSON/],
    ['another format', '{"format":"other","version":1}', /not a version-1 Tirelire store/],
    ['a newer version', '{"format":"tirelire-sync-store","version":2}', /newer release/],
  ])('refuses to open a directory holding %s', async (_, manifest, message) => {
    const dataDir = freshDir();
    await (await openAt(dataDir)).close();
    await writeFile(join(dataDir, 'store.json'), manifest);
    const opening = openAt(dataDir);
    await expect(opening).rejects.toThrow(StoreOpenError);
    await expect(opening).rejects.toThrow(message);
  });
});
