import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, type SyncStatus } from '../../app/sync/sync-model.ts';
import { syncBadgeMessages } from '../shell/sync-badge-messages.ts';
import { syncMessages } from './sync-messages.ts';
import {
  describePassphraseError,
  describeSyncStatus,
  isStoppedReason,
  syncBadgeText,
  type PassphraseAction,
  type PassphraseErrorCode,
} from './sync-status-text.ts';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const STATUSES: readonly SyncStatus[] = [
  { kind: 'off' },
  { kind: 'connecting' },
  { kind: 'needs_passphrase', hasKey: false },
  { kind: 'needs_passphrase', hasKey: true },
  { kind: 'up_to_date' },
  { kind: 'syncing', documents: 1234 },
  { kind: 'offline' },
  { kind: 'error', reason: 'token_revoked' },
  { kind: 'error', reason: 'account_deleted' },
  { kind: 'error', reason: 'protocol_mismatch' },
  { kind: 'error', reason: 'unauthenticated' },
  { kind: 'error', reason: 'push failed: store_unavailable' },
];
const CODES: readonly PassphraseErrorCode[] = [
  'too_short',
  'not_connected',
  'unsupported_record',
  'wrong_passphrase',
];
const ACTIONS: readonly PassphraseAction[] = ['create', 'unlock', 'change'];
const LANGUAGES = ['en', 'fr'] as const;
const unfilled = /\{\w+\}/;

describe('describeSyncStatus', () => {
  it('has a filled-in sentence for every status in both languages', () => {
    for (const language of LANGUAGES) {
      for (const status of STATUSES) {
        const { text } = describeSyncStatus(syncMessages[language], status, language);
        expect(text.trim(), `${language} ${JSON.stringify(status)}`).not.toBe('');
        expect(text).not.toMatch(unfilled);
      }
    }
  });
  it('formats the count with the locale', () => {
    const syncing: SyncStatus = { kind: 'syncing', documents: 1234 };
    expect(describeSyncStatus(syncMessages.en, syncing, 'en').text).toMatch(/^Syncing 1,234…/);
    expect(plain(describeSyncStatus(syncMessages.fr, syncing, 'fr').text)).toMatch(
      /^Synchronisation \(1 234\)…/,
    );
  });
  it('explains stopped reasons and keeps the detail of other failures', () => {
    const stopped = describeSyncStatus(
      syncMessages.en,
      { kind: 'error', reason: 'protocol_mismatch' },
      'en',
    );
    expect(stopped).toEqual({ text: syncMessages.en.error_protocol_mismatch, detail: null });
    const failed = describeSyncStatus(syncMessages.en, { kind: 'error', reason: 'boom' }, 'en');
    expect(failed).toEqual({ text: syncMessages.en.error_generic, detail: 'boom' });
  });
});

describe('syncBadgeText', () => {
  it('has a short text for every status in both languages', () => {
    for (const language of LANGUAGES) {
      for (const status of STATUSES) {
        const { text, title } = syncBadgeText(syncBadgeMessages[language], status, language);
        expect(text.trim(), `${language} ${JSON.stringify(status)}`).not.toBe('');
        expect(text).not.toMatch(unfilled);
        if (status.kind === 'error') expect(title?.trim()).toBeTruthy();
        if (title !== null) expect(title).not.toMatch(unfilled);
      }
    }
  });
  it('uses the texts the end-to-end tests wait for', () => {
    const en = syncBadgeMessages.en;
    expect(syncBadgeText(en, { kind: 'up_to_date' }, 'en').text).toBe('Up to date');
    expect(syncBadgeText(en, { kind: 'syncing', documents: 3 }, 'en').text).toBe('Syncing 3…');
    expect(
      plain(syncBadgeText(syncBadgeMessages.fr, { kind: 'syncing', documents: 1500 }, 'fr').text),
    ).toBe('Synchronisation (1 500)…');
    expect(syncBadgeText(en, { kind: 'error', reason: 'boom' }, 'en').title).toContain('boom');
  });
});

describe('describePassphraseError', () => {
  it('explains every code, whatever the action, in both languages', () => {
    for (const language of LANGUAGES) {
      for (const code of CODES) {
        for (const action of ACTIONS) {
          const text = describePassphraseError(syncMessages[language], code, action);
          expect(text.trim(), `${language} ${code} ${action}`).not.toBe('');
          expect(text).not.toMatch(unfilled);
        }
      }
    }
  });
  it('names the minimum length and tells a wrong current passphrase apart', () => {
    expect(describePassphraseError(syncMessages.en, 'too_short', 'create')).toContain(
      String(MIN_PASSPHRASE_LENGTH),
    );
    expect(describePassphraseError(syncMessages.en, 'wrong_passphrase', 'unlock')).toBe(
      'This passphrase does not unlock your data. Check it and try again.',
    );
    expect(describePassphraseError(syncMessages.en, 'wrong_passphrase', 'change')).toBe(
      syncMessages.en.error_wrong_current,
    );
  });
});

describe('isStoppedReason', () => {
  it('tells the reasons that need the person from retried failures', () => {
    expect(isStoppedReason('token_revoked')).toBe(true);
    expect(isStoppedReason('unauthenticated')).toBe(true);
    expect(isStoppedReason('push failed')).toBe(false);
  });
});
