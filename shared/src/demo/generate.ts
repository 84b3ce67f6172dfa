import type { Category } from '../categories/category.ts';
import { defaultCategories } from '../categories/defaults.ts';
import { currency } from '../money/currency.ts';
import { minor } from '../money/money.ts';
import type { Account, AccountType } from '../ledger/account.ts';
import {
  addDays,
  daysInMonth,
  isoDate,
  monthsBetween,
  yearMonth,
  type IsoDate,
} from '../ledger/dates.ts';
import { accountId, categoryId, operationId } from '../ledger/ids.ts';
import type { Operation } from '../ledger/operation.ts';
import { pick, randomInt, seededRandom, type RandomSource } from '../util/random.ts';
import { EVERYDAY_MERCHANTS, MONTHLY_BILLS, SALARIES, type MerchantTemplate } from './merchants.ts';

export interface DemoOptions {
  readonly seed: number;
  /** The last day with operations (today, in the app). */
  readonly until: IsoDate;
  readonly years: number;
  /** Roughly how many operations in all; everyday spending fills what bills and salaries leave. */
  readonly targetOperations: number;
  /** How many accounts: the first is the main checking account, the others savings and cards. */
  readonly accountCount: number;
  /** Epoch ms stamped as createdAt/updatedAt. */
  readonly now: number;
  /** Share of operations left without a category (so the review queue has work). */
  readonly uncategorisedShare?: number;
}

export interface DemoLedger {
  readonly accounts: Account[];
  readonly categories: Category[];
  readonly operations: Operation[];
}

const ACCOUNT_SHAPES: readonly {
  name: string;
  institution: string;
  type: AccountType;
  currency: string;
}[] = [
  { name: 'Compte courant', institution: 'Banque Exemple', type: 'checking', currency: 'EUR' },
  { name: 'Livret A', institution: 'Banque Exemple', type: 'savings', currency: 'EUR' },
  { name: 'Carte Visa', institution: 'Banque Exemple', type: 'card', currency: 'EUR' },
  { name: 'UK current account', institution: 'Example Bank UK', type: 'checking', currency: 'GBP' },
  { name: 'Espèces', institution: '', type: 'cash', currency: 'EUR' },
];

/**
 * A believable ledger for the first-run demo and for benchmarks: salaries, monthly bills, everyday
 * spending in raw bank label styles, and monthly transfers to savings. Deterministic for a seed.
 */
