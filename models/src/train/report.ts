import type { DataReport } from '../data/dataset.ts';
import type { SubsetReport, Thresholds } from './calibrate.ts';
import { markdownTable, percent } from './model-card.ts';
import { perClassStats, type Scored } from './metrics.ts';
import type { SubsetName } from './prepared-data.ts';
import type { ReplayResult } from './replay.ts';

/** Markdown pieces shared by the console output and MODEL_CARD.md. */
export function dataTable(report: DataReport): string {
  const { conflicts } = report;
  return markdownTable(
    ['', 'count'],
    [
      ['Cozy rows read', String(report.cozyRows)],
      ['malformed rows dropped', String(report.malformedRows)],
      ['distinct labels kept', String(report.distinctLabels)],
      ['labels with conflicting categories', String(conflicts.conflicting)],
      ['… resolved by majority', String(conflicts.resolved)],
      ['… dropped (tie)', String(conflicts.dropped)],
      ['withdrawals filed by purpose, refiled as cash', String(report.withdrawalsRelabelled)],
      ['distinct labels with a name masked', String(report.maskedLabels)],
      ['English merchants (our corpus)', String(report.englishMerchants)],
      ['training examples (clean + raw variants)', String(report.examples)],
      ['merchants (groups)', String(report.groups)],
    ],
  );
}

export function subsetTable(bySubset: Record<SubsetName, SubsetReport>): string {
  return markdownTable(
    [
      'evaluated on',
      'n',
      'top-1',
      'top-3',
      'macro-F1',
      'ECE',
      'auto-applicable at ≥ 95 %',
      'cross-fitted: auto-applied',
      'cross-fitted: precision',
    ],
    Object.entries(bySubset).map(([name, { metrics, autoApplyInSample, autoApply }]) => [
      name,
      String(metrics.count),
      percent(metrics.top1),
      percent(metrics.top3),
      percent(metrics.macroF1),
      percent(metrics.ece),
      `${percent(autoApplyInSample.share)} (${autoApplyInSample.applied === 0 ? '—' : percent(autoApplyInSample.precision)})`,
      percent(autoApply.share),
      autoApply.applied === 0 ? '—' : percent(autoApply.precision),
    ]),
  );
}

export function perCategoryTable(predictions: readonly Scored[], thresholds: Thresholds): string {
  const stats = perClassStats(predictions);
  return markdownTable(
    ['category', 'n', 'precision', 'recall', 'F1', 'auto-apply threshold'],
    [...stats]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, { support, precision, recall, f1 }]) => [
        category,
        String(support),
        percent(precision),
        percent(recall),
        percent(f1),
        formatThreshold(thresholds[category]),
      ]),
  );
}

const formatThreshold = (threshold: number | null | undefined): string =>
  threshold === null || threshold === undefined ? 'never' : threshold.toFixed(3);

/** Accuracy against confidence in 10 bins: what ECE summarises. */
export function reliabilityTable(predictions: readonly Scored[]): string {
  const rows: string[][] = [];
  for (let bin = 0; bin < 10; bin++) {
    const inBin = predictions.filter(({ ranking }) => {
      const p = ranking[0]?.p ?? 0;
      return Math.min(9, Math.floor(p * 10)) === bin;
    });
    if (inBin.length === 0) continue;
    const confidence =
      inBin.reduce((sum, { ranking }) => sum + (ranking[0]?.p ?? 0), 0) / inBin.length;
    const accuracy =
      inBin.filter(({ truth, ranking }) => ranking[0]?.categoryId === truth).length / inBin.length;
    rows.push([
      `${bin / 10}–${(bin + 1) / 10}`,
      String(inBin.length),
      percent(confidence),
      percent(accuracy),
    ]);
  }
  return markdownTable(['confidence', 'n', 'mean confidence', 'accuracy'], rows);
}

export function replayTable(result: ReplayResult): string {
  return markdownTable(
    ['', 'value'],
    [
      ['operations replayed (held-back merchants, file order)', String(result.operations)],
      ['merchants', String(result.merchants)],
      ['first suggestion right — model alone', percent(result.modelOnlyAccuracy)],
      ['first suggestion right — merchant memory, then model', percent(result.withMemoryAccuracy)],
      [
        'corrections per 100 operations — model alone',
        result.correctionsPer100ModelOnly.toFixed(1),
      ],
      [
        'corrections per 100 operations — with memory',
        result.correctionsPer100WithMemory.toFixed(1),
      ],
      ['answered by memory', percent(result.memoryShare)],
      ['memory answers right', percent(result.memoryPrecision)],
      [
        'auto-applied by the model (no memory yet, above threshold)',
        percent(result.autoAppliedShare),
      ],
      ['auto-applied and right', percent(result.autoAppliedPrecision)],
    ],
  );
}
