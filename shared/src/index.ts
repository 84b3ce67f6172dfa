// The public surface of the domain. Named exports only (no `export *`), so what other packages
// may use is written down here.
export type { Brand } from './util/brand.ts';
export { ok, fail, type Result } from './util/result.ts';
export { foldText } from './util/text.ts';
export { seededRandom, pick, randomInt, type RandomSource } from './util/random.ts';
export type { Clock, IdSource } from './util/ports.ts';

export {
  currency,
  currencyExponent,
  currencyCodeSchema,
  isCurrencyCode,
  type CurrencyCode,
} from './money/currency.ts';
export {
  minor,
  money,
  addMinor,
  sumMinor,
  isMinorUnits,
  minorUnitsSchema,
  moneySchema,
  toDecimalString,
  ZERO,
  type MinorUnits,
  type Money,
} from './money/money.ts';
export { formatMoney } from './money/format.ts';
export { parseAmount, type AmountParseError, type AmountParseOptions } from './money/parse.ts';

export {
  accountId,
  operationId,
  categoryId,
  importBatchId,
  accountIdSchema,
  operationIdSchema,
  categoryIdSchema,
  importBatchIdSchema,
  ruleId,
  ruleIdSchema,
  type RuleId,
  type AccountId,
  type OperationId,
  type CategoryId,
  type ImportBatchId,
} from './ledger/ids.ts';
export {
  isoDate,
  isIsoDate,
  isoDateSchema,
  isoDateFromEpoch,
  addDays,
  daysInMonth,
  yearMonth,
  monthsBetween,
  type IsoDate,
  type YearMonth,
} from './ledger/dates.ts';
export {
  ACCOUNT_TYPES,
  accountSchema,
  accountDraftSchema,
  type Account,
  type AccountDraft,
  type AccountType,
} from './ledger/account.ts';
export {
  OPERATION_ORIGINS,
  CATEGORY_SOURCES,
  MAX_LABEL_LENGTH,
  operationSchema,
  operationDraftSchema,
  type Operation,
  type OperationDraft,
  type OperationOrigin,
  type CategorySource,
} from './ledger/operation.ts';
export {
  compareChronologically,
  accountBalance,
  accountBalances,
  runningBalances,
  totalsByCurrency,
  monthlyBalanceSeries,
  monthlyFlows,
  type BalancePoint,
  type MonthlyFlow,
} from './ledger/balances.ts';
export {
  operationPredicate,
  searchKey,
  compareBy,
  SORT_FIELDS,
  type OperationFilter,
  type OperationSort,
  type SortField,
} from './ledger/query.ts';
export {
  createAccount,
  createManualOperation,
  editOperation,
  createTransfer,
  type Factories,
  type TransferDraft,
  type TransferError,
} from './ledger/create.ts';

export {
  LANGUAGES,
  categorySchema,
  categoryName,
  type Category,
  type Language,
} from './categories/category.ts';
export { defaultCategories, DEFAULT_CATEGORY_IDS } from './categories/defaults.ts';

export {
  serializeSnapshot,
  parseSnapshot,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type LedgerSnapshot,
  type RestoreError,
} from './backup/snapshot.ts';
export { operationsToCsv, csvField } from './backup/csv.ts';

export { generateDemoLedger, type DemoOptions, type DemoLedger } from './demo/generate.ts';

// import: MT940
export { parseMt940, looksLikeMt940 } from './import/mt940.ts';

// import: encoding and QIF
export {
  decodeStatement,
  type DecodedStatement,
  type StatementEncoding,
} from './import/encoding.ts';
export { parseQif, looksLikeQif } from './import/qif.ts';
export { parseOfx, looksLikeOfx } from './import/ofx.ts';
export { parseCamt, looksLikeCamt } from './import/camt.ts';
export { parseCsv, looksLikeCsv, inspectCsv, type CsvParseOptions } from './import/csv.ts';
export {
  csvColumnMappingSchema,
  type CsvColumnMapping,
  type CsvColumnRef,
  type CsvLayout,
} from './import/csv-mapping.ts';
export { mappingFitsLayout } from './import/csv-memory.ts';
export { checkStatementBalances } from './import/balance-check.ts';
export {
  readStatement,
  detectStatementFormat,
  type ReadStatement,
  type ReadStatementOptions,
} from './import/read-statement.ts';
export {
  planImport,
  matchingLabel,
  MERGE_WINDOW_DAYS,
  type ImportPlan,
  type PlannedImportRow,
  type ImportRowStatus,
  type ExistingOperation,
} from './import/dedup.ts';
export { buildImport, type ImportRequest, type ImportChanges } from './import/apply.ts';
export { importBatchSchema, type ImportBatch } from './import/batch.ts';
export { MAX_STATEMENT_BYTES } from './import/limits.ts';
export { ruleSchema, isValidRulePattern, type Rule } from './categorize/rule.ts';
export {
  matchAccount,
  proposeAccount,
  planTargets,
  statementCurrency,
  normaliseStatementAccountId,
  type AccountMatch,
  type TargetToPlan,
} from './import/targets.ts';
export {
  STATEMENT_FORMATS,
  DATE_ORDERS,
  type StatementFormat,
  type DateOrder,
  type StatementOperation,
  type StatementAccount,
  type StatementBalance,
  type StatementWarning,
  type ParsedStatement,
  type StatementFile,
  type StatementParseOptions,
  type StatementError,
} from './import/statement.ts';
