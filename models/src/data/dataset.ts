import { categoryId, type CategoryId, type IsoDate } from '@tirelire/shared';
import { fnv1a, normalizeLabel } from '@tirelire/shared/categorize';
import { mulberry32, seedFrom, type Random } from '../train/random.ts';
import {
  labelIdentity,
  resolveConflicts,
  withdrawalsAsCash,
  type CleanLabel,
  type ConflictReport,
} from './clean.ts';
import { loadCozyLabels, type CozyParseResult } from './cozy.ts';
import { ENGLISH_MERCHANTS } from './english.ts';
import { englishLabels } from './english-labels.ts';
import { applyFrame, frenchRawFrames } from './french-augment.ts';
import { buildNameMasker, type NameMasker } from './name-masking.ts';
import { syntheticAmountMinor, syntheticDate } from './synthetic-context.ts';

/** One labelled operation of the training corpus. */
export interface Example {
  /** What the model learns from: people's names masked. */
  readonly label: string;
  /**
   * The label as a bank would print it, names included: what evaluation and the replay read,
   * as the app would. Held in memory only, never written anywhere.
   */
  readonly rawLabel: string;
  readonly categoryId: CategoryId;
  /** The merchant (hash of its merchantKey): splits never put one merchant on both sides. */
  readonly group: string;
  readonly source: 'cozy' | 'english';
  /** `clean` as the source wrote it, `raw` with bank noise added. */
  readonly variant: 'clean' | 'raw';
  readonly amountMinor: number;
  readonly date: IsoDate;
}

/** A row of the Cozy file after cleaning, in file order: the operations of the replay. */
export interface ReplayRow {
  readonly rawLabel: string;
  readonly categoryId: CategoryId;
  readonly group: string;
  readonly line: number;
  readonly amountMinor: number;
  readonly date: IsoDate;
}

export interface DataReport {
  readonly cozyRows: number;
  readonly malformedRows: number;
  readonly distinctLabels: number;
  readonly conflicts: ConflictReport;
  /** Withdrawals Cozy filed by purpose, filed as cash here. */
  readonly withdrawalsRelabelled: number;
  readonly maskedLabels: number;
  readonly englishMerchants: number;
  readonly examples: number;
  readonly groups: number;
}

export interface Corpus {
  readonly examples: Example[];
  readonly replayRows: ReplayRow[];
  readonly report: DataReport;
}

export interface CorpusOptions {
  readonly seed: number;
  /** Raw variants added per clean French label. */
  readonly frenchRawVariants: number;
  /** Labels generated per English merchant. */
  readonly englishVariants: number;
}

/** The merchant group of a label: its merchantKey, hashed so no name sits in a key. */
export function merchantGroup(label: string): string {
  return fnv1a(normalizeLabel(label).merchantKey).toString(16);
}

/**
 * The whole corpus, deterministically: Cozy labels cleaned (malformed rows dropped, conflicts
 * resolved by majority, ties dropped), names masked, each with raw variants; then our English
 * merchants in their bank styles. Each label draws from its own seeded stream, so adding a label
 * never changes the others' variants.
 */
export function buildCorpus(
  options: CorpusOptions,
  cozy: CozyParseResult = loadCozyLabels(),
): Corpus {
  const resolved = resolveConflicts(cozy.rows);
  const { labels, relabelled } = withdrawalsAsCash(resolved.labels);
  const masker = buildNameMasker(labels);
  const cozyPart = cozyExamples(labels, masker, options);
  const examples = [...cozyPart.examples, ...englishExamples(options)];
  return {
    examples,
    replayRows: buildReplayRows(cozy, labels, cozyPart.groupOf, options.seed),
    report: {
      cozyRows: cozy.rows.length,
      malformedRows: cozy.malformed,
      distinctLabels: labels.length,
      conflicts: resolved.report,
      withdrawalsRelabelled: relabelled,
      maskedLabels: cozyPart.maskedLabels,
      englishMerchants: ENGLISH_MERCHANTS.length,
      examples: examples.length,
      groups: new Set(examples.map((example) => example.group)).size,
    },
  };
}

/** Each clean Cozy label, names masked, then its raw variants (the same frame on both texts). */
function cozyExamples(labels: readonly CleanLabel[], masker: NameMasker, options: CorpusOptions) {
  const examples: Example[] = [];
  const groupOf = new Map<string, string>();
  let maskedLabels = 0;
  for (const clean of labels) {
    const random = mulberry32(seedFrom(clean.label, options.seed));
    const masked = masker.mask(clean.label, clean.categoryId);
    if (masked !== clean.label) maskedLabels++;
    const group = merchantGroup(clean.label);
    groupOf.set(labelIdentity(clean.label), group);
    const base = { categoryId: clean.categoryId, group, source: 'cozy' as const };
    examples.push({
      ...base,
      label: masked,
      rawLabel: clean.label,
      variant: 'clean',
      ...syntheticContext(clean.categoryId, random),
    });
    const count = options.frenchRawVariants;
    for (const frame of frenchRawFrames(clean.label, clean.categoryId, count, random)) {
      examples.push({
        ...base,
        label: applyFrame(frame, masked),
        rawLabel: applyFrame(frame, clean.label),
        variant: 'raw',
        ...syntheticContext(clean.categoryId, random),
      });
    }
  }
  return { examples, groupOf, maskedLabels };
}

/** Our English merchants in their bank styles; the first label of each counts as its clean one. */
function englishExamples(options: CorpusOptions): Example[] {
  return ENGLISH_MERCHANTS.flatMap((merchant) => {
    const random = mulberry32(seedFrom(`en:${merchant.name}`, options.seed));
    const group = merchantGroup(merchant.name);
    return englishLabels(merchant, options.englishVariants, random).map(
      (label, index): Example => ({
        label,
        rawLabel: label,
        categoryId: categoryId(merchant.category),
        group,
        source: 'english',
        variant: index === 0 ? 'clean' : 'raw',
        ...syntheticContext(merchant.category, random),
      }),
    );
  });
}

function syntheticContext(
  category: string,
  random: Random,
): { amountMinor: number; date: IsoDate } {
  return { amountMinor: syntheticAmountMinor(category, random), date: syntheticDate(random) };
}

/** Every kept row in file order, with the category its label resolved to. */
function buildReplayRows(
  cozy: CozyParseResult,
  labels: readonly CleanLabel[],
  groupOf: ReadonlyMap<string, string>,
  seed: number,
): ReplayRow[] {
  const resolved = new Map(labels.map((label) => [labelIdentity(label.label), label.categoryId]));
  const random = mulberry32(seedFrom('replay', seed));
  const rows: ReplayRow[] = [];
  for (const row of cozy.rows) {
    const identity = labelIdentity(row.label);
    const category = resolved.get(identity);
    const group = groupOf.get(identity);
    if (category === undefined || group === undefined) continue;
    rows.push({
      rawLabel: row.label,
      categoryId: category,
      group,
      line: row.line,
      ...syntheticContext(category, random),
    });
  }
  return rows;
}
