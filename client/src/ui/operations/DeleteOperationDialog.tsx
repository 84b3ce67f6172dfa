import type { Operation } from '@tirelire/shared';
import { deleteOperations } from '../../app/use-cases/operations.ts';
import { formatAmount, formatDate } from '../format.ts';
import { interpolate, useLanguage, useMessages } from '../i18n/i18n.ts';
import { useServices } from '../services-context.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { describeError } from './errors.ts';
import { operationsMessages } from './messages.ts';

interface DeleteOperationDialogProps {
  readonly operation: Operation;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** Confirms a deletion, naming the operation, and warning when a transfer takes its other half. */
export function DeleteOperationDialog({ operation, onDone, onCancel }: DeleteOperationDialogProps) {
  const t = useMessages(operationsMessages);
  const language = useLanguage();
  const { ledger, state } = useServices();
  const peer =
    operation.transferPeerId === null
      ? undefined
      : state.operationsById.value.get(operation.transferPeerId);
  const peerAccount = peer ? state.accountsById.value.get(peer.accountId) : undefined;

  return (
    <ConfirmDialog
      title={t.deleteOperationTitle}
      confirmLabel={t.delete}
      cancelLabel={t.cancel}
      busyLabel={t.delete}
      onCancel={onCancel}
      onConfirm={async () => {
        // The use case deletes the other half of a transfer too.
        await deleteOperations(ledger, [operation]);
        onDone();
      }}
      describeError={(error) => interpolate(t.deleteFailed, { reason: describeError(error) })}
    >
      <p>
        {peerAccount
          ? interpolate(t.deleteTransferBody, { label: operation.label, account: peerAccount.name })
          : interpolate(t.deleteOperationBody, {
              label: operation.label,
              amount: formatAmount(operation.amountMinor, operation.currency, language, {
                signed: true,
              }),
              date: formatDate(operation.date, language),
            })}
      </p>
      <p class="muted">{t.cannotUndo}</p>
    </ConfirmDialog>
  );
}
