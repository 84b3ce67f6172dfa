import { fail, ok, type Result } from '../util/result.ts';
import type { Clock, IdSource } from '../util/ports.ts';
import { minor, type MinorUnits } from '../money/money.ts';
import type { Account, AccountDraft } from './account.ts';
import type { IsoDate } from './dates.ts';
import { accountId, operationId, type OperationId } from './ids.ts';
import type { Operation, OperationDraft } from './operation.ts';

export interface Factories {
  readonly clock: Clock;
  readonly newId: IdSource;
}

export function createAccount(draft: AccountDraft, { clock, newId }: Factories): Account {
  const now = clock.now();
  return { ...draft, id: accountId(newId()), archived: false, createdAt: now, updatedAt: now };
}

/** An operation typed by hand, in `account` (which must be the draft's account) and its currency. */
export function createManualOperation(
  draft: OperationDraft,
  account: Account,
  { clock, newId }: Factories,
): Operation {
  if (draft.accountId !== account.id)
    throw new RangeError(`The draft is for account ${draft.accountId}, not ${account.id}`);
  const now = clock.now();
  return {
    ...draft,
    id: operationId(newId()),
    currency: account.currency,
    rawLabel: draft.label,
    categorySource: draft.categoryId === null ? null : 'user',
    origin: 'manual',
    externalId: null,
    importBatchId: null,
    transferPeerId: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Applies a person's edit; choosing a category by hand makes it a confirmed, 'user' one. */
export function editOperation(
  operation: Operation,
  draft: OperationDraft,
  clock: Clock,
): Operation {
  const isCategoryChanged = draft.categoryId !== operation.categoryId;
  return {
    ...operation,
    ...draft,
    categorySource:
      draft.categoryId === null ? null : isCategoryChanged ? 'user' : operation.categorySource,
    updatedAt: clock.now(),
  };
}

export interface TransferDraft {
  readonly from: Account;
  readonly to: Account;
  readonly date: IsoDate;
  /** Positive amount leaving `from`, in its currency. */
  readonly amountMinor: MinorUnits;
  /** Positive amount arriving in `to`; must be given when the currencies differ. */
  readonly receivedMinor?: MinorUnits;
  readonly label: string;
  readonly note: string;
}

export type TransferError = 'same_account' | 'not_positive' | 'missing_received_amount';

/** A transfer between two own accounts: two operations that point at each other. */
export function createTransfer(
  draft: TransferDraft,
  { clock, newId }: Factories,
): Result<[Operation, Operation], TransferError> {
  if (draft.from.id === draft.to.id)
    return fail('same_account', 'A transfer needs two different accounts');
  const received =
    draft.receivedMinor ?? (draft.from.currency === draft.to.currency ? draft.amountMinor : null);
  if (received === null)
    return fail('missing_received_amount', 'Give the amount received in the other currency');
  if (draft.amountMinor <= 0 || received <= 0)
    return fail('not_positive', 'A transfer amount must be above zero');
  const now = clock.now();
  const outId: OperationId = operationId(newId());
  const inId: OperationId = operationId(newId());
  const common = {
    date: draft.date,
    valueDate: null,
    rawLabel: draft.label,
    label: draft.label,
    categoryId: null,
    categorySource: null,
    note: draft.note,
    origin: 'transfer' as const,
    externalId: null,
    importBatchId: null,
    createdAt: now,
    updatedAt: now,
  };
  return ok([
    {
      ...common,
      id: outId,
      accountId: draft.from.id,
      amountMinor: minor(0 - draft.amountMinor),
      currency: draft.from.currency,
      transferPeerId: inId,
    },
    {
      ...common,
      id: inId,
      accountId: draft.to.id,
      amountMinor: received,
      currency: draft.to.currency,
      transferPeerId: outId,
    },
  ]);
}
