/**
 * What went wrong, in one line for people: the error's message, never its stack. Expected
 * failures arrive as Result codes and are translated where they happen; this is for the rest
 * (storage full, database closed…), whose messages come from the browser.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Moves focus to the first field marked invalid, once the errors are on screen. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
