import type { Operation } from '../ledger/operation.ts';
import { foldText } from '../util/text.ts';
import { compileLabelPattern, type LabelMatcher } from './label-pattern.ts';
import type { Rule } from './rule.ts';

/**
 * Rule matching and preview. A rule matches an operation when every condition it sets holds:
 * - `labelContains`: the raw label contains it, ignoring case, accents and runs of spaces
 *   ("Café  de" finds "CB CAFE DE FLORE"), both sides folded with foldText;
 * - `labelPattern`: the pattern matches the raw label, as `RegExp(pattern, 'iu').test` would, but
 *   in linear time (label-pattern.ts); a pattern that cannot run that way (backreferences,
 *   lookarounds) never matches, and `isSupportedLabelPattern` lets the editor say so;
 * - `amountMinMinor` / `amountMaxMinor`: inclusive bounds on the signed amount;
 * - `accountId`: the operation's account.
 * Disabled rules never match. Each rule is prepared once (folded text, compiled pattern) and kept
 * in a WeakMap, so a rule object can be tested against any number of operations cheaply.
 */

/** What a rule looks at. */
export interface RuleSubject {
  readonly rawLabel: string;
  readonly amountMinor: number;
  readonly accountId: string;
}

interface PreparedRule {
  readonly contains: string | null;
  /** undefined: no pattern; null: a pattern that cannot run, so the rule never matches. */
  readonly pattern: LabelMatcher | null | undefined;
}

const prepared = new WeakMap<Rule, PreparedRule>();

/** Folded, with runs of whitespace as one space and none at the ends. */
function foldForSearch(text: string): string {
  return foldText(text).replace(/\s+/gu, ' ').trim();
}

function prepare(rule: Rule): PreparedRule {
  let ready = prepared.get(rule);
  if (!ready) {
    ready = {
      contains: rule.labelContains === null ? null : foldForSearch(rule.labelContains),
      pattern: rule.labelPattern === null ? undefined : compileLabelPattern(rule.labelPattern),
    };
    prepared.set(rule, ready);
  }
  return ready;
}

/** A label, folded at most once however many rules look at it. */
class Label {
  private foldedText: string | undefined;
  constructor(readonly raw: string) {}
  get folded(): string {
    this.foldedText ??= foldForSearch(this.raw);
    return this.foldedText;
  }
}

/** Whether the rule's conditions hold, enabled or not. */
function conditionsHold(rule: Rule, subject: RuleSubject, label: Label): boolean {
  if (rule.accountId !== null && rule.accountId !== subject.accountId) return false;
  if (rule.amountMinMinor !== null && subject.amountMinor < rule.amountMinMinor) return false;
  if (rule.amountMaxMinor !== null && subject.amountMinor > rule.amountMaxMinor) return false;
  const { contains, pattern } = prepare(rule);
  // A text that folds to nothing (only combining marks) matches nothing rather than everything.
  if (contains !== null && (contains === '' || !label.folded.includes(contains))) return false;
  if (pattern === null) return false;
  if (pattern !== undefined && !pattern.test(label.raw)) return false;
  return true;
}

export function ruleMatches(rule: Rule, subject: RuleSubject): boolean {
  return rule.enabled && conditionsHold(rule, subject, new Label(subject.rawLabel));
}

/**
 * Rules in the order they are tried: the most recently updated first (the person's latest
 * intent wins over an older, broader rule), then the most recently created, then by id.
 */
export function orderRules(rules: readonly Rule[]): Rule[] {
  return [...rules].sort(
    (a, b) =>
      b.updatedAt - a.updatedAt ||
      b.createdAt - a.createdAt ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The first enabled rule, in {@link orderRules} order, that matches; or null. */
export function firstMatchingRule(rules: readonly Rule[], subject: RuleSubject): Rule | null {
  const label = new Label(subject.rawLabel);
  for (const rule of orderRules(rules)) {
    if (rule.enabled && conditionsHold(rule, subject, label)) return rule;
  }
  return null;
}

export interface RulePreview {
  /** How many operations the rule matches. */
  readonly count: number;
  /** The first `limit` of them, latest date first. */
  readonly sample: Operation[];
  /** How many of them the rule would give another category than the one they have. */
  readonly changes: number;
}

/** Latest date first, then latest created, then by id: a stable order for samples. */
function byDateDescending(a: Operation, b: Operation): number {
  if (a.date !== b.date) return a.date > b.date ? -1 : 1;
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * What a rule would match, before it is saved: its conditions are checked whether or not it is
 * enabled yet (a rule being edited may well be off). One pass over the operations; the sample,
 * at most `limit` long, is kept sorted as it fills.
 */
export function previewRule(
  rule: Rule,
  operations: readonly Operation[],
  limit: number,
): RulePreview {
  const size = Math.max(0, Math.floor(limit));
  const sample: Operation[] = [];
  let count = 0;
  let changes = 0;
  for (const operation of operations) {
    if (!conditionsHold(rule, operation, new Label(operation.rawLabel))) continue;
    count += 1;
    if (operation.categoryId !== rule.categoryId) changes += 1;
    const last = sample[sample.length - 1];
    if (sample.length < size || (last && byDateDescending(operation, last) < 0)) {
      let at = sample.length;
      while (at > 0 && byDateDescending(operation, sample[at - 1]!) < 0) at -= 1;
      sample.splice(at, 0, operation);
      if (sample.length > size) sample.pop();
    }
  }
  return { count, sample, changes };
}
