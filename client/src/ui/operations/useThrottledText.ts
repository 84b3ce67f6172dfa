import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A text field's value and the value the (expensive) search uses. The first keystroke after a
 * pause applies at once, so a search feels instant; keystrokes that follow within `delayMs` are
 * gathered and applied together when it ends, so fast typing never queues 100k-row scans.
 */
export function useThrottledText(initial: string, delayMs: number) {
  const [text, setText] = useState(initial);
  const [applied, setApplied] = useState(initial);
  const lastApplied = useRef(-Infinity);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(initial);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  const apply = (value: string) => {
    lastApplied.current = performance.now();
    setApplied(value);
  };

  const update = (value: string) => {
    latest.current = value;
    setText(value);
    if (timer.current !== null) return;
    const wait = delayMs - (performance.now() - lastApplied.current);
    if (wait <= 0) {
      apply(value);
      return;
    }
    timer.current = setTimeout(() => {
      timer.current = null;
      apply(latest.current);
    }, wait);
  };

  /** Sets both at once (clearing the filters must not wait). */
  const reset = (value: string) => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    latest.current = value;
    setText(value);
    apply(value);
  };

  return { text, applied, update, reset };
}
