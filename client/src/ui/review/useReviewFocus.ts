import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * Roving focus over the review list's items (`[data-index]`): one of them is the tab stop, keys
 * move it, and when the focused item leaves the list (it was just accepted, which removes it a
 * moment later, once the store has saved) focus moves to the item that took its place instead of
 * falling back to the page.
 */
export function useReviewFocus(count: number) {
  const listRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  /** Set by a key that moves: focus follows once the list has re-rendered. */
  const isMoving = useRef(false);
  /** Set by an accept: focus follows the removal of the accepted item. */
  const isFollowingRemoval = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, count - 1));

  useLayoutEffect(() => {
    const item = listRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (!item) return;
    if (isMoving.current) {
      isMoving.current = false;
      item.focus();
      item.scrollIntoView({ block: 'nearest' });
    } else if (isFollowingRemoval.current && document.activeElement === document.body) {
      isFollowingRemoval.current = false;
      item.focus();
    }
  });

  return {
    listRef,
    activeIndex,
    moveTo: (index: number) => {
      isMoving.current = true;
      setActive(index);
    },
    /** Call before an accept or a correction that removes items from the list. */
    followRemoval: (index: number = activeIndex) => {
      isFollowingRemoval.current = true;
      setActive(index);
    },
    /** Keeps the tab stop on whatever item focus went to (by Tab or a click). */
    onFocusIn: (event: FocusEvent) => {
      const item =
        event.target instanceof Element ? event.target.closest<HTMLElement>('[data-index]') : null;
      const index = Number(item?.dataset['index']);
      if (item && Number.isInteger(index) && index !== active) setActive(index);
    },
  };
}
