import { generateDemoLedger, isoDate } from '@tirelire/shared';
const demo = generateDemoLedger({ seed: 7, until: isoDate('2024-12-31'), years: 3, targetOperations: 10_000, accountCount: 2, now: 0 });
const ops = demo.operations.slice(0, 10_000);
console.log(ops.length, new Set(ops.map(o=>o.rawLabel)).size, demo.accounts?.map?.((a: {id: string})=>a.id));
console.log(ops.slice(0,30).map(o=>[o.rawLabel,o.amountMinor,o.accountId,o.categorySource]));
console.log(demo.categories?.length);
