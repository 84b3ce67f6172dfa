import { useState } from 'preact/hooks';
import { loadDemoLedger } from '../../app/use-cases/setup.ts';
import { interpolate, useMessages } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { useServices } from '../services-context.ts';
import { welcomeMessages } from './messages.ts';
import './welcome.css';

const POINTS = [
  { icon: '📊', title: 'whatTitle', body: 'what' },
  { icon: '🔒', title: 'privateTitle', body: 'private' },
  { icon: '✈', title: 'offlineTitle', body: 'offline' },
  { icon: '📲', title: 'installTitle', body: 'install' },
] as const;

interface WelcomeProps {
  /** Shows the account form; without it, the button moves focus to `#add-account` if present. */
  readonly onAddAccount?: () => void;
}

/**
 * The first-run explanation, shown by the accounts screen while the ledger is empty: what
 * Tirelire does, that data stays on the device, and two ways to start.
 */
export function Welcome({ onAddAccount }: WelcomeProps) {
  const t = useMessages(welcomeMessages);
  const { ledger, preferences } = useServices();
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const [demoCount, setDemoCount] = useState<number | null>(null);

  const markSeen = () => {
    if (!preferences.value.value.hasSeenWelcome) preferences.update({ hasSeenWelcome: true });
  };

  const tryDemo = async () => {
    setState('loading');
    try {
      // A fresh seed each time, so two people (or two tries) see different demo ledgers.
      const [seed = 1] = crypto.getRandomValues(new Uint32Array(1));
      const count = await loadDemoLedger(ledger, seed);
      setDemoCount(count);
      setState('idle');
      markSeen();
      // The accounts now flow in from the store and this screen is replaced by the real one.
    } catch {
      setState('failed');
    }
  };

  const addAccount = () => {
    markSeen();
    if (onAddAccount) {
      onAddAccount();
      return;
    }
    const target = document.getElementById('add-account');
    target?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    target?.focus();
  };

  const isLoading = state === 'loading';
  return (
    <section class="welcome card" aria-labelledby="welcome-title" aria-busy={isLoading}>
      <h2 id="welcome-title" class="welcome-title">
        <span aria-hidden="true">🐷 </span>
        {t.title}
      </h2>
      <p class="welcome-lead">{t.lead}</p>
      <ul class="welcome-points">
        {POINTS.map((point) => (
          <li key={point.title}>
            <span class="welcome-icon" aria-hidden="true">
              {point.icon}
            </span>
            <span>
              <strong>{t[point.title]}</strong>
              <span class="muted">{t[point.body]}</span>
            </span>
          </li>
        ))}
      </ul>
      <div class="welcome-actions">
        <button
          type="button"
          onClick={() => void tryDemo()}
          disabled={isLoading}
          aria-describedby="welcome-demo-hint"
        >
          {t.tryDemo}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => navigate({ name: 'import' })}
          disabled={isLoading}
        >
          {t.importFile}
        </button>
        <button type="button" class="secondary" onClick={addAccount} disabled={isLoading}>
          {t.addAccount}
        </button>
      </div>
      <p id="welcome-demo-hint" class="muted welcome-hint">
        {t.demoHint}
      </p>
      {isLoading && <progress class="welcome-progress" aria-label={t.loadingDemo} />}
      <p role={state === 'failed' ? 'alert' : 'status'} class={state === 'failed' ? 'error' : ''}>
        {state === 'loading'
          ? t.loadingDemo
          : state === 'failed'
            ? t.demoFailed
            : demoCount !== null
              ? interpolate(t.demoReady, { count: demoCount })
              : ''}
      </p>
    </section>
  );
}
