import {
  envelopeSchema,
  keyRecordSchema,
  MIN_PBKDF2_ITERATIONS,
  type KeyRecord,
} from '@tirelire/shared/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DocumentCipherError,
  type DataKeyWrapping,
  type DocumentAddress,
  type DocumentCipher,
  type SealedDocument,
  type UnlockedKeyStore,
} from './sync-keys.ts';

/** Each PBKDF2 derivation at 600,000 iterations takes about half a second; some tests do three. */
const DERIVING_TIMEOUT = 30_000;

const PASSPHRASE = 'correct horse battery staple';
const WRONG_PASSPHRASE = 'correct horse battery stapler';
const NEW_PASSPHRASE = 'Tr0ub4dor & 3, now with more words';

const ADDRESS: DocumentAddress = { collection: 'operations', id: 'op-2024-0001', deleted: false };
const DOCUMENT = JSON.stringify({
  label: 'Boulangerie Paul',
  amountCents: -420,
  date: '2024-03-02',
});

const WRONG_PASSPHRASE_RESULT = { ok: false, code: 'wrong_passphrase' };
const UNSUPPORTED_RESULT = { ok: false, code: 'unsupported_record' };

type Created = Awaited<ReturnType<DataKeyWrapping['create']>>;

export function runDataKeyWrappingContract(name: string, factory: () => DataKeyWrapping): void {
  describe(`DataKeyWrapping contract: ${name}`, { timeout: DERIVING_TIMEOUT }, () => {
    let wrapping: DataKeyWrapping;
    // Two keys made once for the whole suite (PBKDF2 is slow on purpose); same passphrase for
    // both, so that every difference between them comes from fresh randomness.
    let first: Created;
    let second: Created;
    beforeAll(async () => {
      wrapping = factory();
      first = await wrapping.create(PASSPHRASE);
      second = await wrapping.create(PASSPHRASE);
    }, DERIVING_TIMEOUT);

    describe('create', () => {
      it('makes a schema-valid record at revision 1, wrapped with PBKDF2-SHA256 (P-KEY-1)', () => {
        const { record, cipher } = first;
        expect(keyRecordSchema.safeParse(record).success).toBe(true);
        expect(record.revision).toBe(1);
        expect(record.kdf.name).toBe('PBKDF2-SHA256');
        // Both: OWASP's figure holds even if the shared constant were ever lowered by mistake.
        expect(record.kdf.iterations).toBeGreaterThanOrEqual(MIN_PBKDF2_ITERATIONS);
        expect(record.kdf.iterations).toBeGreaterThanOrEqual(600_000);
        expect(decodedLength(record.kdf.salt)).toBe(16);
        expect(decodedLength(record.iv)).toBe(12);
        expect(cipher.keyId).toBe(record.keyId);
        expect(JSON.stringify(record)).not.toContain(PASSPHRASE);
      });

      it('draws a fresh keyId, salt, IV and key every time', async () => {
        expect(second.record.keyId).not.toBe(first.record.keyId);
        expect(second.record.kdf.salt).not.toBe(first.record.kdf.salt);
        expect(second.record.iv).not.toBe(first.record.iv);
        expect(second.record.wrappedKey).not.toBe(first.record.wrappedKey);
        const sealed = await first.cipher.seal(ADDRESS, DOCUMENT);
        await expectUnreadable(second.cipher.open(ADDRESS, sealed));
      });
    });

    describe('the cipher (P-CRYPTO-1)', () => {
      it('opens what it sealed: empty, Unicode, 40 KB', async () => {
        const texts = [
          '',
          DOCUMENT,
          'Café crème ☕ · 日本語 · 🐖💶 · «guillemets» · \u0000 nul · e\u0301',
          JSON.stringify({ note: 'x'.repeat(40 * 1024) }),
        ];
        for (const text of texts) {
          const sealed = await first.cipher.seal(ADDRESS, text);
          expectEnvelopeShaped(sealed);
          expect(await first.cipher.open(ADDRESS, sealed)).toBe(text);
        }
      });

      it('seals the same text differently each time (fresh IV)', async () => {
        const once = await first.cipher.seal(ADDRESS, DOCUMENT);
        const twice = await first.cipher.seal(ADDRESS, DOCUMENT);
        expect(twice.iv).not.toBe(once.iv);
        expect(twice.ciphertext).not.toBe(once.ciphertext);
      });

      it('refuses a ciphertext with any one bit flipped, or cut short', async () => {
        const sealed = await first.cipher.seal(ADDRESS, DOCUMENT);
        const length = decodedLength(sealed.ciphertext);
        // The first byte, one in the middle, and the last (inside GCM's tag).
        for (const index of [0, Math.floor(length / 2), length - 1]) {
          const altered = { ...sealed, ciphertext: flipBit(sealed.ciphertext, index) };
          await expectUnreadable(first.cipher.open(ADDRESS, altered));
        }
        const cut = { ...sealed, ciphertext: sealed.ciphertext.slice(0, 8) };
        await expectUnreadable(first.cipher.open(ADDRESS, cut));
      });

      it('refuses a changed IV', async () => {
        const sealed = await first.cipher.seal(ADDRESS, DOCUMENT);
        await expectUnreadable(
          first.cipher.open(ADDRESS, { ...sealed, iv: flipBit(sealed.iv, 5) }),
        );
        const other = await first.cipher.seal(ADDRESS, DOCUMENT);
        await expectUnreadable(first.cipher.open(ADDRESS, { ...sealed, iv: other.iv }));
      });

      it('refuses a document moved to another address or with its deletion flipped', async () => {
        const sealed = await first.cipher.seal(ADDRESS, DOCUMENT);
        const elsewhere: DocumentAddress[] = [
          { ...ADDRESS, id: 'op-2024-0002' },
          { ...ADDRESS, collection: 'accounts' },
          { ...ADDRESS, deleted: true },
        ];
        for (const address of elsewhere) {
          await expectUnreadable(first.cipher.open(address, sealed));
        }
        const tombstone = await first.cipher.seal({ ...ADDRESS, deleted: true }, '{}');
        await expectUnreadable(first.cipher.open(ADDRESS, tombstone));
      });

      it('refuses what another key sealed', async () => {
        const sealed = await second.cipher.seal(ADDRESS, DOCUMENT);
        await expectUnreadable(first.cipher.open(ADDRESS, sealed));
      });

      it('refuses malformed base64 with a DocumentCipherError', async () => {
        const sealed = await first.cipher.seal(ADDRESS, DOCUMENT);
        const malformed: SealedDocument[] = [
          { ...sealed, ciphertext: `${sealed.ciphertext}!` },
          { ...sealed, ciphertext: '' },
          { ...sealed, iv: 'not base64 at all' },
          { ...sealed, iv: '' },
        ];
        for (const broken of malformed) {
          await expectUnreadable(first.cipher.open(ADDRESS, broken));
        }
      });
    });

    describe('unlock', () => {
      it('with the right passphrase, gives a cipher of the same key', async () => {
        const sealedByCreator = await first.cipher.seal(ADDRESS, DOCUMENT);
        const unlocked = await wrapping.unlock(first.record, PASSPHRASE);
        if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.code}`);
        expect(unlocked.cipher.keyId).toBe(first.record.keyId);
        expect(await unlocked.cipher.open(ADDRESS, sealedByCreator)).toBe(DOCUMENT);
        const sealedByDevice = await unlocked.cipher.seal(ADDRESS, 'from another device');
        expect(await first.cipher.open(ADDRESS, sealedByDevice)).toBe('from another device');
      });

      it('with a wrong passphrase, fails with wrong_passphrase', async () => {
        expect(await wrapping.unlock(first.record, WRONG_PASSPHRASE)).toEqual(
          WRONG_PASSPHRASE_RESULT,
        );
      });

      it('refuses a record it does not support, with unsupported_record', async () => {
        for (const record of unsupportedVariants(first.record)) {
          expect(await wrapping.unlock(record, PASSPHRASE)).toEqual(UNSUPPORTED_RESULT);
        }
      });
    });

    describe('rewrap (P-KEY-2)', () => {
      let rewrapped: KeyRecord;
      beforeAll(async () => {
        const result = await wrapping.rewrap(first.record, PASSPHRASE, NEW_PASSPHRASE);
        if (!result.ok) throw new Error(`rewrap failed: ${result.code}`);
        rewrapped = result.record;
      }, DERIVING_TIMEOUT);

      it('gives the same key at the next revision, under a fresh salt', () => {
        expect(keyRecordSchema.safeParse(rewrapped).success).toBe(true);
        expect(rewrapped.revision).toBe(first.record.revision + 1);
        expect(rewrapped.keyId).toBe(first.record.keyId);
        expect(rewrapped.kdf.iterations).toBeGreaterThanOrEqual(MIN_PBKDF2_ITERATIONS);
        expect(rewrapped.kdf.salt).not.toBe(first.record.kdf.salt);
        expect(decodedLength(rewrapped.kdf.salt)).toBe(16);
        expect(JSON.stringify(rewrapped)).not.toContain(NEW_PASSPHRASE);
      });

      it('is unlocked by the new passphrase, and opens documents sealed before', async () => {
        const sealedBefore = await first.cipher.seal(ADDRESS, DOCUMENT);
        const unlocked = await wrapping.unlock(rewrapped, NEW_PASSPHRASE);
        if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.code}`);
        expect(unlocked.cipher.keyId).toBe(first.record.keyId);
        expect(await unlocked.cipher.open(ADDRESS, sealedBefore)).toBe(DOCUMENT);
      });

      it('is no longer unlocked by the old passphrase', async () => {
        expect(await wrapping.unlock(rewrapped, PASSPHRASE)).toEqual(WRONG_PASSPHRASE_RESULT);
      });

      it('needs the current passphrase', async () => {
        expect(await wrapping.rewrap(first.record, WRONG_PASSPHRASE, NEW_PASSPHRASE)).toEqual(
          WRONG_PASSPHRASE_RESULT,
        );
      });

      it('refuses a record it does not support, with unsupported_record', async () => {
        for (const record of unsupportedVariants(first.record)) {
          expect(await wrapping.rewrap(record, PASSPHRASE, NEW_PASSPHRASE)).toEqual(
            UNSUPPORTED_RESULT,
          );
        }
      });
    });
  });
}

