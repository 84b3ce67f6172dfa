import { useMessages } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { shellMessages } from './messages.ts';

export function NotFound() {
  const t = useMessages(shellMessages);
  return (
    <section>
      <h1 tabIndex={-1}>{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
      <button type="button" onClick={() => navigate({ name: 'home' })}>
        {t.backHome}
      </button>
    </section>
  );
}
