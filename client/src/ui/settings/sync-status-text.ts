import type { Language } from '@tirelire/shared';
import {
  MIN_PASSPHRASE_LENGTH,
  type PassphraseResult,
  type SyncStatus,
} from '../../app/sync/sync-model.ts';
import type { StopReason } from '../../app/sync/sync-state.ts';
import { interpolate, localeOf, type Messages } from '../i18n/i18n.ts';
import type { syncBadgeMessages } from '../shell/sync-badge-messages.ts';
import type { syncMessages } from './sync-messages.ts';

// Messages are passed in rather than imported so the top bar's badge can use this module without
// pulling the settings screen's texts into the start-up bundle.
type SyncMessages = Messages<keyof (typeof syncMessages)['en']>;
type SyncBadgeMessages = Messages<keyof (typeof syncBadgeMessages)['en']>;

export type PassphraseErrorCode = Extract<PassphraseResult, { readonly ok: false }>['code'];
/** The same code means different things depending on what the person was doing. */
export type PassphraseAction = 'create' | 'unlock' | 'change';

/** Reasons after which sync waits for the person (log in again, reload): they never heal alone. */
export type StoppedReason = Exclude<StopReason, 'signed_out'>;

export function isStoppedReason(reason: string): reason is StoppedReason {
  return (
    reason === 'token_revoked' ||
    reason === 'account_deleted' ||
    reason === 'protocol_mismatch' ||
    reason === 'unauthenticated'
  );
}

/** A sentence, plus the raw failure message for the curious (only for unexplained errors). */
export interface SyncStatusText {
  readonly text: string;
  readonly detail: string | null;
}

function count(n: number, language: Language): string {
  return n.toLocaleString(localeOf(language));
}

/** The settings section's long form of the status. */
export function describeSyncStatus(
  t: SyncMessages,
  status: SyncStatus,
  language: Language,
): SyncStatusText {
  const plain = (text: string): SyncStatusText => ({ text, detail: null });
  switch (status.kind) {
    case 'off':
      return plain(t.status_off);
    case 'connecting':
      return plain(t.status_connecting);
    case 'needs_passphrase':
      return plain(status.hasKey ? t.status_needs_existing : t.status_needs_new);
    case 'up_to_date':
      return plain(t.status_up_to_date);
    case 'syncing':
      return plain(interpolate(t.status_syncing, { n: count(status.documents, language) }));
    case 'offline':
      return plain(t.status_offline);
    case 'error':
      return describeSyncError(t, status.reason);
  }
}

function describeSyncError(t: SyncMessages, reason: string): SyncStatusText {
  switch (reason) {
    case 'token_revoked':
      return { text: t.error_token_revoked, detail: null };
    case 'account_deleted':
      return { text: t.error_account_deleted, detail: null };
    case 'protocol_mismatch':
      return { text: t.error_protocol_mismatch, detail: null };
    case 'unauthenticated':
      return { text: t.error_unauthenticated, detail: null };
    default:
      // A replication failure: retried by the engine; its message helps a bug report.
      return { text: t.error_generic, detail: reason.trim() === '' ? null : reason };
  }
}

/** The top bar's short form; `title` explains an error on hover. */
export function syncBadgeText(
  t: SyncBadgeMessages,
  status: SyncStatus,
  language: Language,
): { readonly text: string; readonly title: string | null } {
  switch (status.kind) {
    case 'off':
      return { text: t.off, title: null };
    case 'connecting':
      return { text: t.connecting, title: null };
    case 'needs_passphrase':
      return { text: t.needsPassphrase, title: null };
    case 'up_to_date':
      return { text: t.upToDate, title: null };
    case 'syncing':
      return {
        text: interpolate(t.syncing, { n: count(status.documents, language) }),
        title: null,
      };
    case 'offline':
      return { text: t.offline, title: null };
    case 'error':
      return { text: t.error, title: badgeErrorTitle(t, status.reason) };
  }
}

function badgeErrorTitle(t: SyncBadgeMessages, reason: string): string {
  switch (reason) {
    case 'token_revoked':
      return t.reason_token_revoked;
    case 'account_deleted':
      return t.reason_account_deleted;
    case 'protocol_mismatch':
      return t.reason_protocol_mismatch;
    case 'unauthenticated':
      return t.reason_unauthenticated;
    default:
      return interpolate(t.reason_other, { detail: reason });
  }
}

/** Every failure of createPassphrase / unlock / changePassphrase as what happened + what to try. */
export function describePassphraseError(
  t: SyncMessages,
  code: PassphraseErrorCode,
  action: PassphraseAction,
): string {
  switch (code) {
    case 'too_short':
      return interpolate(t.error_too_short, { min: MIN_PASSPHRASE_LENGTH });
    case 'not_connected':
      return t.error_not_connected;
    case 'unsupported_record':
      return t.error_unsupported_record;
    case 'wrong_passphrase':
      // Creating falls back to unlocking when another device set a key first (SyncModel).
      return action === 'change'
        ? t.error_wrong_current
        : action === 'create'
          ? t.error_passphrase_taken
          : t.error_wrong_passphrase;
  }
}
