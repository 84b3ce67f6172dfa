import {
  categoryId,
  currency,
  isValidRulePattern,
  ruleId,
  type Account,
  type AmountParseError,
  type Category,
  type CurrencyCode,
  type Language,
  type MinorUnits,
  type Rule,
} from '@tirelire/shared';
import type { RuleDraft } from '../../app/use-cases/rules.ts';
import { amountToInput, parseTypedAmount } from '../operations/form-values.ts';

/** What the rule dialog's controls hold, as typed. '' means "not set" everywhere. */
export interface RuleFields {
  readonly name: string;
  readonly categoryId: string;
  readonly labelContains: string;
  readonly labelPattern: string;
  readonly amountMin: string;
  readonly amountMax: string;
  /** '' for any account. */
  readonly accountId: string;
  readonly enabled: boolean;
}

/** Same bounds as ruleSchema in shared/, checked here to explain them before saving. */
export const MAX_RULE_NAME_LENGTH = 120;
export const MAX_RULE_TEXT_LENGTH = 200;

export type RuleFieldError =
  | 'required'
  | 'too_long'
  | 'invalid_pattern'
  | 'unknown_category'
  | 'min_above_max'
  | 'no_condition'
  | Exclude<AmountParseError, 'empty'>;

export interface RuleFieldErrors {
  readonly name?: RuleFieldError;
  readonly categoryId?: RuleFieldError;
  readonly labelContains?: RuleFieldError;
  readonly labelPattern?: RuleFieldError;
  readonly amountMin?: RuleFieldError;
  readonly amountMax?: RuleFieldError;
  /** About the rule as a whole: it sets no condition. */
  readonly conditions?: RuleFieldError;
}

export function emptyRuleFields(prefill: Partial<RuleFields> = {}): RuleFields {
  return {
    name: '',
    categoryId: '',
    labelContains: '',
    labelPattern: '',
    amountMin: '',
    amountMax: '',
    accountId: '',
    enabled: true,
    ...prefill,
  };
}

export function fieldsOfRule(
  rule: Rule,
  ruleCurrency: CurrencyCode,
  language: Language,
): RuleFields {
  const amount = (value: MinorUnits | null) =>
    value === null ? '' : amountToInput(value, ruleCurrency, language);
  return {
    name: rule.name,
    categoryId: rule.categoryId,
    labelContains: rule.labelContains ?? '',
    labelPattern: rule.labelPattern ?? '',
    amountMin: amount(rule.amountMinMinor),
    amountMax: amount(rule.amountMaxMinor),
    accountId: rule.accountId ?? '',
    enabled: rule.enabled,
  };
}

const FALLBACK_CURRENCY = currency('EUR');

/**
 * The currency a rule's amounts are typed in. Amounts are integers of minor units compared with
 * each operation's own, so they mean something only in one currency: the chosen account's, or
 * for "any account" the one most accounts use (usually the only one).
 */
export function ruleCurrencyOf(
  selectedAccountId: string,
  accounts: readonly Account[],
): CurrencyCode {
  const selected = accounts.find((account) => account.id === selectedAccountId);
  if (selected) return selected.currency;
  const counts = new Map<CurrencyCode, number>();
  for (const account of accounts)
    counts.set(account.currency, (counts.get(account.currency) ?? 0) + 1);
  let best: CurrencyCode | null = null;
  for (const [code, count] of counts)
    if (best === null || count > (counts.get(best) ?? 0)) best = code;
  return best ?? FALLBACK_CURRENCY;
}

interface ParsedConditions {
  readonly labelContains: string | null;
  readonly labelPattern: string | null;
  readonly amountMinMinor: MinorUnits | null;
  readonly amountMaxMinor: MinorUnits | null;
  readonly accountId: Rule['accountId'];
}

