import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  /** While true, Escape does not close the dialog (a write is in progress). */
  readonly isBusy?: boolean;
  readonly children: ComponentChildren;
}

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the page behind inert and
 * closes on Escape, which no hand-written focus trap gets fully right. Mounting opens it;
 * unmounting closes it and gives focus back to what opened it.
 */
export function Dialog({ title, onClose, isBusy = false, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      // The opener may be gone (the category was just deleted): fall back to the screen title.
      const target =
        opener instanceof HTMLElement && opener.isConnected
          ? opener
          : document.querySelector<HTMLElement>('main h1');
      target?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-busy={isBusy}
      onCancel={(event) => {
        if (isBusy) event.preventDefault();
      }}
      onClose={onClose}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
