import { interpolate, useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { importMessages } from './messages.ts';

/** The progress bar while writing, then what was imported where (undo lives in the history). */
export function ImportOutcome() {
  const t = useMessages(importMessages);
  const { importSession: session, state } = useServices();
  const phase = session.phase.value;
  if (phase.kind === 'importing') {
    const text = interpolate(t.importing, { written: phase.written, total: phase.total });
    return (
      <div class="import-progress" role="status">
        <progress value={phase.written} max={Math.max(phase.total, 1)} aria-label={text} />
        <span>{text}</span>
      </div>
    );
  }
  if (phase.kind === 'failed')
    return (
      <p role="alert" class="error">
        {interpolate(t.failedImport, { message: phase.message })}
      </p>
    );
  if (phase.kind !== 'done') return null;
  return (
    <div role="status" class="card import-done" data-testid="import-done">
      <p>{t.done}</p>
      <ul>
        {phase.summaries.map((summary) => (
          <li key={summary.batch.id}>
            {interpolate(t.summary, {
              account: state.accountsById.value.get(summary.batch.accountId)?.name ?? '',
              added: summary.added,
              merged: summary.merged,
              duplicates: summary.duplicates,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
