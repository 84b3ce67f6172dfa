/** What a key pressed in the review list does. */
export type ReviewKeyAction =
  | { readonly kind: 'move'; readonly to: number }
  | { readonly kind: 'accept' }
  /** Picks the n-th alternative shown (0-based) for the active item. */
  | { readonly kind: 'alternative'; readonly index: number }
  | null;

export interface ReviewKey {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** How many alternatives an item offers as buttons, and so how many digit keys pick one. */
export const ALTERNATIVE_COUNT = 3;

/**
 * The review list's keys: j/k or the arrows move, Home/End jump, Enter or A accepts, 1–3 pick an
 * alternative. Modified keys are the browser's (Ctrl+1 switches tabs), never ours.
 */
export function reviewKeyAction(event: ReviewKey, active: number, count: number): ReviewKeyAction {
  if (event.ctrlKey || event.metaKey || event.altKey || count === 0) return null;
  const last = count - 1;
  const clamp = (index: number) => Math.min(last, Math.max(0, index));
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      return { kind: 'move', to: clamp(active + 1) };
    case 'k':
    case 'ArrowUp':
      return { kind: 'move', to: clamp(active - 1) };
    case 'Home':
      return { kind: 'move', to: 0 };
    case 'End':
      return { kind: 'move', to: last };
    case 'Enter':
    case 'a':
    case 'A':
      return { kind: 'accept' };
    default: {
      const digit = Number(event.key);
      return event.key.length === 1 &&
        Number.isInteger(digit) &&
        digit >= 1 &&
        digit <= ALTERNATIVE_COUNT
        ? { kind: 'alternative', index: digit - 1 }
        : null;
    }
  }
}

/**
 * Whether a key event belongs to the control it was typed in: a select keeps its arrows and
 * letters, a button its Enter and Space. Only then does the list leave the key alone.
 */
export function isOwnedByControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === 'SELECT' || tag === 'INPUT' || tag === 'TEXTAREA' || target.isContentEditable)
    return true;
  return (tag === 'BUTTON' || tag === 'A') && (key === 'Enter' || key === ' ');
}
