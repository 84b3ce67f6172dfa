import { useState } from 'preact/hooks';
import { exportFileName, MIME_TYPES, saveTextFile } from '../../app/download.ts';
import { exportCsv, exportJson } from '../../app/use-cases/backup.ts';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { settingsMessages } from './messages.ts';

type Format = 'json' | 'csv';

/** "Export JSON" and "Export CSV": read the whole ledger from the store and save it as a file. */
export function ExportButtons() {
  const t = useMessages(settingsMessages);
  const language = useLanguage();
  const { ledger } = useServices();
  const [busy, setBusy] = useState<Format | null>(null);
  // What happened, not a sentence: the sentence follows the language if it changes meanwhile.
  const [outcome, setOutcome] = useState<{ readonly file: string } | 'failed' | null>(null);

  const run = async (format: Format) => {
    setBusy(format);
    setOutcome(null);
    try {
      const text = format === 'json' ? await exportJson(ledger) : await exportCsv(ledger, language);
      const file = exportFileName(format, new Date(ledger.clock.now()));
      saveTextFile(text, file, MIME_TYPES[format]);
      setOutcome({ file });
    } catch {
      setOutcome('failed');
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="settings-exports" aria-busy={busy !== null}>
      <div class="settings-buttons">
        <button type="button" disabled={busy !== null} onClick={() => void run('json')}>
          {t.exportJson}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy !== null}
          onClick={() => void run('csv')}
        >
          {t.exportCsv}
        </button>
      </div>
      <p role="status" class={outcome === 'failed' ? 'error' : 'muted'}>
        {busy !== null
          ? t.exporting
          : outcome === 'failed'
            ? t.exportFailed
            : outcome
              ? interpolate(t.exported, { file: outcome.file })
              : ''}
      </p>
    </div>
  );
}