/** A key store under test, and what the contract needs around it. */
export interface UnlockedKeyStoreUnderTest {
  readonly store: UnlockedKeyStore;
  /** A cipher over a fresh key, of a kind this store can keep (no passphrase needed). */
  readonly newCipher: () => Promise<DocumentCipher>;
  /** Puts something unreadable where `userId`'s key belongs; absent if nothing can be. */
  readonly writeUnreadableEntry?: (userId: string) => Promise<void>;
}

export function runUnlockedKeyStoreContract(
  name: string,
  factory: () => UnlockedKeyStoreUnderTest,
): void {
  describe(`UnlockedKeyStore contract: ${name}`, () => {
    it('loads null for a user it has no key for', async () => {
      const { store, newCipher } = factory();
      expect(await store.load('ana')).toBeNull();
      await store.save('ana', await newCipher());
      expect(await store.load('bruno')).toBeNull();
    });

    it('gives back a cipher of the saved key, which opens what the original sealed', async () => {
      const { store, newCipher } = factory();
      const saved = await newCipher();
      const sealedBefore = await saved.seal(ADDRESS, DOCUMENT);
      await store.save('ana', saved);
      const loaded = await store.load('ana');
      expect(loaded?.keyId).toBe(saved.keyId);
      expect(await loaded!.open(ADDRESS, sealedBefore)).toBe(DOCUMENT);
      const sealedAfter = await loaded!.seal(ADDRESS, 'sealed after loading');
      expect(await saved.open(ADDRESS, sealedAfter)).toBe('sealed after loading');
    });

    it('keeps the last key saved for a user', async () => {
      const { store, newCipher } = factory();
      await store.save('ana', await newCipher());
      const latest = await newCipher();
      await store.save('ana', latest);
      expect((await store.load('ana'))?.keyId).toBe(latest.keyId);
    });

    it("keeps each user's key apart", async () => {
      const { store, newCipher } = factory();
      const ana = await newCipher();
      const bruno = await newCipher();
      await store.save('ana', ana);
      await store.save('bruno', bruno);
      const loadedAna = await store.load('ana');
      const loadedBruno = await store.load('bruno');
      expect(loadedAna?.keyId).toBe(ana.keyId);
      expect(loadedBruno?.keyId).toBe(bruno.keyId);
      const sealedForBruno = await bruno.seal(ADDRESS, DOCUMENT);
      await expectUnreadable(loadedAna!.open(ADDRESS, sealedForBruno));
      expect(await loadedBruno!.open(ADDRESS, sealedForBruno)).toBe(DOCUMENT);
    });

    it('forgets every key on clear, and can keep keys again afterwards', async () => {
      const { store, newCipher } = factory();
      await store.save('ana', await newCipher());
      await store.save('bruno', await newCipher());
      await store.clear();
      expect(await store.load('ana')).toBeNull();
      expect(await store.load('bruno')).toBeNull();
      const again = await newCipher();
      await store.save('ana', again);
      expect((await store.load('ana'))?.keyId).toBe(again.keyId);
    });

    // Only stores that can hold unreadable data (IndexedDB can; memory cannot) get this clause:
    // registered or not, never skipped.
    if (factory().writeUnreadableEntry !== undefined) {
      it('loads an unreadable entry as null, and a save replaces it', async () => {
        const { store, newCipher, writeUnreadableEntry } = factory();
        await writeUnreadableEntry!('ana');
        expect(await store.load('ana')).toBeNull();
        const replacement = await newCipher();
        await store.save('ana', replacement);
        expect((await store.load('ana'))?.keyId).toBe(replacement.keyId);
      });
    }
  });
}

