import type { Clock } from '@tirelire/shared';
import type { KeyRing } from '../auth/keys.ts';
import { verifyAccessToken, type TokenAudience } from '../auth/tokens.ts';
import type { VerifyToken } from './sync-connection.ts';

/**
 * Checks a `hello` token with the accounts API's own verification (ES256 only, our issuer and
 * audience, not expired), once per socket (P-HELLO-1): signatures cost ~0.1 ms each, which
 * would dominate if paid per message.
 */
export function tokenVerifier(
  keyRing: KeyRing,
  audience: TokenAudience,
  clock: Clock,
): VerifyToken {
  return async (token) => {
    const verified = await verifyAccessToken(token, keyRing.verification, {
      ...audience,
      now: new Date(clock.now()),
    });
    if (!verified.ok) return { ok: false, code: verified.code };
    const { subject, jti, expiresAt } = verified.value;
    return { ok: true, value: { userId: subject, jti, expiresAt: expiresAt.getTime() } };
  };
}
