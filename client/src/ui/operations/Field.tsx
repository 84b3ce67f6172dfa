import './operations.css';
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** What a control needs to be labelled and described by its field. */
export interface FieldControl {
  readonly id: string;
  readonly 'aria-invalid': boolean | undefined;
  readonly 'aria-describedby': string | undefined;
}

interface FieldProps {
  readonly label: string;
  /** Shown under the control, and read after its name. */
  readonly hint?: string | undefined;
  readonly error?: string | null | undefined;
  /** A unit shown inside the control's right edge (a currency code); also read as description. */
  readonly suffix?: string | undefined;
  readonly class?: string;
  readonly children: (control: FieldControl) => ComponentChildren;
}

/**
 * A labelled form control with its hint and inline error. The error sits outside the <label> so
 * it is not part of the control's name ("Amount"), only of its description.
 */
export function Field({ label, hint, error, suffix, children, ...rest }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const suffixId = `${id}-suffix`;
  const describedBy = [error ? errorId : null, suffix ? suffixId : null, hint ? hintId : null]
    .filter(Boolean)
    .join(' ');
  const control = children({
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  });
  return (
    <div class={`field ${rest.class ?? ''}`}>
      <label for={id}>{label}</label>
      {suffix ? (
        <span class="field-with-suffix">
          {control}
          <span id={suffixId} class="field-suffix">
            {suffix}
          </span>
        </span>
      ) : (
        control
      )}
      {error && (
        <span id={errorId} class="field-error">
          {error}
        </span>
      )}
      {hint && (
        <span id={hintId} class="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
