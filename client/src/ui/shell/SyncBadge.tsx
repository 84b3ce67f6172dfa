import { useLanguage, useMessages } from '../i18n/i18n.ts';
import { navigate, routePath } from '../router.ts';
import { useServices } from '../services-context.ts';
import { syncBadgeText } from '../settings/sync-status-text.ts';
import { syncBadgeMessages } from './sync-badge-messages.ts';
import './sync-badge.css';

const SETTINGS = { name: 'settings' } as const;

/**
 * Where sync stands, in the top bar. The live region stays mounted (empty while sync is off) so
 * screen readers announce the first state too, not only later changes.
 */
export function SyncBadge() {
  const t = useMessages(syncBadgeMessages);
  const language = useLanguage();
  const status = useServices().sync.status.value;
  const { text, title } = syncBadgeText(t, status, language);
  // States that need the person lead to Settings, where the section says what to do.
  const needsAction = status.kind === 'needs_passphrase' || status.kind === 'error';
  return (
    <div
      class="sync-badge"
      role="status"
      aria-live="polite"
      data-testid="sync-status"
      data-state={status.kind}
    >
      {status.kind !== 'off' && (
        <>
          <span class="sync-dot" aria-hidden="true" />
          {needsAction ? (
            <a
              href={routePath(SETTINGS)}
              title={title ?? undefined}
              onClick={(event) => {
                if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                event.preventDefault();
                navigate(SETTINGS);
              }}
            >
              {text}
            </a>
          ) : (
            <span>{text}</span>
          )}
        </>
      )}
    </div>
  );
}
