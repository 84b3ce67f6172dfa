import {
  categoryName,
  type Category,
  type CategoryId,
  type CategorySource,
  type Language,
  type Operation,
} from '@tirelire/shared';
import type { Suggestion } from '@tirelire/shared/categorize';
import { interpolate, localeOf } from '../i18n/i18n.ts';
import type { SuggestionMessages } from './suggestion-messages.ts';

const percentFormats = new Map<Language, Intl.NumberFormat>();

/** "87 %" / "87%": a confidence (0–1) the way each language writes percentages. */
export function formatConfidence(confidence: number, language: Language): string {
  let format = percentFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language), {
      style: 'percent',
      maximumFractionDigits: 0,
    });
    percentFormats.set(language, format);
  }
  return format.format(confidence);
}

/** Why this category is suggested, in words: "Rule: Boulangerie", "Model, 87 %"… */
export function suggestionReason(
  suggestion: Suggestion,
  language: Language,
  t: SuggestionMessages,
): string {
  const { reason } = suggestion;
  switch (reason.kind) {
    case 'rule':
      return interpolate(t.reasonRule, { name: reason.ruleName });
    case 'memory':
      return interpolate(t.reasonMemory, { merchant: reason.merchantKey });
    case 'model':
      return interpolate(reason.personal ? t.reasonModelPersonal : t.reasonModel, {
        percent: formatConfidence(suggestion.confidence, language),
      });
  }
}

/** Where an automatic category came from, when no suggestion explains it any more. */
export function sourceText(source: Exclude<CategorySource, 'user'>, t: SuggestionMessages): string {
  return source === 'rule' ? t.sourceRule : source === 'memory' ? t.sourceMemory : t.sourceModel;
}

/**
 * The line under the category field of the edit dialog, while the operation waits for the
 * person: what is suggested and why, or that its category was applied for them.
 */
export function suggestionHint(
  operation: Operation,
  suggestion: Suggestion | undefined,
  categoriesById: ReadonlyMap<CategoryId, Category>,
  language: Language,
  t: SuggestionMessages,
): string | undefined {
  const source = operation.categorySource;
  if (operation.categoryId !== null && source !== null && source !== 'user') {
    const reason =
      suggestion?.categoryId === operation.categoryId
        ? suggestionReason(suggestion, language, t)
        : sourceText(source, t);
    return interpolate(t.autoHint, { reason });
  }
  const suggested = suggestion ? categoriesById.get(suggestion.categoryId) : undefined;
  if (operation.categoryId !== null || !suggestion || !suggested) return undefined;
  return interpolate(t.suggestedHint, {
    category: categoryName(suggested, language),
    reason: suggestionReason(suggestion, language, t),
  });
}