export function generateDemoLedger(options: DemoOptions): DemoLedger {
  const random = seededRandom(options.seed);
  const categories = defaultCategories(options.now);
  // The same day `years` earlier; 29 February falls back to the 28th in a common year.
  const startYear = Number(options.until.slice(0, 4)) - options.years;
  const untilMonth = Number(options.until.slice(5, 7));
  const startDay = Math.min(Number(options.until.slice(8, 10)), daysInMonth(startYear, untilMonth));
  const start = isoDate(
    `${String(startYear).padStart(4, '0')}-${options.until.slice(5, 7)}-${String(startDay).padStart(2, '0')}`,
  );
  const accounts = ACCOUNT_SHAPES.slice(0, Math.max(1, options.accountCount)).map(
    (shape, index) => ({
      id: accountId(`demo-account-${index + 1}`),
      name: shape.name,
      institution: shape.institution,
      type: shape.type,
      currency: currency(shape.currency),
      openingBalanceMinor: minor(index === 0 ? 150_000 : index === 1 ? 500_000 : 0),
      openingDate: start,
      archived: false,
      createdAt: options.now,
      updatedAt: options.now,
    }),
  );

  const operations: Operation[] = [];
  let sequence = 0;
  const add = (
    account: Account,
    date: IsoDate,
    template: MerchantTemplate,
    extra: Partial<Operation> = {},
  ) => {
    sequence += 1;
    const label = fillTemplate(template.label, date, random);
    const isUncategorised = random() < (options.uncategorisedShare ?? 0.1);
    operations.push({
      id: operationId(`demo-op-${sequence}`),
      accountId: account.id,
      date,
      valueDate: null,
      amountMinor: drawAmount(template, random),
      currency: account.currency,
      rawLabel: label,
      label,
      categoryId: isUncategorised ? null : categoryId(template.category),
      categorySource: isUncategorised ? null : 'user',
      note: '',
      origin: 'import',
      externalId: null,
      importBatchId: null,
      transferPeerId: null,
      createdAt: options.now + sequence,
      updatedAt: options.now + sequence,
      ...extra,
    });
    return operations[operations.length - 1] as Operation;
  };

  const months = monthsBetween(yearMonth(start), yearMonth(options.until));
  const everydayAccounts = accounts.filter((a) => a.type !== 'savings');
  const savings = accounts.find((a) => a.type === 'savings');
  // Salaries and bills go to each checking account, plus a two-sided transfer to savings when
  // the currencies match; everyday spending fills the rest of the target.
  const fixedPerMonth = everydayAccounts
    .filter((account) => account.type === 'checking')
    .reduce(
      (sum, account) =>
        sum +
        SALARIES.length +
        MONTHLY_BILLS.length +
        (savings && savings.currency === account.currency ? 2 : 0),
      0,
    );
  const everydayPerMonth = Math.max(0, options.targetOperations / months.length - fixedPerMonth);

  for (const month of months) {
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    const lastDay = daysInMonth(year, monthNumber);
    const dayOf = (day: number) =>
      isoDate(`${month}-${String(Math.min(day, lastDay)).padStart(2, '0')}`);
    const inRange = (date: IsoDate) => date >= start && date <= options.until;
    for (const account of everydayAccounts) {
      const isMain = account.type === 'checking';
      if (isMain) {
        for (const salary of SALARIES) if (inRange(dayOf(28))) add(account, dayOf(28), salary);
        for (const bill of MONTHLY_BILLS)
          if (inRange(dayOf(bill.day))) add(account, dayOf(bill.day), bill);
        if (savings && savings.currency === account.currency && inRange(dayOf(29))) {
          addTransfer(account, savings, dayOf(29));
        }
      }
      const count = Math.round(
        (everydayPerMonth / everydayAccounts.length) * (0.8 + random() * 0.4),
      );
      let spent = 0;
      for (let i = 0; i < count; i += 1) {
        const date = dayOf(randomInt(random, 1, lastDay));
        if (inRange(date))
          spent -= add(account, date, weightedPick(random, EVERYDAY_MERCHANTS)).amountMinor;
      }
      // A card is settled from the main account at the end of each month, as banks do with
      // deferred-debit cards; otherwise its balance would fall forever.
      const main = everydayAccounts.find(
        (a) => a.type === 'checking' && a.currency === account.currency,
      );
      if (account.type === 'card' && main && spent > 0 && inRange(dayOf(lastDay))) {
        addTransfer(main, account, dayOf(lastDay), spent, 'PRLV RELEVE CARTE VISA');
      }
    }
  }

  function addTransfer(
    from: Account,
    to: Account,
    date: IsoDate,
    amount = randomInt(random, 1, 4) * 10_000,
    label = 'VIR EPARGNE MENSUELLE',
  ) {
    const template = {
      label,
      category: 'transfers_savings',
      min: 0,
      max: 0,
      weight: 1,
    };
    const out = add(from, date, template, {
      origin: 'transfer',
      amountMinor: minor(-amount),
      categoryId: null,
      categorySource: null,
    });
    const back = add(to, date, template, {
      origin: 'transfer',
      amountMinor: minor(amount),
      categoryId: null,
      categorySource: null,
      transferPeerId: out.id,
    });
    operations[operations.indexOf(out)] = { ...out, transferPeerId: back.id };
  }

  return { accounts, categories, operations };
}

function fillTemplate(template: string, date: IsoDate, random: RandomSource): string {
  const shown = addDays(date, -randomInt(random, 0, 2));
  return template
    .replace('{d}', `${shown.slice(8, 10)}/${shown.slice(5, 7)}`)
    .replace('{n}', String(randomInt(random, 1000, 9999)));
}

function drawAmount(template: MerchantTemplate, random: RandomSource) {
  const low = Math.round(template.min * 100);
  const high = Math.round(template.max * 100);
  return minor(randomInt(random, Math.min(low, high), Math.max(low, high)));
}

function weightedPick(
  random: RandomSource,
  templates: readonly MerchantTemplate[],
): MerchantTemplate {
  const total = templates.reduce((sum, t) => sum + t.weight, 0);
  let roll = random() * total;
  for (const template of templates) {
    roll -= template.weight;
    if (roll < 0) return template;
  }
  return pick(random, templates);
}
