import { useId } from 'preact/hooks';
import { interpolate, useMessages } from '../i18n/i18n.ts';
import { navigate, routePath } from '../router.ts';
import { useServices } from '../services-context.ts';
import { settingsMessages } from './messages.ts';

/** Whether confident suggestions are applied on their own, and how the on-device model is doing. */
export function CategorisationSection() {
  const t = useMessages(settingsMessages);
  const { preferences, categorization } = useServices();
  const hintId = useId();
  const isAutomatic = preferences.value.value.autoCategorize;
  const status = categorization.status.value;
  const statusText =
    status.kind === 'loading'
      ? t.modelLoading
      : status.kind === 'ready'
        ? interpolate(t.modelReady, { version: status.modelVersion, backend: status.backend })
        : interpolate(t.modelDegraded, { reason: status.reason });

  return (
    <section class="card settings-section" aria-labelledby="settings-categorisation">
      <h2 id="settings-categorisation">{t.categorisation}</h2>
      <p class="muted">{t.categorisationIntro}</p>
      <label class="settings-toggle">
        <input
          type="checkbox"
          role="switch"
          data-testid="auto-categorize"
          checked={isAutomatic}
          aria-describedby={hintId}
          onChange={(event) => preferences.update({ autoCategorize: event.currentTarget.checked })}
        />
        <span>{t.autoCategorize}</span>
      </label>
      <p id={hintId} class="field-hint settings-toggle-hint">
        {t.autoCategorizeHint}
      </p>
      <dl class="settings-facts">
        <div>
          <dt>{t.modelStatus}</dt>
          <dd data-testid="model-status-setting" data-status={status.kind}>
            {statusText}
          </dd>
        </div>
      </dl>
      <a
        href={routePath({ name: 'rules' })}
        onClick={(event) => {
          if (event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.preventDefault();
          navigate({ name: 'rules' });
        }}
      >
        {t.manageRules}
      </a>
    </section>
  );
}
