import './operations.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface ModalProps {
  /** Id of the element naming the dialog (its heading). */
  readonly titleId: string;
  readonly onClose: () => void;
  readonly children: ComponentChildren;
  readonly class?: string;
  /** Dialogs that are questions are announced as alert dialogs. */
  readonly role?: 'alertdialog';
  readonly describedBy?: string;
}

/**
 * A modal on the native <dialog>: focus trap, Escape, inert background and top layer come from
 * the browser. It is open while mounted; the parent decides when by rendering it or not, and
 * focus goes back to whatever opened it.
 */
export function Modal({ titleId, onClose, children, role, describedBy, ...rest }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  // Closing on unmount fires a late 'close' event; it must not close whatever opened since.
  const isUnmounting = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      isUnmounting.current = true;
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      class={rest.class}
      role={role}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      // Escape closes the native dialog (browsers may refuse to cancel that); mirror it in state.
      onClose={() => {
        if (!isUnmounting.current) onCloseRef.current();
      }}
    >
      {children}
    </dialog>
  );
}
