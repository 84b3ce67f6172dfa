import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeAuthStoreContract } from '../../ports/auth-store.contract.ts';
import { hashRefreshToken, toFamilyId } from '../../ports/auth-store.ts';
import { AUTH_FILE, EmbeddedAuthStore } from './EmbeddedAuthStore.ts';
import { StoreOpenError } from './EmbeddedServerStore.ts';

const scratch = await mkdtemp(join(tmpdir(), 'tirelire-auth-'));
let counter = 0;
const freshDir = () => join(scratch, `store-${++counter}`);
const T0 = 1_700_000_000_000;

afterAll(() => rm(scratch, { recursive: true, force: true }));

describeAuthStoreContract('EmbeddedAuthStore', {
  makeStore: () => EmbeddedAuthStore.open({ dataDir: freshDir() }),
});

describe('EmbeddedAuthStore on disk', () => {
  const signUp = async (store: EmbeddedAuthStore, email: string) => {
    const created = await store.createUser({ email, passwordHash: 'h', createdAt: T0 });
    if (!created.ok) throw new Error('sign-up failed');
    return created.value;
  };

  it('survives close and reopen: users, emails and sessions, in a private file', async () => {
    const dataDir = freshDir();
    const store = await EmbeddedAuthStore.open({ dataDir });
    const user = await signUp(store, 'ada@example.org');
    const first = { userId: user.id, tokenHash: hashRefreshToken(`${user.id}.a`) };
    const second = { tokenHash: hashRefreshToken(`${user.id}.b`), expiresAt: T0 + 60_000 };
    await store.saveRefreshToken(
      { ...first, familyId: toFamilyId('family-1')!, expiresAt: T0 + 60_000 },
      T0,
    );
    await store.rotateRefreshToken(first, second, T0 + 1);
    await store.close();

    expect(await readdir(dataDir)).toEqual([AUTH_FILE]);
    expect((await stat(join(dataDir, AUTH_FILE))).mode & 0o777).toBe(0o600);

    const reopened = await EmbeddedAuthStore.open({ dataDir });
    expect(await reopened.findUserByEmail('ada@example.org')).toEqual(user);
    // Reuse detection survives the restart too.
    const third = { tokenHash: hashRefreshToken(`${user.id}.c`), expiresAt: T0 + 60_000 };
    expect(await reopened.rotateRefreshToken(first, third, T0 + 2)).toMatchObject({
      code: 'reused',
    });
    await reopened.close();
  });

  it('keeps nothing of a deleted user in its file', async () => {
    const dataDir = freshDir();
    const store = await EmbeddedAuthStore.open({ dataDir });
    const keep = await signUp(store, 'keep@example.org');
    const gone = await signUp(store, 'gone@example.org');
    const tokenHash = hashRefreshToken(`${gone.id}.a`);
    await store.saveRefreshToken(
      { userId: gone.id, familyId: toFamilyId('family-2')!, tokenHash, expiresAt: T0 + 60_000 },
      T0,
    );
    await store.deleteUser(gone.id);
    await store.close();

    const file = await readFile(join(dataDir, AUTH_FILE), 'utf8');
    expect(file).not.toContain(gone.id);
    expect(file).not.toContain('gone@example.org');
    expect(file).not.toContain(tokenHash);
    expect(file).toContain(keep.id);
  });

  it('writes every change of a burst, one write at a time', async () => {
    const dataDir = freshDir();
    const store = await EmbeddedAuthStore.open({ dataDir });
    await Promise.all(Array.from({ length: 30 }, (_, n) => signUp(store, `u${n}@example.org`)));
    await store.close();
    const reopened = await EmbeddedAuthStore.open({ dataDir });
    for (let n = 0; n < 30; n++) {
      expect(await reopened.findUserByEmail(`u${n}@example.org`)).toBeDefined();
    }
    await reopened.close();
  });

  it('refuses to open a corrupt or foreign file', async () => {
    const dataDir = freshDir();
    await (await EmbeddedAuthStore.open({ dataDir })).close();
    await writeFile(join(dataDir, AUTH_FILE), '{"format":');
    await expect(EmbeddedAuthStore.open({ dataDir })).rejects.toThrow(StoreOpenError);
    await writeFile(join(dataDir, AUTH_FILE), '{"format":"other","version":1}');
    await expect(EmbeddedAuthStore.open({ dataDir })).rejects.toThrow(/not a version-1/);
  });
});
