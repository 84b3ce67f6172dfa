import type { CloseReason } from '@tirelire/shared/protocol';

/**
 * Where the connection to the sync server stands. `stopped` needs the person (log in again,
 * reload the app); every other state heals by itself.
 */
export type ConnectionState =
  | { readonly state: 'idle' }
  | { readonly state: 'connecting' }
  | { readonly state: 'online'; readonly userId: string }
  | { readonly state: 'offline'; readonly retryAt: number }
  | { readonly state: 'stopped'; readonly reason: StopReason };

export type StopReason =
  | Extract<
      CloseReason,
      'protocol_mismatch' | 'token_revoked' | 'account_deleted' | 'unauthenticated'
    >
  | 'signed_out';

/** Close reasons after which reconnecting cannot help. */
export const FATAL_CLOSE_REASONS: ReadonlySet<CloseReason> = new Set([
  'protocol_mismatch',
  'token_revoked',
  'account_deleted',
]);
