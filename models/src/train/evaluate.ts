import { normalizeLabel } from '@tirelire/shared/categorize';
import { MODEL_CARD } from './config.ts';
import { shippedPredictor } from './export.ts';
import { markdownTable, percent, updateModelCard } from './model-card.ts';
import {
  groupedCrossValidation,
  loadPipeline,
  randomCrossValidation,
  trainOn,
  type Evaluation,
} from './pipeline.ts';
import type { SubsetName } from './prepared-data.ts';
import { replay } from './replay.ts';
import { perCategoryTable, reliabilityTable, replayTable, subsetTable } from './report.ts';

/**
 * `npm run -w models evaluate`: merchant-grouped cross-validation beside two random splits (to
 * show how much they flatter), then the replay of the held-back merchants; printed and written
 * to the evaluation section of MODEL_CARD.md.
 */
const started = performance.now();
const seconds = (): string => `${((performance.now() - started) / 1000).toFixed(0)} s`;

const pipeline = await loadPipeline();
const { corpus, devItems, heldBackItems, classes } = pipeline;
const rawLabelOf = (index: number): string => corpus.examples[index]?.rawLabel ?? '';

const grouped = await groupedCrossValidation(pipeline);
console.log(`Merchant-grouped CV (${seconds()})\n${subsetTable(grouped.bySubset)}\n`);
const byText = await randomCrossValidation(
  pipeline,
  (index) => normalizeLabel(rawLabelOf(index)).text,
);
const byLabel = await randomCrossValidation(pipeline, (index) => rawLabelOf(index).toUpperCase());
console.log(`Random splits (${seconds()})\n${splitComparison()}\n`);

const devModel = await trainOn(pipeline, devItems, 'replay');
const heldBackGroups = new Set(heldBackItems.map((index) => corpus.examples[index]?.group));
const replayRows = corpus.replayRows.filter((row) => heldBackGroups.has(row.group));
const replayed = replay(
  replayRows,
  shippedPredictor(devModel, classes, grouped.temperature),
  grouped.thresholds,
);
console.log(`Replay of the held-back merchants (${seconds()})\n${replayTable(replayed)}\n`);

const cozyReal = grouped.predictions.filter(
  ({ example }) => example.source === 'cozy' && example.variant === 'clean',
);
updateModelCard(MODEL_CARD, {
  evaluation: [
    `Written by \`npm run -w models evaluate\` (${seconds()} on this machine). All numbers come from`,
    'the quantised model read back through the reference forward pass (what the app runs).',
    '',
    '### Grouped by merchant, against random splits',
    '',
    'Five folds over the same examples (the held-back merchants excepted). "Grouped by merchant"',
    'keeps every label of a merchant key in one fold; "grouped by label text" keeps a normalised',
    'label and its raw variants together; "random" keeps a label with its variants and nothing else.',
    '',
    splitComparison(),
    '',
    '### Merchant-grouped cross-validation, by evaluation set',
    '',
    subsetTable(grouped.bySubset),
    '',
    '### Per category, Cozy labels (real), merchant-grouped',
    '',
    perCategoryTable(cozyReal, grouped.thresholds),
    '',
    '### Calibration (reliability of the top-1 probability), Cozy labels (real)',
    '',
    reliabilityTable(cozyReal),
    '',
    '### Replay of the held-back merchants',
    '',
    'A model trained without the held-back merchants; a person goes through their operations in',
    'file order (the Cozy data has no dates), sees the top suggestion and corrects it; each',
    "confirmation feeds the app's merchant memory (`rememberConfirmation` and `recall` of the",
    'shared `memory.ts`), which answers first from the second operation of a merchant on.',
    '',
    replayTable(replayed),
  ].join('\n'),
});

function splitComparison(): string {
  const rows = (name: string, evaluation: Evaluation, subset: SubsetName): string[] => {
    const { metrics, autoApply } = evaluation.bySubset[subset];
    return [
      name,
      subset,
      percent(metrics.top1),
      percent(metrics.top3),
      percent(metrics.macroF1),
      percent(metrics.ece),
      percent(autoApply.share),
    ];
  };
  const table: string[][] = [];
  for (const subset of ['Cozy labels (real)', 'All'] as const) {
    table.push(rows('grouped by merchant', grouped, subset));
    table.push(rows('grouped by label text', byText, subset));
    table.push(rows('random (by label)', byLabel, subset));
  }
  return markdownTable(
    ['split', 'evaluated on', 'top-1', 'top-3', 'macro-F1', 'ECE', 'auto-applied (cross-fitted)'],
    table,
  );
}
