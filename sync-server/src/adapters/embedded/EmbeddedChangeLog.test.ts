import { randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log.ts';
import type { ChangeLog } from '../../ports/change-log.ts';
import { runChangeLogContract } from '../../ports/change-log.contract.ts';
import { create, edit, keyRecord, stored } from '../../ports/change-log-fixtures.contract.ts';
import { CHANGE_LOG_FILE, EmbeddedChangeLog } from './EmbeddedChangeLog.ts';
import { StoreOpenError } from './EmbeddedServerStore.ts';

const scratch = await mkdtemp(join(tmpdir(), 'tirelire-change-log-'));
let dirCount = 0;
const freshDir = () => join(scratch, `log-${++dirCount}`);
const openAt = (dataDir: string, compactAtBytes?: number) =>
  EmbeddedChangeLog.open({ dataDir, log: silentLogger, compactAtBytes });

afterAll(() => rm(scratch, { recursive: true, force: true }));

// One process per data directory: a second instance would be a second writer.
runChangeLogContract('EmbeddedChangeLog', () => {
  const dataDir = freshDir();
  return Promise.resolve({ allowsSeveralInstances: false, open: () => openAt(dataDir) });
});

/** Writes a little of everything; returns what a reopened log must show. */
async function writeSome(log: ChangeLog) {
  const [ada, gone] = [randomUUID(), randomUUID()];
  const a = create('a');
  const a2 = edit(a.envelope);
  const account = create('acc', 'accounts');
  await log.push(ada, 'operations', [a, create('b')]);
  await log.push(ada, 'operations', [a2]);
  await log.push(ada, 'accounts', [account]);
  const key = keyRecord(1);
  await log.writeKey(ada, 0, key);
  await log.push(gone, 'operations', [create('secret')]);
  await log.deleteUser(gone);
  const expectations = async (reopened: ChangeLog) => {
    expect(await reopened.head(ada)).toBe(4);
    expect(await reopened.readKey(ada)).toEqual(key);
    const operations = await reopened.pull(ada, 'operations', 0, 10);
    expect(operations.documents.map((doc) => [doc.id, doc.seq])).toEqual([
      ['b', 2],
      ['a', 3],
    ]);
    expect(operations.documents[1]).toEqual(stored(a2, 3));
    expect((await reopened.pull(ada, 'accounts', 0, 10)).documents).toEqual([stored(account, 4)]);
    expect(await reopened.head(gone)).toBe(0);
    // And the numbering carries on where it stopped.
    expect((await reopened.push(ada, 'rules', [create('r', 'rules')])).written[0]?.seq).toBe(5);
  };
  return { expectations, gone };
}

describe('EmbeddedChangeLog on disk', () => {
  it('keeps what it acknowledged through close and reopen, in one private file', async () => {
    const dataDir = freshDir();
    const log = await openAt(dataDir);
    const { expectations } = await writeSome(log);
    await log.close();
    expect(await readdir(dataDir)).toEqual([CHANGE_LOG_FILE]);
    expect((await stat(join(dataDir, CHANGE_LOG_FILE))).mode & 0o777).toBe(0o600);
    const reopened = await openAt(dataDir);
    await expectations(reopened);
    await reopened.close();
  });

  it('keeps what it acknowledged through a crash (reopened without closing)', async () => {
    const dataDir = freshDir();
    const crashed = await openAt(dataDir);
    const { expectations } = await writeSome(crashed);
    const reopened = await openAt(dataDir);
    await expectations(reopened);
    await reopened.close();
    await crashed.close();
  });

  it('ignores a torn last line, and appends cleanly after it', async () => {
    const dataDir = freshDir();
    const log = await openAt(dataDir);
    const { expectations } = await writeSome(log);
    await log.close();
    const file = join(dataDir, CHANGE_LOG_FILE);
    await appendFile(file, '{"op":"push","user":"x","documents":[{"id":"half-writ');
    const reopened = await openAt(dataDir);
    await expectations(reopened);
    await reopened.close();
    expect(await readFile(file, 'utf8')).not.toContain('half-writ');
    const again = await openAt(dataDir);
    expect((await again.pull(randomUUID(), 'rules', 0, 1)).documents).toEqual([]);
    await again.close();
  });

  it('leaves nothing of a deleted user in its file', async () => {
    const dataDir = freshDir();
    const log = await openAt(dataDir);
    const { gone } = await writeSome(log);
    const file = await readFile(join(dataDir, CHANGE_LOG_FILE), 'utf8');
    expect(file).not.toContain(gone);
    expect(file).not.toContain('secret');
    await log.close();
  });

  it('compacts a long journal into the state it rebuilds', async () => {
    const dataDir = freshDir();
    const log = await openAt(dataDir, 8 * 1024);
    const user = randomUUID();
    let last = create('a');
    await log.push(user, 'operations', [last]);
    for (let n = 0; n < 300; n++) {
      last = edit(last.envelope);
      await log.push(user, 'operations', [last]);
    }
    await log.writeKey(user, 0, keyRecord(1));
    await log.close();
    // 301 writes of ~300 bytes each, compacted down to a few kilobytes.
    expect((await stat(join(dataDir, CHANGE_LOG_FILE))).size).toBeLessThan(20 * 1024);
    const reopened = await openAt(dataDir);
    expect(await reopened.head(user)).toBe(301);
    expect((await reopened.pull(user, 'operations', 0, 10)).documents).toEqual([stored(last, 301)]);
    expect(await reopened.readKey(user)).toMatchObject({ revision: 1 });
    await reopened.close();
  });

  it('refuses a journal corrupt before its last line, or not its own', async () => {
    const dataDir = freshDir();
    const log = await openAt(dataDir);
    await writeSome(log);
    await log.close();
    const file = join(dataDir, CHANGE_LOG_FILE);
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[1] = '{"op":"push","user":"x","documents":[{"id":1}]}';
    await writeFile(file, lines.join('\n'));
    await expect(openAt(dataDir)).rejects.toThrow(/line 2 is corrupt/);
    await writeFile(file, '{"format":"tirelire-auth","version":1}\n');
    await expect(openAt(dataDir)).rejects.toThrow(StoreOpenError);
  });
});
