import {
  ACCOUNT_TYPES,
  totalsByCurrency,
  type Account,
  type AccountId,
  type CurrencyCode,
  type MinorUnits,
} from '@tirelire/shared';

export interface CurrencyGroup {
  readonly currency: CurrencyCode;
  readonly accounts: readonly Account[];
  /** Sum of the balances, or null while one of them is not known yet. */
  readonly total: MinorUnits | null;
}

export interface AccountOverview {
  readonly groups: readonly CurrencyGroup[];
  readonly archived: readonly Account[];
}

/**
 * Open accounts grouped by currency, each group with its total: amounts in different currencies
 * are never added together. Archived accounts are set apart and count in no total.
 * Groups with more accounts come first; inside a group, by type (current accounts first), then
 * by name.
 */
export function overviewOf(
  accounts: readonly Account[],
  balances: ReadonlyMap<AccountId, MinorUnits>,
  locale: string,
): AccountOverview {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const ordered = [...accounts].sort(
    (a, b) =>
      ACCOUNT_TYPES.indexOf(a.type) - ACCOUNT_TYPES.indexOf(b.type) ||
      collator.compare(a.name, b.name),
  );
  const byCurrency = new Map<CurrencyCode, Account[]>();
  for (const account of ordered) {
    if (account.archived) continue;
    const group = byCurrency.get(account.currency);
    if (group) group.push(account);
    else byCurrency.set(account.currency, [account]);
  }
  const groups = [...byCurrency].map(([currency, members]) => {
    const known = members.flatMap((account) => {
      const balance = balances.get(account.id);
      return balance === undefined ? [] : [{ amountMinor: balance, currency }];
    });
    const total =
      known.length === members.length ? (totalsByCurrency(known).get(currency) ?? null) : null;
    return { currency, accounts: members, total };
  });
  groups.sort(
    (a, b) => b.accounts.length - a.accounts.length || (a.currency < b.currency ? -1 : 1),
  );
  return { groups, archived: ordered.filter((account) => account.archived) };
}
