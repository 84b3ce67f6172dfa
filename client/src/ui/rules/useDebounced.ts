import { useEffect, useState } from 'preact/hooks';

/**
 * `value`, once it has stopped changing for `delayMs`: the rule preview scans every operation,
 * which is worth doing after a pause in typing rather than on each keystroke.
 */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