/** Records a client must refuse before deriving anything: another KDF, or too few iterations. */
export function unsupportedVariants(record: KeyRecord): KeyRecord[] {
  const variants: unknown[] = [
    { ...record, kdf: { ...record.kdf, iterations: MIN_PBKDF2_ITERATIONS - 1 } },
    { ...record, kdf: { ...record.kdf, iterations: 1_000 } },
    { ...record, kdf: { ...record.kdf, name: 'PBKDF2-SHA1' } },
    { ...record, kdf: { name: 'argon2id', memoryKiB: 65_536, salt: record.kdf.salt } },
  ];
  // Deliberately off-schema: these stand for records as a server (or attacker) could send them.
  return variants as KeyRecord[];
}

async function expectUnreadable(opening: Promise<string>): Promise<void> {
  await expect(opening).rejects.toBeInstanceOf(DocumentCipherError);
}

function expectEnvelopeShaped(sealed: SealedDocument): void {
  expect(envelopeSchema.shape.iv.safeParse(sealed.iv).success).toBe(true);
  expect(envelopeSchema.shape.ciphertext.safeParse(sealed.ciphertext).success).toBe(true);
  expect(decodedLength(sealed.iv)).toBe(12);
}

function decodedLength(base64: string): number {
  return atob(base64).length;
}

/** Flips the lowest bit of one byte of a (small) base64 value. */
function flipBit(base64: string, byteIndex: number): string {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  bytes[byteIndex] = (bytes[byteIndex] ?? 0) ^ 1;
  return btoa(String.fromCharCode(...bytes));
}
