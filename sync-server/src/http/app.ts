import type { Logger } from '../log.ts';
import { createAccountsRoutes, type AccountsDeps } from './accounts.ts';
import type { ServerStore } from '../ports/server-store.ts';
import type { HttpHandler, HttpReply, HttpRequest } from './http-types.ts';
import { jsonReply, textReply } from './replies.ts';
import type { StaticSite } from './static-files.ts';
import { serveStatic } from './static-route.ts';

export interface HttpAppDeps {
  readonly site: StaticSite;
  readonly store: ServerStore;
  readonly log: Logger;
  /** The accounts API (/api/v1, /.well-known/jwks.json); without it those paths are 404. */
  readonly accounts?: Omit<AccountsDeps, 'log'>;
}

/** The server's routes, as a plain function of the request: no server library in sight. */
export function createHttpApp({ site, store, log, accounts }: HttpAppDeps): HttpHandler {
  const api = accounts === undefined ? undefined : createAccountsRoutes({ ...accounts, log });
  return (request) => {
    const apiReply = api?.(request);
    if (apiReply !== undefined) return apiReply;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const reply = textReply('GET', 405, 'Method Not Allowed');
      return { ...reply, headers: [...reply.headers, ['allow', 'GET, HEAD']] };
    }
    if (request.path === '/healthz') return healthz(store, log, request);
    return serveStatic(site, request);
  };
}

/** 200 when the store answers, 503 otherwise, so a load balancer or compose can stop routing. */
async function healthz(store: ServerStore, log: Logger, request: HttpRequest): Promise<HttpReply> {
  const health = await store.health();
  // Debug only: the store logs its own state changes, and probes poll every few seconds.
  if (!health.ok) log.debug(`healthz: ${health.kind} store unhealthy (${health.reason})`);
  // Digits below 0.1 ms are timer noise, not information.
  const shown = health.ok
    ? { ...health, latencyMs: Math.round(health.latencyMs * 10) / 10 }
    : health;
  return jsonReply(request.method, health.ok ? 200 : 503, {
    status: health.ok ? 'ok' : 'unavailable',
    store: shown,
  });
}
