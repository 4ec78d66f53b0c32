// Progress of long build phases: a bar with counts and time left in a terminal, plain periodic lines elsewhere (CI logs).
import cliProgress from "cli-progress";
import type { ProgressCounter } from "../model/progress.ts";

// A CommonJS module whose `Format` Node cannot detect as a named export.
const { Format, SingleBar } = cliProgress;

/** Where progress goes: a terminal gets a redrawn bar, anything else gets whole lines. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** One phase's progress: call `tick` as items complete, `done` once at the end. */
export interface PhaseProgress extends ProgressCounter {
  /** Ends the phase: the bar stops, or a last line gives the count and the time taken. */
  done(): void;
}

/**
 * Starts a phase: its label (`render`), the unit counted (`pages written`) and how many are expected (0: not known
 * yet); `since`, when the phase began before its progress is shown (a {@link HeldProgress}'s, in ms since the epoch).
 */
export type Progress = (label: string, unit: string, total: number, since?: number) => PhaseProgress;

export interface ProgressOptions {
  stream: ProgressStream;
  /** A bar (true) or lines (false); by default a bar when the stream is a terminal. */
  interactive?: boolean;
  /** Milliseconds between two plain lines (default 5 s). */
  intervalMs?: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

/** Progress that shows nothing: what library callers and tests get unless they ask. */
export const noProgress: Progress = () => ({ tick() {}, setTotal() {}, done() {} });

/** Runs a phase with its progress, ended however the phase ends (a failed phase must not leave a bar drawn). */
export async function withProgress<T>(counter: PhaseProgress, run: (counter: PhaseProgress) => Promise<T>): Promise<T> {
  try {
    return await run(counter);
  } finally {
    counter.done();
  }
}

/**
 * The count of a phase that runs while another phase's progress is shown (a terminal shows one bar at a time), kept
 * until {@link show} hands it to the phase's own progress, which then takes the rest.
 */
export class HeldProgress implements ProgressCounter {
  /** When the phase began (ms since the epoch), for the time its progress gives. */
  readonly since = Date.now();
  private total = 0;
  private done = 0;
  private shown: ProgressCounter | null = null;

  setTotal(total: number): void {
    this.total = total;
    this.shown?.setTotal(total);
  }

  tick(n = 1): void {
    this.done += n;
    this.shown?.tick(n);
  }

  /** From now on, counts go to `counter`, told first the total and the count so far. */
  show(counter: ProgressCounter): void {
    this.shown = counter;
    counter.setTotal(this.total);
    if (this.done > 0) counter.tick(this.done);
  }
}

/** Creates the progress reporter of one command run. */
export function createProgress(options: ProgressOptions): Progress {
  const interactive = options.interactive ?? options.stream.isTTY === true;
  const now = options.now ?? Date.now;
  return interactive ? barPhase(options.stream, now) : linePhase(options.stream, options.intervalMs ?? 5000, now);
}

/** A phase's counts and pace, shared by the bar and the lines. */
class Tally {
  done = 0;
  private first: { at: number; done: number } | null = null;
  constructor(
    readonly start: number,
    public total: number,
  ) {}

  add(n: number, at: number): void {
    this.done += n;
    // The first item's own time is lost in the setup before it (rendering reads and maps every page before it
    // writes one), so the pace counts the items after it.
    this.first ??= { at, done: this.done };
  }

  /** Milliseconds an item takes, from the items after the first; null until there are some. */
  pace(at: number): number | null {
    return this.first && this.done > this.first.done && at > this.first.at ? (at - this.first.at) / (this.done - this.first.done) : null;
  }

  line(unit: string, at: number): string {
    return progressLine(this.done, this.total, unit, at - this.start, this.pace(at));
  }
}

/** A terminal's phase: cli-progress redraws one line with the bar and the same text as a log line. */
function barPhase(stream: ProgressStream, now: () => number): Progress {
  return (label, unit, total, since) => {
    const tally = new Tally(since ?? now(), total);
    const bar = new SingleBar({
      stream: stream as NodeJS.WritableStream,
      format: (options, params) => `${label.padEnd(6)} ${tally.total > 0 ? `[${Format.BarFormat(params.progress, options)}] ` : ""}${tally.line(unit, now())}`,
      hideCursor: true,
      fps: 5,
    });
    bar.start(total, 0);
    return {
      tick(n = 1) {
        tally.add(n, now());
        bar.update(tally.done);
      },
      setTotal(n) {
        tally.total = n;
        bar.setTotal(n);
      },
      done() {
        bar.stop();
      },
    };
  };
}

/** A log's phase: a line at most every `intervalMs` while it runs (count, share, time left), and one at the end. */
function linePhase(stream: ProgressStream, intervalMs: number, now: () => number): Progress {
  return (label, unit, total, since) => {
    const tally = new Tally(since ?? now(), total);
    let lastLine = tally.start;
    const write = (text: string) => stream.write(`${label}: ${text}\n`);
    return {
      tick(n = 1) {
        const at = now();
        tally.add(n, at);
        if (at - lastLine < intervalMs) return;
        lastLine = at;
        write(tally.line(unit, at));
      },
      setTotal(n) {
        tally.total = n;
      },
      done() {
        write(`${count(tally.done)} ${unit} in ${seconds(now() - tally.start)}`);
      },
    };
  };
}

/**
 * `4,200 of 10,000 pages written (42 %), about 35 s left` (given the milliseconds an item takes, else without the
 * time left); without a total, the count and the time so far.
 */
export function progressLine(done: number, total: number, unit: string, elapsedMs: number, msPerItem: number | null): string {
  if (total <= 0) return `${count(done)} ${unit} so far (${seconds(elapsedMs)})`;
  const share = Math.min(100, Math.floor((done / total) * 100));
  const left = msPerItem !== null && done < total ? `, about ${duration((total - done) * msPerItem)} left` : "";
  return `${count(done)} of ${count(total)} ${unit} (${share} %)${left}`;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A time left, rounded as a reader wants it: `8 s`, `2 min 5 s`, `1 h 3 min`. */
export function duration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
