import { localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import { navigate, routePath, type Route } from '../router.ts';
import { useServices } from '../services-context.ts';
import { shellMessages } from './messages.ts';
import { SyncBadge } from './SyncBadge.tsx';

const ITEMS = [
  { route: { name: 'home' }, key: 'accounts' },
  { route: { name: 'import' }, key: 'import' },
  { route: { name: 'review' }, key: 'review' },
  { route: { name: 'activity' }, key: 'activity' },
  { route: { name: 'categories' }, key: 'categories' },
  { route: { name: 'settings' }, key: 'settings' },
] as const satisfies readonly { route: Route; key: string }[];

export function Navigation({ route }: { readonly route: Route }) {
  const t = useMessages(shellMessages);
  const language = useLanguage();
  // How many operations wait for the person: shown beside "To review" once there are some.
  const toReview = useServices().categorization.reviewQueue.value.length;
  const isCurrent = (item: Route) =>
    item.name === route.name ||
    (item.name === 'home' && route.name === 'account') ||
    (item.name === 'categories' && route.name === 'rules');
  return (
    <header class="topbar">
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <span class="brand" aria-hidden="true">
        🐷 Tirelire
      </span>
      <nav aria-label={t.navigation}>
        <ul>
          {ITEMS.map((item) => (
            <li key={item.key}>
              <a
                href={routePath(item.route)}
                aria-current={isCurrent(item.route) ? 'page' : undefined}
                onClick={(event) => {
                  if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                  event.preventDefault();
                  navigate(item.route);
                }}
              >
                {t[item.key]}
                {item.key === 'review' && toReview > 0 && (
                  <>
                    <span class="visually-hidden"> (</span>
                    <span class="nav-count" data-testid="review-count">
                      {toReview.toLocaleString(localeOf(language))}
                    </span>
                    <span class="visually-hidden">)</span>
                  </>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SyncBadge />
    </header>
  );
}
