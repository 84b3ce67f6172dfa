import { useId } from 'preact/hooks';
import type { Account, AccountId, MinorUnits } from '@tirelire/shared';
import { formatAmount } from '../format.ts';
import { interpolate, localeOf, useLanguage, useMessages } from '../i18n/i18n.ts';
import type { CurrencyGroup } from './account-groups.ts';
import { AccountItem, type AccountAction } from './AccountItem.tsx';
import { accountsMessages } from './messages.ts';

interface CurrencyGroupCardProps {
  readonly group: CurrencyGroup;
  readonly balances: ReadonlyMap<AccountId, MinorUnits>;
  readonly countOf: (account: Account) => number | undefined;
  readonly onAction: (action: AccountAction, account: Account) => void;
}

/** "Euro" rather than "EUR" in headings; falls back to the code where Intl has no name. */
function currencyName(code: string, locale: string): string {
  const name = new Intl.DisplayNames(locale, { type: 'currency' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

export function CurrencyGroupCard({ group, balances, countOf, onAction }: CurrencyGroupCardProps) {
  const t = useMessages(accountsMessages);
  const language = useLanguage();
  const headingId = useId();
  const locale = localeOf(language);
  return (
    <section class="card currency-group" aria-labelledby={headingId}>
      <header class="group-header">
        <h2 id={headingId}>
          {currencyName(group.currency, locale)} <span class="muted">({group.currency})</span>
        </h2>
        <p class="group-total" title={t.totalHint}>
          <span class="muted">{interpolate(t.totalIn, { currency: group.currency })}</span>{' '}
          <strong class={`amount${group.total !== null && group.total < 0 ? ' negative' : ''}`}>
            {group.total === null ? '…' : formatAmount(group.total, group.currency, language)}
          </strong>
        </p>
      </header>
      <ul class="account-list">
        {group.accounts.map((account) => (
          <AccountItem
            key={account.id}
            account={account}
            balance={balances.get(account.id)}
            operationCount={countOf(account)}
            onAction={onAction}
          />
        ))}
      </ul>
    </section>
  );
}
