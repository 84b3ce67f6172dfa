import { parseSnapshot, type RestoreError, type Result } from '@tirelire/shared';

/** What a restore would bring in, shown before anything is replaced. */
export interface RestorePreview {
  readonly accounts: number;
  readonly categories: number;
  readonly operations: number;
}

/** Failures the restore flow explains: the file's own (shared/backup) plus reading and writing. */
export type RestoreProblem = RestoreError | 'unreadable' | 'write';

/**
 * Checks a chosen file completely before asking for confirmation, so a malformed or foreign file
 * is refused up front and the confirmation can say what would be replaced by what.
 */
export function previewRestore(text: string): Result<RestorePreview, RestoreError> {
  const parsed = parseSnapshot(text);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    value: {
      accounts: parsed.value.accounts.length,
      categories: parsed.value.categories.length,
      operations: parsed.value.operations.length,
    },
  };
}

/** The message key of each problem; every code of RestoreError must have one (checked by tsc). */
export const RESTORE_PROBLEM_MESSAGES = {
  not_json: 'error_not_json',
  not_tirelire: 'error_not_tirelire',
  unsupported_version: 'error_unsupported_version',
  invalid: 'error_invalid',
  inconsistent: 'error_inconsistent',
  unreadable: 'error_unreadable',
  write: 'error_write',
} as const satisfies Record<RestoreProblem, string>;
