import type { KeyRecord, SyncedCollection } from '@tirelire/shared/protocol';

/** Which document a ciphertext belongs to: bound into AES-GCM's additional data (P-CRYPTO-1). */
export interface DocumentAddress {
  readonly collection: SyncedCollection;
  readonly id: string;
  readonly deleted: boolean;
}

/** Base64 ciphertext (with GCM's tag) and its 12-byte IV, as envelopes carry them. */
export interface SealedDocument {
  readonly ciphertext: string;
  readonly iv: string;
}

/**
 * Encrypts and decrypts documents with the user's data key. `open` rejects with
 * `DocumentCipherError` when the ciphertext was altered, moved to another address, or sealed
 * under another key: the caller treats that document as unreadable, never as empty.
 */
export interface DocumentCipher {
  readonly keyId: string;
  seal(address: DocumentAddress, plaintext: string): Promise<SealedDocument>;
  open(address: DocumentAddress, sealed: SealedDocument): Promise<string>;
}

export class DocumentCipherError extends Error {
  override name = 'DocumentCipherError';
}

export type UnlockFailure = 'wrong_passphrase' | 'unsupported_record';

/**
 * Makes, unlocks and rewraps the data key (P-KEY-1, P-KEY-2). The passphrase is only ever an
 * argument here: nothing stores it.
 *
 * Contract (sync-keys.contract.ts):
 * - `create` makes a random 256-bit key and a record at revision 1 wrapped with PBKDF2-SHA256
 *   (≥ 600,000 iterations, random 16-byte salt) and AES-GCM.
 * - `unlock` with the right passphrase gives a cipher that opens what any other cipher of the
 *   same key sealed; with a wrong one it fails with `wrong_passphrase`, never with a cipher.
 * - `rewrap` needs the current passphrase and returns a record at `revision + 1` that the new
 *   passphrase unlocks (and the old one no longer does) for the same key: same `keyId`, and
 *   documents sealed before still open.
 */
export interface DataKeyWrapping {
  create(
    passphrase: string,
  ): Promise<{ readonly cipher: DocumentCipher; readonly record: KeyRecord }>;
  unlock(
    record: KeyRecord,
    passphrase: string,
  ): Promise<
    | { readonly ok: true; readonly cipher: DocumentCipher }
    | { readonly ok: false; readonly code: UnlockFailure }
  >;
  rewrap(
    record: KeyRecord,
    currentPassphrase: string,
    newPassphrase: string,
  ): Promise<
    | { readonly ok: true; readonly record: KeyRecord }
    | { readonly ok: false; readonly code: UnlockFailure }
  >;
}

/**
 * Keeps the unlocked key on this device so the passphrase is asked once per device, not per
 * visit. Browsers store a non-extractable CryptoKey: script on the page can use it, but cannot
 * read its bytes. Contract: sync-keys.contract.ts (`runUnlockedKeyStoreContract`).
 */
export interface UnlockedKeyStore {
  /** Null when this device has no key for that user, or what is stored is unreadable. */
  load(userId: string): Promise<DocumentCipher | null>;
  save(userId: string, cipher: DocumentCipher): Promise<void>;
  /** Forgets every stored key (log out, account deleted). */
  clear(): Promise<void>;
}
