/**
 * Composition root of the benchmark page (client/bench.html, built only with `--mode bench`).
 * It wires the same RxDB adapter and database name as the app, so what it writes is what the app
 * then opens, and exposes two timed actions to client/bench/ledger.ts.
 */
import {
  defaultCategories,
  generateDemoLedger,
  isoDate,
  operationPredicate,
  searchKey,
  type Operation,
} from '@tirelire/shared';
import { openRxdbLedgerStore } from '../adapters/rxdb/RxdbLedgerStore.ts';
import type {} from './api.ts';

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
};
