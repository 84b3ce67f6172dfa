import type { Account, AccountId, CurrencyCode, Language, Rule } from '@tirelire/shared';
import { formatAmount } from '../format.ts';
import { interpolate } from '../i18n/i18n.ts';
import type { RulesMessages } from './messages.ts';

/**
 * A rule's conditions in words, one phrase each: "label contains “monop”", "amount from −€50.00
 * to −€10.00", "account Joint". Amounts are shown in the currency they were typed in.
 */
export function ruleConditions(
  rule: Rule,
  accountsById: ReadonlyMap<AccountId, Account>,
  ruleCurrency: CurrencyCode,
  language: Language,
  t: RulesMessages,
): string[] {
  const phrases: string[] = [];
  if (rule.labelContains !== null)
    phrases.push(interpolate(t.labelContainsSummary, { text: rule.labelContains }));
  if (rule.labelPattern !== null)
    phrases.push(interpolate(t.labelPatternSummary, { pattern: rule.labelPattern }));
  const amount = (value: Rule['amountMinMinor']) =>
    value === null ? '' : formatAmount(value, ruleCurrency, language, { signed: value !== 0 });
  const { amountMinMinor: min, amountMaxMinor: max } = rule;
  if (min !== null && max !== null)
    phrases.push(interpolate(t.amountBetween, { min: amount(min), max: amount(max) }));
  else if (min !== null) phrases.push(interpolate(t.amountAtLeast, { min: amount(min) }));
  else if (max !== null) phrases.push(interpolate(t.amountAtMost, { max: amount(max) }));
  if (rule.accountId !== null) {
    const account = accountsById.get(rule.accountId);
    phrases.push(interpolate(t.accountSummary, { name: account?.name ?? t.unknownAccount }));
  }
  return phrases;
}
