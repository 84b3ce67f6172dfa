import type { CategoryId, IsoDate, Result } from '@tirelire/shared';
import type { Prediction, Suggestion, SuggestionReason } from '@tirelire/shared/categorize';
import type { CategorizerError } from '../../ports/category-model.ts';
import type { CategorizerApi } from './categorizer-api.ts';

/**
 * Suggestions in columns, for the trip from the worker to the page. Structured-cloning 10,000
 * suggestion objects (each with its reason and three alternatives) took ~24 ms of a 100 ms budget;
 * a few typed arrays and one string table copy in a fraction of that. Numbers travel as float64,
 * so what arrives is exactly what was sent.
 */
export interface PackedSuggestions {
  readonly count: number;
  /** Category ids, rule ids and names, merchant keys and dates, each stored once. */
  readonly strings: readonly string[];
  /** Per suggestion: category string index, or -1 for "no suggestion". */
  readonly category: Int32Array;
  readonly confidence: Float64Array;
  /** 0 rule, 1 memory, 2 model (the source and the reason's kind are the same here). */
  readonly source: Uint8Array;
  /** Bit 0: autoApply; bit 1: the personal layer weighed in (model reasons). */
  readonly flags: Uint8Array;
  /** Rule id / merchant key, and rule name / confirmation date, as string indices. */
  readonly reasonA: Int32Array;
  readonly reasonB: Int32Array;
  /** How many alternatives (0–3), then 3 slots of category index and probability each. */
  readonly alternativeCount: Uint8Array;
  readonly alternativeCategory: Int32Array;
  readonly alternativeP: Float64Array;
}

const SOURCES = ['rule', 'memory', 'model'] as const;
const SLOTS = 3;

export function packSuggestions(suggestions: readonly (Suggestion | null)[]): PackedSuggestions {
  const count = suggestions.length;
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (text: string) => {
    let at = index.get(text);
    if (at === undefined) {
      at = strings.length;
      strings.push(text);
      index.set(text, at);
    }
    return at;
  };
  const packed = {
    count,
    strings,
    category: new Int32Array(count).fill(-1),
    confidence: new Float64Array(count),
    source: new Uint8Array(count),
    flags: new Uint8Array(count),
    reasonA: new Int32Array(count).fill(-1),
    reasonB: new Int32Array(count).fill(-1),
    alternativeCount: new Uint8Array(count),
    alternativeCategory: new Int32Array(count * SLOTS).fill(-1),
    alternativeP: new Float64Array(count * SLOTS),
  };
  suggestions.forEach((suggestion, i) => {
    if (!suggestion) return;
    packed.category[i] = intern(suggestion.categoryId);
    packed.confidence[i] = suggestion.confidence;
    packed.source[i] = SOURCES.indexOf(suggestion.source);
    const reason = suggestion.reason;
    let flags = suggestion.autoApply ? 1 : 0;
    if (reason.kind === 'rule') {
      packed.reasonA[i] = intern(reason.ruleId);
      packed.reasonB[i] = intern(reason.ruleName);
    } else if (reason.kind === 'memory') {
      packed.reasonA[i] = intern(reason.merchantKey);
      packed.reasonB[i] = intern(reason.confirmedOn);
    } else if (reason.personal) {
      flags |= 2;
    }
    packed.flags[i] = flags;
    const alternatives = suggestion.alternatives.slice(0, SLOTS);
    packed.alternativeCount[i] = alternatives.length;
    alternatives.forEach((alternative, slot) => {
      packed.alternativeCategory[i * SLOTS + slot] = intern(alternative.categoryId);
      packed.alternativeP[i * SLOTS + slot] = alternative.p;
    });
  });
  return packed;
}

export function unpackSuggestions(packed: PackedSuggestions): (Suggestion | null)[] {
  const text = (at: number | undefined) => packed.strings[at ?? -1] ?? '';
  const result: (Suggestion | null)[] = new Array<Suggestion | null>(packed.count);
  for (let i = 0; i < packed.count; i += 1) {
    const category = packed.category[i] ?? -1;
    if (category < 0) {
      result[i] = null;
      continue;
    }
    const source = SOURCES[packed.source[i] ?? 2] ?? 'model';
    const flags = packed.flags[i] ?? 0;
    const reason: SuggestionReason =
      source === 'rule'
        ? { kind: 'rule', ruleId: text(packed.reasonA[i]), ruleName: text(packed.reasonB[i]) }
        : source === 'memory'
          ? {
              kind: 'memory',
              merchantKey: text(packed.reasonA[i]),
              confirmedOn: text(packed.reasonB[i]) as IsoDate,
            }
          : { kind: 'model', personal: (flags & 2) !== 0 };
    const alternatives: Prediction[] = [];
    for (let slot = 0; slot < (packed.alternativeCount[i] ?? 0); slot += 1) {
      alternatives.push({
        categoryId: text(packed.alternativeCategory[i * SLOTS + slot]) as CategoryId,
        p: packed.alternativeP[i * SLOTS + slot] ?? 0,
      });
    }
    result[i] = {
      categoryId: text(category) as CategoryId,
      confidence: packed.confidence[i] ?? 0,
      source,
      reason,
      alternatives,
      autoApply: (flags & 1) !== 0,
    };
  }
  return result;
}

/** The worker's API as it crosses the thread boundary: suggestions come back packed. */
export interface PackedCategorizerApi extends CategorizerApi {
  suggestPacked(
    operations: unknown,
    context: unknown,
  ): Promise<Result<PackedSuggestions, CategorizerError>>;
}

/** Adds the packed answer to an API (the worker, and the tests standing in for it, expose this). */
export function withPackedSuggestions(api: CategorizerApi): PackedCategorizerApi {
  return {
    ready: () => api.ready(),
    suggest: (operations, context) => api.suggest(operations, context),
    learn: (confirmed, categories) => api.learn(confirmed, categories),
    dispose: () => api.dispose(),
    async suggestPacked(operations, context) {
      const result = await api.suggest(operations, context);
      return result.ok ? { ok: true, value: packSuggestions(result.value) } : result;
    },
  };
}
