import { z } from 'zod';
import { base64Schema, counterSchema, ivSchema } from './envelope.ts';

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256; the client refuses to unwrap with fewer. */
export const MIN_PBKDF2_ITERATIONS = 600_000;

/**
 * The user's data key, wrapped (AES-GCM) by a key derived from their sync passphrase. The server
 * stores it so a new device can unlock with the passphrase alone, and cannot use it: it never
 * sees the passphrase (SPEC P-KEY-1). Changing the passphrase rewraps the same data key, so no
 * document is re-encrypted. `revision` is the server's counter for compare-and-set.
 */
export const keyRecordSchema = z.object({
  keyId: z.string().min(1).max(64),
  kdf: z.object({
    name: z.literal('PBKDF2-SHA256'),
    iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(10_000_000),
    // At least 16 bytes of salt (24 base64 characters), as P-KEY-1 says.
    salt: base64Schema(64).min(24),
  }),
  iv: ivSchema,
  wrappedKey: base64Schema(128).min(1),
  revision: counterSchema,
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;
