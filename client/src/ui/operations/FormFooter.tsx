import type { ComponentChildren } from 'preact';

interface FormFooterProps {
  /** A message about the whole form (e.g. the save failed), announced to screen readers. */
  readonly error: string | null;
  readonly isSaving: boolean;
  readonly labels: { readonly cancel: string; readonly save: string; readonly saving: string };
  readonly onCancel: () => void;
  /** Extra actions shown first, such as Delete in an edit dialog. */
  readonly children?: ComponentChildren;
}

/** The end of every dialog form: the form-level error, then Cancel and Save. */
export function FormFooter({ error, isSaving, labels, onCancel, children }: FormFooterProps) {
  return (
    <>
      {error && (
        <p role="alert" class="error form-error">
          {error}
        </p>
      )}
      <div class="actions">
        {children}
        <button type="button" class="secondary" onClick={onCancel}>
          {labels.cancel}
        </button>
        <button type="submit" disabled={isSaving}>
          {isSaving ? labels.saving : labels.save}
        </button>
      </div>
    </>
  );
}
