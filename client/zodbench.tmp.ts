import { generateDemoLedger, isoDate, operationIdSchema, accountIdSchema, isoDateSchema, minorUnitsSchema, isIsoDate } from '@tirelire/shared';
import { categorizeInputsSchema } from './src/adapters/categorizer/categorizer-schemas.ts';
const demo = generateDemoLedger({ seed: 7, until: isoDate('2024-12-31'), years: 3, targetOperations: 11_000, accountCount: 2, now: 0 });
const ops = demo.operations.slice(0, 10_000).map(({ id, rawLabel, amountMinor, accountId, date }) => ({ id, rawLabel, amountMinor, accountId, date }));
console.log(ops.length);
function t(name: string, f: () => unknown) { const r=[]; for (let i=0;i<9;i++){const s=performance.now(); f(); r.push(performance.now()-s);} r.sort((a,b)=>a-b); console.log(name, r[4]!.toFixed(2)); }
t('zod array', () => categorizeInputsSchema.safeParse(ops));
t('zod per field', () => { for (const o of ops) { operationIdSchema.safeParse(o.id); accountIdSchema.safeParse(o.accountId); isoDateSchema.safeParse(o.date); minorUnitsSchema.safeParse(o.amountMinor);} });
t('zod id only', () => { for (const o of ops) { operationIdSchema.safeParse(o.id);} });
const RE = /^[A-Za-z0-9_-]{1,64}$/;
t('hand', () => { const out=[]; for (const o of ops) { if (!(RE.test(o.id) && RE.test(o.accountId) && typeof o.rawLabel==='string' && o.rawLabel.length<=500 && Number.isSafeInteger(o.amountMinor) && isIsoDate(o.date))) throw 1; out.push({id:o.id, rawLabel:o.rawLabel, amountMinor:o.amountMinor, accountId:o.accountId, date:o.date}); } });
