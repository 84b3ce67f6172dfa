/**
 * Expected failures are values, not exceptions (conventions §8): callers must look at `ok`
 * before they can touch the value, and `code` is stable so the UI can translate it.
 */
export type Result<T, Code extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: Code; readonly message: string };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<Code extends string>(
  code: Code,
  message: string,
): { readonly ok: false; readonly code: Code; readonly message: string } {
  return { ok: false, code, message };
}
