import { interpolate, useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { reviewMessages } from './messages.ts';

/**
 * Says so while the model is missing (still loading, or it failed): suggestions then come only
 * from rules and the person's earlier choices, which still work. Nothing when it is ready.
 */
export function ModelStatusNote() {
  const t = useMessages(reviewMessages);
  const status = useServices().categorization.status.value;
  if (status.kind === 'ready') return null;
  return (
    <p class="review-model-note" data-testid="model-status" data-status={status.kind}>
      {status.kind === 'loading'
        ? t.modelLoading
        : interpolate(t.modelDegraded, { reason: status.reason })}
    </p>
  );
}
