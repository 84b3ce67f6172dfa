import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  categoryId,
  operationId,
  accountId,
  minor,
  currency,
  type Operation,
} from '@tirelire/shared';
import { rememberConfirmation, type MerchantMemory } from '@tirelire/shared/categorize';
import {
  createTfjsCategoryModel,
  retrainPersonal,
  suggestCategories,
  type ConfirmedExample,
  type Models,
} from '../runtime/index.ts';
import type { CategorizeEngine, EngineSuggestion } from './categorize-command.ts';
import type { InputRow } from './categorize-input.ts';

/** Where `npm run -w models train` writes the shipped model (the app serves the same files). */
export const SHIPPED_MODEL_DIR = resolve(
  import.meta.dirname,
  '../../../client/public/models/default',
);

const round = (p: number) => Math.round(p * 10_000) / 10_000;

/** Memory learns from operations; the command's rows become the operation the app would hold. */
function asConfirmedOperation(row: InputRow, category: string, index: number): Operation {
  return {
    id: operationId(`row-${index}`),
    accountId: accountId('replay'),
    date: row.date,
    valueDate: null,
    amountMinor: minor(row.amountMinor),
    currency: currency('EUR'),
    rawLabel: row.label,
    label: row.label.trim() || '—',
    categoryId: categoryId(category),
    categorySource: 'user',
    note: '',
    origin: 'import',
    externalId: null,
    importBatchId: null,
    transferPeerId: null,
    createdAt: 0,
    updatedAt: index,
  };
}

/**
 * The app's categoriser, in Node: the shipped model on TF.js's wasm backend, and the very pipeline
 * the worker runs (suggestCategories, merchant memory, retrainPersonal).
 */
export async function openShippedEngine(dir = SHIPPED_MODEL_DIR): Promise<CategorizeEngine> {
  const loaded = await createTfjsCategoryModel(
    {
      manifest: JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as unknown,
      embedding: readFileSync(resolve(dir, 'embedding.i8')),
      scale: readFileSync(resolve(dir, 'embedding-scale.f32')),
    },
    { backend: 'wasm' },
  );
  if (!loaded.ok) throw new Error(loaded.message);
  const models: Models = { model: loaded.value, personal: null };
  const defaults = models.model.manifest.classes;
  let memory: MerchantMemory = new Map();
  let confirmed: ConfirmedExample[] = [];

  return {
    suggest(rows) {
      const categories = [...new Set([...defaults, ...confirmed.map((c) => c.categoryId)])];
      const suggestions = suggestCategories(
        rows.map((row) => ({
          rawLabel: row.label,
          amountMinor: row.amountMinor,
          accountId: 'replay',
          date: row.date,
        })),
        { rules: [], memory, categories: categories.map(categoryId), autoApply: false },
        models,
      );
      return Promise.resolve(
        suggestions.map((suggestion, index): EngineSuggestion => ({
          label: rows[index]?.label ?? '',
          category: suggestion?.categoryId ?? null,
          source: suggestion?.source ?? null,
          predictions: (suggestion?.alternatives ?? [])
            .slice(0, 3)
            .map((p) => ({ category: p.categoryId, p: round(p.p) })),
        })),
      );
    },
    confirm(row, category) {
      memory = rememberConfirmation(memory, asConfirmedOperation(row, category, confirmed.length));
      confirmed.push({
        rawLabel: row.label,
        amountMinor: row.amountMinor,
        date: row.date,
        categoryId: category,
      });
    },
    retrain() {
      const categories = [...new Set([...defaults, ...confirmed.map((c) => c.categoryId)])];
      retrainPersonal(models, confirmed, categories);
      return Promise.resolve();
    },
    reset() {
      memory = new Map();
      confirmed = [];
      models.personal?.dispose();
      models.personal = null;
    },
  };
}
