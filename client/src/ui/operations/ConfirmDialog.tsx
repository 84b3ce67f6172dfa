import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { Modal } from './Modal.tsx';

interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ComponentChildren;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly busyLabel: string;
  /** Performs the action; a rejection is shown in the dialog and leaves it open. */
  readonly onConfirm: () => Promise<void>;
  readonly onCancel: () => void;
  /** Turns an error into a sentence in the person's language. */
  readonly describeError: (error: unknown) => string;
}

/** "Are you sure?" for destructive actions. Cancel has focus first: Enter must not destroy. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
    } catch (caught) {
      setError(props.describeError(caught));
      setBusy(false);
    }
  };

  return (
    <Modal
      titleId={titleId}
      describedBy={bodyId}
      role="alertdialog"
      onClose={props.onCancel}
      class="confirm-dialog"
    >
      <h2 id={titleId}>{props.title}</h2>
      <div id={bodyId}>{props.children}</div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" autofocus onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
        <button type="button" class="danger" disabled={isBusy} onClick={() => void confirm()}>
          {isBusy ? props.busyLabel : props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
