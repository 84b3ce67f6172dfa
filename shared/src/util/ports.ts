/** Time, injected: shared code and use cases never read the wall clock themselves. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** Produces fresh unique ids (UUIDs in the app, counters in tests). */
export type IdSource = () => string;
