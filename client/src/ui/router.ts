import { signal } from '@preact/signals';

/**
 * Path routes (/accounts/abc), not hash routes: the service worker answers every navigation with
 * the cached index.html, so deep links work offline too.
 */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'account'; readonly accountId: string }
  | { readonly name: 'categories' }
  | { readonly name: 'import' }
  | { readonly name: 'activity' }
  | { readonly name: 'settings' }
  | { readonly name: 'review' }
  | { readonly name: 'rules' }
  | { readonly name: 'not-found' };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((part) => part !== '');
  const [first, second] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'accounts' && second !== undefined && parts.length === 2)
    return { name: 'account', accountId: decodeURIComponent(second) };
  if (parts.length === 1 && first !== undefined && isSimpleRoute(first)) return { name: first };
  return { name: 'not-found' };
}

const SIMPLE_ROUTES = ['categories', 'activity', 'settings', 'import', 'review', 'rules'] as const;
type SimpleRoute = (typeof SIMPLE_ROUTES)[number];

function isSimpleRoute(name: string): name is SimpleRoute {
  return (SIMPLE_ROUTES as readonly string[]).includes(name);
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
    case 'not-found':
      return '/';
    case 'account':
      return `/accounts/${encodeURIComponent(route.accountId)}`;
    default:
      return `/${route.name}`;
  }
}

export const currentRoute = signal<Route>(parseRoute(location.pathname));

addEventListener('popstate', () => {
  currentRoute.value = parseRoute(location.pathname);
});

export function navigate(route: Route): void {
  const path = routePath(route);
  if (path !== location.pathname) history.pushState(null, '', path);
  currentRoute.value = route;
  // Move focus to the new screen's heading so keyboard and screen-reader users follow along.
  queueMicrotask(() => document.querySelector<HTMLElement>('main h1')?.focus());
}
