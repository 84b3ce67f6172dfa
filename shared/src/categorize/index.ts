// The categorisation pipeline (docs/categorisation.md): one implementation for training, the
// worker and the `categorize` command. Named exports only.
export { ruleSchema, isValidRulePattern, MAX_RULE_PATTERN_LENGTH, type Rule } from './rule.ts';
