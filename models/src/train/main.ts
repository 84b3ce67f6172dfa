import { createHash } from 'node:crypto';
import {
  EXPORT_DIR,
  MAX_MODEL_BYTES,
  MODEL_CARD,
  MODEL_TRAINING,
  MODEL_VERSION,
} from './config.ts';
import { committedManifest, modelFileBytes, toModelFiles, writeModelFiles } from './export.ts';
import { markdownTable, percent, updateModelCard } from './model-card.ts';
import { groupedCrossValidation, loadPipeline, trainOn } from './pipeline.ts';
import { dataTable, perCategoryTable, subsetTable } from './report.ts';

/**
 * `npm run -w models train`: grouped cross-validation (metrics and the per-category auto-apply
 * thresholds), then the shipped model trained on every example, exported to
 * client/public/models/default/, and the training section of MODEL_CARD.md rewritten.
 */
const started = performance.now();
const seconds = (): string => `${((performance.now() - started) / 1000).toFixed(0)} s`;

const pipeline = await loadPipeline();
console.log(`Data (${seconds()})\n${dataTable(pipeline.corpus.report)}\n`);

const grouped = await groupedCrossValidation(pipeline);
const cozyReal = grouped.bySubset['Cozy labels (real)'];
console.log(
  `Merchant-grouped ${grouped.epochLosses.length}-fold CV (${seconds()})\n${subsetTable(grouped.bySubset)}\n`,
);

const everything = pipeline.corpus.examples.map((_, index) => index);
const model = await trainOn(pipeline, everything, 'shipped');
const files = toModelFiles(model, pipeline.classes, {
  modelVersion: MODEL_VERSION,
  temperature: grouped.temperature,
  thresholds: grouped.thresholds,
  metrics: {
    evaluation: 'merchant-grouped 5-fold cross-validation, quantised model, Cozy labels (real)',
    examples: cozyReal.metrics.count,
    top1: round(cozyReal.metrics.top1),
    top3: round(cozyReal.metrics.top3),
    macroF1: round(cozyReal.metrics.macroF1),
    ece: round(cozyReal.metrics.ece),
    temperature: grouped.temperature,
    autoApplyShare: round(cozyReal.autoApplyInSample.share),
    autoApplyShareCrossFitted: round(cozyReal.autoApply.share),
    autoApplyPrecisionCrossFitted: round(cozyReal.autoApply.precision),
    trainingExamples: everything.length,
  },
});
const manifestText = await committedManifest(files.manifest, EXPORT_DIR);
const bytes = modelFileBytes(files, manifestText);
if (bytes > MAX_MODEL_BYTES) {
  throw new Error(`the model takes ${bytes} bytes, over ${MAX_MODEL_BYTES}`);
}
writeModelFiles(files, manifestText, EXPORT_DIR);
const digest = createHash('sha256')
  .update(manifestText)
  .update(files.embedding)
  .update(files.embeddingScale)
  .digest('hex')
  .slice(0, 16);
const losses = model.epochLosses.map((loss) => loss.toFixed(3)).join(' → ');
console.log(`Exported ${MODEL_VERSION} to ${EXPORT_DIR}: ${bytes} bytes, sha256 ${digest}…`);
console.log(`Training loss by epoch: ${losses} (${seconds()} in all)`);

updateModelCard(MODEL_CARD, {
  training: [
    `Written by \`npm run -w models train\` (model ${MODEL_VERSION}, ${bytes.toLocaleString('en')} bytes, ` +
      `sha256 ${digest}…, ${seconds()} on this machine).`,
    '',
    dataTable(pipeline.corpus.report),
    '',
    markdownTable(
      ['B (buckets)', 'D (dim)', 'epochs', 'batch', 'Adam lr', 'class weights'],
      [
        [
          String(MODEL_TRAINING.buckets),
          String(MODEL_TRAINING.dim),
          String(MODEL_TRAINING.epochs),
          String(MODEL_TRAINING.batchSize),
          String(MODEL_TRAINING.learningRate),
          `(mean/count)^${MODEL_TRAINING.classWeightPower}`,
        ],
      ],
    ),
    '',
    `Merchant-grouped ${grouped.epochLosses.length}-fold cross-validation, quantised model through the reference forward pass:`,
    '',
    subsetTable(grouped.bySubset),
    '',
    'Per category (all out-of-fold predictions) and the auto-apply thresholds shipped in the manifest:',
    '',
    perCategoryTable(grouped.predictions, grouped.thresholds),
    '',
    `Final training loss by epoch: ${losses}. Softmax temperature fitted on the out-of-fold predictions and folded into the head: ${grouped.temperature}. Auto-applicable share of Cozy labels at the shipped thresholds: ${percent(cozyReal.autoApplyInSample.share)} (cross-fitted: ${percent(cozyReal.autoApply.share)} at ${percent(cozyReal.autoApply.precision)} precision).`,
  ].join('\n'),
});

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
