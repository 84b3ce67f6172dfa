import {
  fail,
  ok,
  ruleId,
  ruleSchema,
  type AccountId,
  type CategoryId,
  type MinorUnits,
  type Result,
  type Rule,
} from '@tirelire/shared';
import type { LedgerDeps } from '../deps.ts';

export type RuleError = 'invalid';

/** What the person sets in the rule dialog; ids and timestamps are the use case's job. */
export interface RuleDraft {
  readonly name: string;
  readonly categoryId: CategoryId;
  readonly labelContains: string | null;
  readonly labelPattern: string | null;
  readonly amountMinMinor: MinorUnits | null;
  readonly amountMaxMinor: MinorUnits | null;
  readonly accountId: AccountId | null;
  readonly enabled: boolean;
}

/** The editable part of a saved rule, e.g. to flip `enabled` and save it back. */
export function draftOfRule(rule: Rule): RuleDraft {
  return {
    name: rule.name,
    categoryId: rule.categoryId,
    labelContains: rule.labelContains,
    labelPattern: rule.labelPattern,
    amountMinMinor: rule.amountMinMinor,
    amountMaxMinor: rule.amountMaxMinor,
    accountId: rule.accountId,
    enabled: rule.enabled,
  };
}

function invalid(issues: readonly { readonly message: string }[]): Result<never, RuleError> {
  return fail('invalid', issues[0]?.message ?? 'Invalid rule');
}

/**
 * Saves a new rule. Only ever called from the person's explicit save in the rule dialog: a rule
 * changes how every future operation is categorised, so none is created on their behalf.
 */
export async function addRule(
  deps: LedgerDeps,
  draft: RuleDraft,
): Promise<Result<Rule, RuleError>> {
  const now = deps.clock.now();
  // Ids must be 1–64 of [A-Za-z0-9_-]; whatever the id source gives is made to fit.
  const id = `r_${deps.newId()}`.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
  const parsed = ruleSchema.safeParse({ ...draft, id: ruleId(id), createdAt: now, updatedAt: now });
  if (!parsed.success) return invalid(parsed.error.issues);
  await deps.store.saveRules([parsed.data]);
  return ok(parsed.data);
}

/** Saves the person's edit of a rule; its id and creation time never change. */
export async function updateRule(
  deps: LedgerDeps,
  rule: Rule,
  draft: RuleDraft,
): Promise<Result<Rule, RuleError>> {
  const parsed = ruleSchema.safeParse({
    ...draft,
    id: rule.id,
    createdAt: rule.createdAt,
    updatedAt: Math.max(deps.clock.now(), rule.updatedAt),
  });
  if (!parsed.success) return invalid(parsed.error.issues);
  await deps.store.saveRules([parsed.data]);
  return ok(parsed.data);
}

/**
 * Deletes a rule. Categories it already applied stay, still marked as applied automatically, so
 * the person confirms or corrects them like any other suggestion.
 */
export async function deleteRule(deps: LedgerDeps, rule: Rule): Promise<void> {
  await deps.store.deleteRules([rule.id]);
}
