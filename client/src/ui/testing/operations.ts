import {
  accountId,
  categoryId,
  currency,
  isoDate,
  minor,
  operationId,
  type Account,
  type Category,
  type CategorySource,
  type Operation,
} from '@tirelire/shared';

export interface TestOperation {
  readonly id: string;
  readonly date?: string;
  readonly amountMinor?: number;
  readonly currency?: string;
  readonly label?: string;
  readonly categoryId?: string | null;
  /** Defaults to 'user' when a category is given, like a person's own choice. */
  readonly categorySource?: CategorySource | null;
  readonly origin?: Operation['origin'];
  readonly transferPeerId?: string | null;
  readonly accountId?: string;
}

/** An operation for unit tests of the screens' pure parts; only what a test sets matters. */
export function testOperation(spec: TestOperation): Operation {
  const label = spec.label ?? 'CB MONOP PARIS';
  const category = spec.categoryId ?? null;
  return {
    id: operationId(spec.id),
    accountId: accountId(spec.accountId ?? 'acc-1'),
    date: isoDate(spec.date ?? '2025-01-15'),
    valueDate: null,
    amountMinor: minor(spec.amountMinor ?? -1000),
    currency: currency(spec.currency ?? 'EUR'),
    rawLabel: label,
    label,
    categoryId: category === null ? null : categoryId(category),
    categorySource: spec.categorySource ?? (category === null ? null : 'user'),
    note: '',
    origin: spec.origin ?? 'import',
    externalId: null,
    importBatchId: null,
    transferPeerId: spec.transferPeerId ? operationId(spec.transferPeerId) : null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}

/** An account for unit tests; only its id, name and currency usually matter. */
export function testAccount(id: string, code = 'EUR', name = id): Account {
  return {
    id: accountId(id),
    name,
    institution: '',
    type: 'checking',
    currency: currency(code),
    openingBalanceMinor: minor(0),
    openingDate: isoDate('2024-01-01'),
    archived: false,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}

/** A category for unit tests. */
export function testCategory(
  id: string,
  parentId: string | null = null,
  color = '#2e9d57',
): Category {
  return {
    id: categoryId(id),
    name: { en: id, fr: id },
    color,
    icon: '',
    parentId: parentId === null ? null : categoryId(parentId),
    isDefault: false,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}
