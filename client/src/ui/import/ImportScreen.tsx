import { MAX_STATEMENT_BYTES } from '@tirelire/shared';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { formatBytes } from '../settings/bytes.ts';
import { CsvMappingForm } from './CsvMappingForm.tsx';
import { FileDrop } from './FileDrop.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportOutcome } from './ImportOutcome.tsx';
import { importMessages } from './messages.ts';
import { TargetCard } from './TargetCard.tsx';
import './import.css';

/**
 * Drop files → each is read in the statement worker → preview per statement (account, new,
 * duplicates, merges) → import with progress → summary with undo. The session outlives the screen,
 * so leaving it mid-way loses nothing.
 */
export function ImportScreen() {
  const t = useMessages(importMessages);
  const language = useLanguage();
  const { importSession: session } = useServices();
  const phase = session.phase.value;
  const targets = session.targets.value;
  const toImport = targets.reduce(
    (sum, target) =>
      target.choice.skip || !target.plan
        ? sum
        : sum + target.plan.counts.new + target.plan.counts.possible_duplicate,
    0,
  );

  return (
    <section class="import">
      <h1 tabIndex={-1}>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      {phase.kind !== 'importing' && <FileDrop onFiles={(files) => void session.addFiles(files)} />}
      <div aria-live="polite">
        {session.files.value.map((file) => {
          switch (file.state.kind) {
            case 'reading':
              return (
                <p key={file.id} class="import-reading">
                  <progress aria-label={interpolate(t.reading, { file: file.name })} />{' '}
                  {interpolate(t.reading, { file: file.name })}
                </p>
              );
            case 'failed':
              return (
                <div key={file.id} role="alert" class="error import-failed">
                  <p>
                    {file.state.code === 'too_large'
                      ? interpolate(t.tooLarge, {
                          file: file.name,
                          limit: formatBytes(MAX_STATEMENT_BYTES, language),
                        })
                      : interpolate(t.failed, {
                          file: file.name,
                          reason: t[`error_${file.state.code}`],
                        })}
                  </p>
                  {file.state.code !== 'too_large' && (
                    <p class="muted">{interpolate(t.detail, { message: file.state.message })}</p>
                  )}
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() => session.removeFile(file.id)}
                  >
                    {t.remove}
                  </button>
                </div>
              );
            case 'needs_mapping':
              return (
                <CsvMappingForm
                  key={file.id}
                  fileName={file.name}
                  layout={file.state.layout}
                  onMapped={(mapping) => void session.reread(file.id, { mapping })}
                />
              );
            case 'read':
              return null;
          }
        })}
      </div>
      {phase.kind === 'preview' &&
        targets.map((target) => <TargetCard key={target.key} session={session} target={target} />)}
      {phase.kind === 'preview' && targets.length > 0 && (
        <button
          type="button"
          class="import-confirm"
          disabled={!session.canImport.value}
          onClick={() => void session.commit({ newAccountName: t.newAccountName })}
        >
          {interpolate(t.importButton, { count: toImport })}
        </button>
      )}
      <ImportOutcome />
      <ImportHistory />
    </section>
  );
}
