import { useId, useState } from 'preact/hooks';
import type { AccountError, AccountResult } from '../../ports/account-api.ts';
import { interpolate, useMessages } from '../i18n/i18n.ts';
import { ConfirmDialog } from '../operations/ConfirmDialog.tsx';
import { useServices } from '../services-context.ts';
import { describeAccountError } from './account-errors.ts';
import { accountMessages } from './account-messages.ts';

class AccountFailure extends Error {
  constructor(readonly failure: AccountError) {
    super(failure.code);
  }
}

/** The optional sync account: sign up, log in, log out, delete. */
export function AccountSection() {
  const t = useMessages(accountMessages);
  const { account } = useServices();
  const status = account.status.value;
  const emailId = useId();
  const passwordId = useId();
  const rulesId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [isConfirming, setConfirming] = useState(false);

  const run = async (action: () => Promise<AccountResult<void>>, done: string): Promise<void> => {
    setError(null);
    setNotice('');
    const result = await action();
    if (result.ok) {
      setPassword('');
      setNotice(done);
    } else {
      setError(describeAccountError(t, result));
    }
  };

  const isBusy = status.state === 'busy';

  return (
    <section class="card settings-section" aria-labelledby="settings-account" aria-busy={isBusy}>
      <h2 id="settings-account">{t.title}</h2>
      <p class="muted">{t.intro}</p>
      {status.state === 'signed_in' ? (
        <div class="settings-account">
          <p>{interpolate(t.signedInAs, { email: status.email })}</p>
          <div class="actions">
            <button
              type="button"
              class="secondary"
              onClick={() =>
                void run(async () => {
                  await account.logOut();
                  return { ok: true, value: undefined };
                }, t.loggedOut)
              }
            >
              {t.logOut}
            </button>
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              {t.deleteAccount}
            </button>
          </div>
        </div>
      ) : (
        <form
          class="settings-account"
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => account.logIn(email, password), t.loggedIn);
          }}
        >
          <div class="field">
            <label for={emailId}>{t.email}</label>
            <input
              id={emailId}
              type="email"
              autocomplete="username"
              required
              value={email}
              onInput={(event) => setEmail(event.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={passwordId}>{t.password}</label>
            <input
              id={passwordId}
              type="password"
              autocomplete="current-password"
              required
              aria-describedby={rulesId}
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
            <span id={rulesId} class="field-hint">
              {t.passwordRules}
            </span>
          </div>
          <div class="actions">
            <button type="submit" disabled={isBusy}>
              {isBusy ? t.working : t.logIn}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={isBusy}
              onClick={() => void run(() => account.signUp(email, password), t.signedUp)}
            >
              {t.signUp}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status" class="muted">
        {notice}
      </p>
      {isConfirming && (
        <ConfirmDialog
          title={t.deleteTitle}
          confirmLabel={t.confirmDelete}
          cancelLabel={t.cancel}
          busyLabel={t.deleting}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            const result = await account.deleteAccount();
            if (!result.ok) throw new AccountFailure(result);
            setConfirming(false);
            setError(null);
            setNotice(t.deleted);
          }}
          describeError={(caught) =>
            caught instanceof AccountFailure
              ? describeAccountError(t, caught.failure)
              : t.error_unexpected
          }
        >
          <p>{t.deleteBody}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
