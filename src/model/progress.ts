// The counter a long phase (parsing, rendering, indexing) advances as it goes; the CLI shows it as progress.

/** Told how many items a phase will do, then each item done; every method may be a no-op. */
export interface ProgressCounter {
  /** Sets the number of items, when it is known only once the phase has started. */
  setTotal(total: number): void;
  /** Counts `n` more items done (default 1). */
  tick(n?: number): void;
}