/** The conditions as typed so far, with what is wrong with them. */
function parseConditions(
  fields: RuleFields,
  ruleCurrency: CurrencyCode,
  language: Language,
  accounts: readonly Account[],
): { readonly conditions: ParsedConditions; readonly errors: RuleFieldErrors } {
  const errors: { -readonly [K in keyof RuleFieldErrors]: RuleFieldError } = {};
  const text = (value: string, field: 'labelContains' | 'labelPattern'): string | null => {
    const trimmed = field === 'labelContains' ? value.trim() : value;
    if (trimmed.trim() === '') return null;
    if (trimmed.length > MAX_RULE_TEXT_LENGTH) errors[field] = 'too_long';
    return trimmed;
  };
  const labelContains = text(fields.labelContains, 'labelContains');
  const labelPattern = text(fields.labelPattern, 'labelPattern');
  if (labelPattern !== null && !errors.labelPattern && !isValidRulePattern(labelPattern))
    errors.labelPattern = 'invalid_pattern';
  const amount = (value: string, field: 'amountMin' | 'amountMax'): MinorUnits | null => {
    if (value.trim() === '') return null;
    const parsed = parseTypedAmount(value, ruleCurrency, language);
    if (parsed.ok) return parsed.value;
    if (parsed.code !== 'empty') errors[field] = parsed.code;
    return null;
  };
  const amountMinMinor = amount(fields.amountMin, 'amountMin');
  const amountMaxMinor = amount(fields.amountMax, 'amountMax');
  if (amountMinMinor !== null && amountMaxMinor !== null && amountMinMinor > amountMaxMinor)
    errors.amountMax = 'min_above_max';
  const account = accounts.find((candidate) => candidate.id === fields.accountId);
  const conditions = {
    labelContains,
    labelPattern,
    amountMinMinor,
    amountMaxMinor,
    accountId: account ? account.id : null,
  };
  const hasCondition = Object.values(conditions).some((value) => value !== null);
  if (!hasCondition) errors.conditions = 'no_condition';
  return { conditions, errors };
}

function hasErrors(errors: RuleFieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The rule the fields describe, or why it cannot be saved yet. */
export function ruleDraftOf(
  fields: RuleFields,
  ruleCurrency: CurrencyCode,
  language: Language,
  accounts: readonly Account[],
  categories: readonly Category[],
):
  | { readonly ok: true; readonly draft: RuleDraft }
  | { readonly ok: false; readonly errors: RuleFieldErrors } {
  const { conditions, errors: conditionErrors } = parseConditions(
    fields,
    ruleCurrency,
    language,
    accounts,
  );
  const errors: { -readonly [K in keyof RuleFieldErrors]: RuleFieldError } = { ...conditionErrors };
  const name = fields.name.trim();
  if (name === '') errors.name = 'required';
  else if (name.length > MAX_RULE_NAME_LENGTH) errors.name = 'too_long';
  const category = categories.find((candidate) => candidate.id === fields.categoryId);
  if (fields.categoryId === '') errors.categoryId = 'required';
  else if (!category) errors.categoryId = 'unknown_category';
  if (hasErrors(errors) || !category) return { ok: false, errors };
  return {
    ok: true,
    draft: { ...conditions, name, categoryId: categoryId(category.id), enabled: fields.enabled },
  };
}

/** The id a rule being drafted is previewed under: it is never saved with it. */
const PREVIEW_ID = ruleId('preview');
const NO_CATEGORY = categoryId('none');

/**
 * The rule to preview while the person types: its conditions as far as they are valid, even
 * before it has a name or a category. Null while the conditions are incomplete or wrong, since a
 * preview of something else would mislead.
 */
export function previewRuleOf(
  fields: RuleFields,
  ruleCurrency: CurrencyCode,
  language: Language,
  accounts: readonly Account[],
): Rule | null {
  const { conditions, errors } = parseConditions(fields, ruleCurrency, language, accounts);
  if (hasErrors(errors)) return null;
  return {
    ...conditions,
    id: PREVIEW_ID,
    name: fields.name.trim() || 'preview',
    categoryId: fields.categoryId === '' ? NO_CATEGORY : categoryId(fields.categoryId),
    enabled: true,
    createdAt: 0,
    updatedAt: 0,
  };
}
