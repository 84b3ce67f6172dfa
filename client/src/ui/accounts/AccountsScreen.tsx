import { useMemo, useState } from 'preact/hooks';
import type { Account } from '@tirelire/shared';
import { setAccountArchived } from '../../app/use-cases/accounts.ts';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import { describeError } from '../operations/errors.ts';
import { useServices } from '../services-context.ts';
import { Welcome } from '../welcome/Welcome.tsx';
import { overviewOf } from './account-groups.ts';
import { AccountDialog } from './AccountDialog.tsx';
import { AccountItem, type AccountAction } from './AccountItem.tsx';
import { CurrencyGroupCard } from './CurrencyGroupCard.tsx';
import { DeleteAccountDialog } from './DeleteAccountDialog.tsx';
import { accountsMessages } from './messages.ts';
import './accounts.css';

type DialogState =
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly account: Account }
  | { readonly kind: 'delete'; readonly account: Account };

/** Home: every account with its balance, grouped by currency, with a total per currency. */
export function AccountsScreen() {
  const t = useMessages(accountsMessages);
  const language = useLanguage();
  const { ledger, state } = useServices();
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const accounts = state.accounts.value;
  const balances = state.balances.value;
  const isLoaded = state.areOperationsLoaded.value;
  const operationsByAccount = state.operationsByAccount.value;
  const overview = useMemo(
    () => overviewOf(accounts, balances, localeOf(language)),
    [accounts, balances, language],
  );
  const countOf = (account: Account) =>
    isLoaded ? (operationsByAccount.get(account.id)?.length ?? 0) : undefined;

  const onAction = (action: AccountAction, account: Account) => {
    setActionError(null);
    if (action === 'edit' || action === 'delete') {
      setDialog({ kind: action, account });
      return;
    }
    setAccountArchived(ledger, account, action === 'archive').catch((error: unknown) =>
      setActionError(interpolate(t.failed, { reason: describeError(error) })),
    );
  };
  const openAddDialog = () => setDialog({ kind: 'add' });

  return (
    <section class="accounts-screen">
      <div class="screen-header">
        <h1 tabIndex={-1}>{t.title}</h1>
        <button type="button" id="add-account" onClick={openAddDialog}>
          <span aria-hidden="true">+ </span>
          {t.addAccount}
        </button>
      </div>
      {actionError && (
        <p role="alert" class="error">
          {actionError}
        </p>
      )}
      {accounts.length === 0 ? (
        // The welcome explains the app and offers demo data or a first account.
        <Welcome onAddAccount={openAddDialog} />
      ) : (
        <>
          {!isLoaded && (
            <p class="muted balances-status" role="status">
              {t.updatingBalances}
            </p>
          )}
          {overview.groups.map((group) => (
            <CurrencyGroupCard
              key={group.currency}
              group={group}
              balances={balances}
              countOf={countOf}
              onAction={onAction}
            />
          ))}
          {overview.archived.length > 0 && (
            <details class="archived">
              <summary>{interpolate(t.archived, { count: overview.archived.length })}</summary>
              <ul class="account-list card">
                {overview.archived.map((account) => (
                  <AccountItem
                    key={account.id}
                    account={account}
                    balance={balances.get(account.id)}
                    operationCount={countOf(account)}
                    onAction={onAction}
                  />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <AccountDialog
          account={dialog.kind === 'edit' ? dialog.account : null}
          hasOperations={
            dialog.kind === 'edit' &&
            (!isLoaded || (operationsByAccount.get(dialog.account.id)?.length ?? 0) > 0)
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteAccountDialog
          account={dialog.account}
          onDone={() => setDialog(null)}
          onCancel={() => setDialog(null)}
        />
      )}
    </section>
  );
}
