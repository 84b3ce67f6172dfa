import { useState } from 'preact/hooks';
import { restoreJson } from '../../app/use-cases/backup.ts';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { settingsMessages } from './messages.ts';
import { RestoreDialog } from './RestoreDialog.tsx';
import {
  previewRestore,
  RESTORE_PROBLEM_MESSAGES,
  type RestorePreview,
  type RestoreProblem,
} from './restore.ts';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading' }
  | {
      readonly kind: 'confirm';
      readonly text: string;
      readonly fileName: string;
      readonly preview: RestorePreview;
      readonly isRestoring: boolean;
    };

type Outcome =
  | { readonly kind: 'problem'; readonly problem: RestoreProblem }
  | { readonly kind: 'restored'; readonly summary: RestorePreview };

/**
 * "Restore from JSON": read the file, check all of it, ask for confirmation with what will be
 * replaced, then replace. A bad file is explained and changes nothing.
 */
export function RestoreFromFile() {
  const t = useMessages(settingsMessages);
  const language = useLanguage();
  const { ledger } = useServices();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires `change` again.
    input.value = '';
    if (!file) return;
    setOutcome(null);
    setPhase({ kind: 'reading' });
    let text: string;
    try {
      text = await file.text();
    } catch {
      setPhase({ kind: 'idle' });
      setOutcome({ kind: 'problem', problem: 'unreadable' });
      return;
    }
    const preview = previewRestore(text);
    if (!preview.ok) {
      setPhase({ kind: 'idle' });
      setOutcome({ kind: 'problem', problem: preview.code });
      return;
    }
    setPhase({
      kind: 'confirm',
      text,
      fileName: file.name,
      preview: preview.value,
      isRestoring: false,
    });
  };

  const confirm = async () => {
    if (phase.kind !== 'confirm') return;
    setPhase({ ...phase, isRestoring: true });
    try {
      const result = await restoreJson(ledger, phase.text);
      setOutcome(
        result.ok
          ? { kind: 'restored', summary: result.value }
          : { kind: 'problem', problem: result.code },
      );
    } catch {
      setOutcome({ kind: 'problem', problem: 'write' });
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const number = new Intl.NumberFormat(localeOf(language));
  const outcomeText =
    outcome === null
      ? ''
      : outcome.kind === 'restored'
        ? interpolate(t.restored, {
            accounts: number.format(outcome.summary.accounts),
            categories: number.format(outcome.summary.categories),
            operations: number.format(outcome.summary.operations),
          })
        : outcome.problem === 'write'
          ? t.error_write
          : `${t[RESTORE_PROBLEM_MESSAGES[outcome.problem]]} ${t.nothingChanged}`;

  return (
    <div class="settings-restore" aria-busy={phase.kind === 'reading'}>
      <label class="button secondary file-button">
        {t.restore}
        <input
          type="file"
          class="visually-hidden"
          accept=".json,application/json"
          aria-describedby="settings-restore-hint"
          disabled={phase.kind === 'reading'}
          onChange={(event) => void choose(event.currentTarget)}
        />
      </label>
      <p id="settings-restore-hint" class="muted">
        {t.restoreHint}
      </p>
      {phase.kind === 'reading' && <progress aria-label={t.reading} />}
      {/* Problems are alerts (something needs doing); success is a polite status. */}
      <p
        role={outcome?.kind === 'problem' ? 'alert' : 'status'}
        class={outcome?.kind === 'problem' ? 'error' : 'settings-success'}
      >
        {phase.kind === 'reading' ? t.reading : outcomeText}
      </p>
      {phase.kind === 'confirm' && (
        <RestoreDialog
          fileName={phase.fileName}
          preview={phase.preview}
          isBusy={phase.isRestoring}
          onConfirm={() => void confirm()}
          onCancel={() => {
            if (!phase.isRestoring) setPhase({ kind: 'idle' });
          }}
        />
      )}
    </div>
  );
}
