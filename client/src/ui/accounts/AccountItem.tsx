import type { Account, MinorUnits } from '@tirelire/shared';
import { formatAmount } from '../format.ts';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import { navigate, routePath } from '../router.ts';
import { accountsMessages, accountTypeNames } from './messages.ts';

export type AccountAction = 'edit' | 'archive' | 'unarchive' | 'delete';

interface AccountItemProps {
  readonly account: Account;
  readonly balance: MinorUnits | undefined;
  /** Undefined while operations load. */
  readonly operationCount: number | undefined;
  readonly onAction: (action: AccountAction, account: Account) => void;
}

/**
 * One account: its name links to its operations. Action buttons carry the account's name in
 * their accessible name ("Edit Livret A"), so a screen reader's list of buttons is not a row of
 * identical "Edit"s; the visible word starts that name, as WCAG 2.5.3 asks.
 */
export function AccountItem({ account, balance, operationCount, onAction }: AccountItemProps) {
  const t = useMessages(accountsMessages);
  const types = useMessages(accountTypeNames);
  const language = useLanguage();
  const details = [types[account.type], account.institution].filter((part) => part !== '');
  const count =
    operationCount === undefined
      ? null
      : operationCount === 1
        ? t.operationCount
        : interpolate(t.operationsCount, {
            count: operationCount.toLocaleString(localeOf(language)),
          });
  const button = (action: AccountAction, label: string, named: string, variant: string) => (
    <button
      type="button"
      class={`${variant} small`}
      aria-label={interpolate(named, { name: account.name })}
      onClick={() => onAction(action, account)}
    >
      {label}
    </button>
  );

  return (
    <li class="account-item">
      <div class="account-main">
        <a
          class="account-name"
          href={routePath({ name: 'account', accountId: account.id })}
          onClick={(event) => {
            if (event.ctrlKey || event.metaKey || event.shiftKey) return;
            event.preventDefault();
            navigate({ name: 'account', accountId: account.id });
          }}
        >
          {account.name}
        </a>
        <span class="account-details muted">
          {details.join(' · ')}
          {count && <span class="account-count"> · {count}</span>}
        </span>
      </div>
      <span
        class={`account-balance-value amount${balance !== undefined && balance < 0 ? ' negative' : ''}`}
        title={balance === undefined ? t.balanceUnknown : undefined}
      >
        {balance === undefined ? '…' : formatAmount(balance, account.currency, language)}
      </span>
      <div
        class="account-item-actions"
        role="group"
        aria-label={interpolate(t.actionsFor, { name: account.name })}
      >
        {button('edit', t.edit, t.editNamed, 'secondary')}
        {account.archived
          ? button('unarchive', t.unarchive, t.unarchiveNamed, 'secondary')
          : button('archive', t.archive, t.archiveNamed, 'secondary')}
        {button('delete', t.delete, t.deleteNamed, 'secondary danger-text')}
      </div>
    </li>
  );
}
