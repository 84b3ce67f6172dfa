/**
 * Composition root of the benchmark page (client/bench.html, built only with `--mode bench`).
 * It wires the same RxDB adapter and database name as the app, so what it writes is what the app
 * then opens, and the app's categoriser worker, and exposes timed actions to client/bench/.
 */
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import {
  createAccount,
  currency,
  minor,
  planTargets,
  defaultCategories,
  generateDemoLedger,
  isoDate,
  operationPredicate,
  searchKey,
  type Operation,
} from '@tirelire/shared';
import { openRxdbLedgerStore } from '../adapters/rxdb/RxdbLedgerStore.ts';
import { createCategorizerApi } from '../adapters/categorizer/categorizer-api.ts';
import {
  categorizeContextSchema,
  categorizeInputsSchema,
} from '../adapters/categorizer/categorizer-schemas.ts';
import { InlineCategorizer } from '../adapters/categorizer/InlineCategorizer.ts';
import { loadDefaultModel } from '../adapters/categorizer/load-default-model.ts';
import { MemoryPersonalLayerStore } from '../adapters/categorizer/personal-layer-store.ts';
import { openWorkerCategorizer } from '../adapters/categorizer/WorkerCategorizer.ts';
import { openWorkerStatementReader } from '../adapters/worker/WorkerStatementReader.ts';
import { commitImport } from '../app/use-cases/import.ts';
import type {} from './api.ts';
import { measureOnPage } from './categorize-page.ts';
import {
  measureCorrection,
  measureLearn,
  measureLoad,
  measureSuggest,
} from './categorize-worker.ts';

const NOW = Date.UTC(2026, 10, 25);

window.tirelireBench = {
  async seed({ operations, accounts, years }) {
    const store = await openRxdbLedgerStore({ name: 'tirelire', multiInstance: false });
    const ledger = generateDemoLedger({
      seed: 42,
      now: NOW,
      until: isoDate('2026-11-25'),
      years,
      accountCount: accounts,
      targetOperations: operations,
    });
    await store.saveCategories(defaultCategories(NOW));
    await store.saveAccounts(ledger.accounts);
    const start = performance.now();
    await store.saveOperations(ledger.operations);
    const insertMs = performance.now() - start;
    const count = await store.countOperations();
    await store.close();
    return { insertMs, operations: count };
  },

  async importStatement({ name, base64 }) {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const store = await openRxdbLedgerStore({
      name: `import-bench-${crypto.randomUUID()}`,
      multiInstance: false,
    });
    const deps = { store, clock: { now: () => Date.now() }, newId: () => crypto.randomUUID() };
    await store.saveCategories(defaultCategories(NOW));
    const account = createAccount(
      {
        name: 'Bench',
        institution: '',
        type: 'checking',
        currency: currency('EUR'),
        openingBalanceMinor: minor(0),
        openingDate: isoDate('2016-01-01'),
      },
      deps,
    );
    await store.saveAccounts([account]);
    const reader = openWorkerStatementReader();
    // The worker starts on the first read in the app too; start it here so it is not timed.
    await reader.read(new TextEncoder().encode('!Type:Bank\nD01/01/2024\nT1\nPx\n^\n'), {});

    const importOnce = async () => {
      const start = performance.now();
      const read = await reader.read(bytes, {});
      if (!read.ok) throw new Error(read.message);
      const afterRead = performance.now();
      const statement = read.value.file.statements[0];
      if (!statement) throw new Error('no statement');
      const existing = await store.listOperationsOfAccount(account.id);
      const [plan] = planTargets([{ statement, accountId: account.id }], () => existing);
      if (!plan) throw new Error('no plan');
      const afterPlan = performance.now();
      const result = await commitImport(deps, [
        {
          fileName: name,
          format: read.value.file.format,
          bank: null,
          statement,
          account,
          plan,
          merges: new Set(),
          csvMapping: null,
        },
      ]);
      if (!result.ok) throw new Error(result.message);
      const end = performance.now();
      return {
        rows: statement.operations.length,
        readMs: afterRead - start,
        planMs: afterPlan - afterRead,
        storeMs: end - afterPlan,
        totalMs: end - start,
        added: result.value[0]?.added ?? 0,
      };
    };
    const first = await importOnce();
    const again = await importOnce();
    reader.close();
    await store.close();
    return { ...first, reimportMs: again.totalMs, reimportAdded: again.added };
  },

  async search(queries) {
    const store = await openRxdbLedgerStore({ name: 'tirelire', multiInstance: false });
    const loadStart = performance.now();
    const operations = await store.listOperations();
    const loadMs = performance.now() - loadStart;
    await store.close();
    const keys = new WeakMap<Operation, string>();
    const keyOf = (operation: Operation) => {
      let key = keys.get(operation);
      if (key === undefined) keys.set(operation, (key = searchKey(operation)));
      return key;
    };
    operations.forEach(keyOf);
    const times = queries.map((text) => {
      const start = performance.now();
      operations.filter(operationPredicate({ text }, keyOf));
      return performance.now() - start;
    });
    return { loadMs, times };
  },

  categorizerLoad: () => measureLoad(openWorkerCategorizer),
  categorizerSuggest: (options) => measureSuggest(openWorkerCategorizer, options),
  categorizerCorrection: (options) => measureCorrection(openWorkerCategorizer, options),
  categorizerLearn: (options) => measureLearn(openWorkerCategorizer, options),

  async categorizeOnPage(options) {
    // The model as the worker loads it (same files, same backend choice), on this thread.
    const loaded = await loadDefaultModel({
      baseUrl: new URL('/models/default/', location.href),
      fetch: (url) => fetch(url),
      wasmBinaries: { simd: simdWasm, plain: plainWasm },
      scope: self,
    });
    if (!loaded.ok) throw new Error(loaded.message);
    const model = loaded.value;
    const categorizer = new InlineCategorizer(
      createCategorizerApi({
        loadModel: () => Promise.resolve(loaded),
        personalLayers: new MemoryPersonalLayerStore(),
      }),
    );
    try {
      return await measureOnPage(
        {
          categorizer,
          model,
          validate: (operations, context) => {
            categorizeInputsSchema.parse(operations);
            categorizeContextSchema.parse(context);
          },
        },
        options,
      );
    } finally {
      categorizer.close(); // frees the model too
    }
  },
};
