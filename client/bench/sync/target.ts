import type { BenchDocument } from './documents.ts';

/** What a full pull from checkpoint 0 brought. */
export interface PullTotals {
  readonly documents: number;
  readonly pages: number;
  /** Bytes of the reply frames (JSON text). */
  readonly bytes: number;
}

/** One connected device speaking a server's own protocol, the same calls for either server. */
export interface BenchDevice {
  /**
   * Writes new documents in one request (ours: a `push` of sealed rows; RxDB: a `masterWrite`)
   * and resolves when the server acknowledged it.
   */
  write(documents: readonly BenchDocument[]): Promise<void>;
  /**
   * Every live frame (changes pushed by the server), raw and unparsed; replies to this device's
   * requests are matched inside and never reach it.
   */
  onLive: ((frame: Buffer) => void) | null;
  /**
   * Pulls everything from checkpoint 0 in pages of 1,000, one page at a time. With `open`, ours
   * also decrypts every document (the next page is requested first); RxDB's are plain already.
   */
  pullAll(open: boolean): Promise<PullTotals>;
  readonly isOpen: boolean;
  close(): void;
}

/** A server under test, seen from the load generator. */
export interface SyncTarget {
  /** What a device presents when it connects (ours: an access token; RxDB asks for nothing). */
  credentialsFor(user: string): Promise<string>;
  /** Opens a socket and completes the server's handshake (ours: hello → welcome). */
  connect(credentials: string, localAddress: string): Promise<BenchDevice>;
  /** Cheap, byte-level: whether a live frame is a `resync` (ours) rather than changes. */
  isResync(frame: Buffer): boolean;
  /** The ids a live frame brings, read as a device reads them (ours: parsed and decrypted). */
  readLive(frame: Buffer): Promise<readonly string[]>;
}

export const PULL_PAGE = 1000;
