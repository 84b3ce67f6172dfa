import { operationSchema, type CategoryId, type Operation } from '@tirelire/shared';
import {
  featuresOf,
  recall,
  rememberConfirmation,
  type MerchantMemory,
} from '@tirelire/shared/categorize';
import type { ReplayRow } from '../data/dataset.ts';
import type { Predict } from './cross-validation.ts';

export interface ReplayResult {
  readonly operations: number;
  readonly merchants: number;
  /** Share of operations whose first suggestion was right, the model alone. */
  readonly modelOnlyAccuracy: number;
  /** Same, when merchant memory answers first once a merchant was confirmed. */
  readonly withMemoryAccuracy: number;
  /** Share of operations memory answered, and how often it was right. */
  readonly memoryShare: number;
  readonly memoryPrecision: number;
  /** Corrections the person made per 100 operations, model alone and with memory. */
  readonly correctionsPer100ModelOnly: number;
  readonly correctionsPer100WithMemory: number;
  /** Operations the model would apply on its own (no memory hit, above threshold). */
  readonly autoAppliedShare: number;
  readonly autoAppliedPrecision: number;
}

/** The operation as the ledger holds it once the person confirmed its category. */
function confirmedOperation(row: ReplayRow, step: number): Operation {
  return operationSchema.parse({
    id: `replay-${row.line}`,
    accountId: 'replay',
    date: row.date,
    valueDate: null,
    amountMinor: row.amountMinor,
    currency: 'EUR',
    rawLabel: row.rawLabel,
    label: row.rawLabel,
    categoryId: row.categoryId,
    categorySource: 'user',
    note: '',
    origin: 'import',
    externalId: null,
    importBatchId: null,
    transferPeerId: null,
    createdAt: step,
    updatedAt: step,
  });
}

/**
 * A person going through the held-back merchants' operations in file order (the Cozy data has
 * no dates), seeing the top suggestion and correcting it when wrong. Each confirmation teaches
 * the app's merchant memory (memory.ts in shared, the same code), which answers first the next
 * time that merchant comes.
 */
export function replay(
  rows: readonly ReplayRow[],
  predict: Predict,
  thresholds: Readonly<Record<string, number | null>>,
): ReplayResult {
  let memory: MerchantMemory = new Map();
  let modelRight = 0;
  let withMemoryRight = 0;
  let memoryAnswers = 0;
  let memoryRight = 0;
  let autoApplied = 0;
  let autoAppliedRight = 0;
  const ordered = [...rows].sort((a, b) => a.line - b.line);
  ordered.forEach((row, step) => {
    const features = featuresOf({
      label: row.rawLabel,
      amountMinor: row.amountMinor,
      date: row.date,
    });
    const best = predict(features)[0];
    const modelGuess: CategoryId | null = best?.categoryId ?? null;
    const remembered = recall(memory, row.rawLabel)?.categoryId ?? null;
    if (modelGuess === row.categoryId) modelRight++;
    if (remembered !== null) {
      memoryAnswers++;
      if (remembered === row.categoryId) memoryRight++;
    } else if (best) {
      const threshold = thresholds[best.categoryId];
      if (threshold !== null && threshold !== undefined && best.p >= threshold) {
        autoApplied++;
        if (best.categoryId === row.categoryId) autoAppliedRight++;
      }
    }
    if ((remembered ?? modelGuess) === row.categoryId) withMemoryRight++;
    memory = rememberConfirmation(memory, confirmedOperation(row, step));
  });
  const n = Math.max(1, ordered.length);
  return {
    operations: ordered.length,
    merchants: new Set(ordered.map((row) => row.group)).size,
    modelOnlyAccuracy: modelRight / n,
    withMemoryAccuracy: withMemoryRight / n,
    memoryShare: memoryAnswers / n,
    memoryPrecision: memoryRight / Math.max(1, memoryAnswers),
    correctionsPer100ModelOnly: (100 * (ordered.length - modelRight)) / n,
    correctionsPer100WithMemory: (100 * (ordered.length - withMemoryRight)) / n,
    autoAppliedShare: autoApplied / n,
    autoAppliedPrecision: autoAppliedRight / Math.max(1, autoApplied),
  };
}
