// Progress: plain lines with counts and time left for logs, a redrawn bar for terminals, nothing when not asked.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createProgress, duration, HeldProgress, progressLine, withProgress } from "../../src/cli/progress.ts";

/** A stream that keeps what is written, and a clock the test moves. */
function fixture(isTTY: boolean) {
  const written: string[] = [];
  let time = 0;
  return { written, stream: { isTTY, write: (t: string) => written.push(t) }, now: () => time, advance: (ms: number) => (time += ms) };
}

test("in a log, a line every interval with the count, the share and the time left from the pace since the first item", () => {
  const f = fixture(false);
  const phase = createProgress({ stream: f.stream, intervalMs: 5000, now: f.now })("render", "pages written", 0);
  f.advance(6000); // setting up, then the first page: a line, but no pace yet
  phase.setTotal(1000);
  phase.tick();
  for (let i = 0; i < 100; i++) {
    f.advance(50);
    phase.tick();
  }
  // 100 pages in the 5,000 ms since the first: 50 ms each, so the 899 left take about 45 s.
  f.advance(2000);
  phase.tick(); // within 5 s of the last line: nothing
  phase.done();
  assert.deepEqual(f.written, [
    "render: 1 of 1,000 pages written (0 %)\n",
    "render: 101 of 1,000 pages written (10 %), about 45 s left\n",
    "render: 102 pages written in 13.0 s\n",
  ]);
});

test("a line is written only after the interval, and the last line gives the count and the time", () => {
  const f = fixture(false);
  const phase = createProgress({ stream: f.stream, intervalMs: 5000, now: f.now })("ingest", "sources parsed", 3);
  for (let i = 0; i < 3; i++) {
    f.advance(100);
    phase.tick();
  }
  phase.done();
  assert.deepEqual(f.written, ["ingest: 3 sources parsed in 0.3 s\n"]);
});

test("a phase counted while another's progress shows is held, then shown with its count, its total and its whole time", () => {
  const f = fixture(false);
  const held = new HeldProgress();
  held.setTotal(10);
  held.tick(4);
  f.advance(3000);
  // The index began 3 s before its progress is shown (since: its start on the progress's clock).
  const phase = createProgress({ stream: f.stream, intervalMs: 5000, now: f.now })("index", "pages indexed", 0, f.now() - 3000);
  held.show(phase);
  held.tick(6);
  f.advance(1000);
  phase.done();
  assert.deepEqual(f.written, ["index: 10 pages indexed in 4.0 s\n"]);
  const counts: number[] = [];
  const totals: number[] = [];
  const other = new HeldProgress();
  other.tick(2);
  other.show({ setTotal: (n) => totals.push(n), tick: (n = 1) => counts.push(n) });
  other.tick();
  assert.deepEqual([totals, counts], [[0], [2, 1]]);
});

test("progress lines: without a total, without a pace, and at the end", () => {
  assert.equal(progressLine(42, 0, "pages indexed", 2500, null), "42 pages indexed so far (2.5 s)");
  assert.equal(progressLine(1, 4, "pages indexed", 2500, null), "1 of 4 pages indexed (25 %)");
  assert.equal(progressLine(4, 4, "pages indexed", 2500, 10), "4 of 4 pages indexed (100 %)");
  assert.equal(progressLine(5, 4, "pages indexed", 2500, 10), "5 of 4 pages indexed (100 %)");
});

test("durations read as a person says them", () => {
  assert.equal(duration(0), "1 s");
  assert.equal(duration(8_400), "8 s");
  assert.equal(duration(125_000), "2 min 5 s");
  assert.equal(duration(3_780_000), "1 h 3 min");
});

test("in a terminal, a bar redrawn with the counts, and stopped even when the phase fails", async () => {
  const f = fixture(true);
  const progress = createProgress({ stream: f.stream });
  await assert.rejects(
    withProgress(progress("index", "pages indexed", 10), async (counter) => {
      counter.tick(4);
      throw new Error("Pagefind failed");
    }),
    /Pagefind failed/,
  );
  const screen = f.written.join("");
  assert.match(screen, /index  \[[=-]+\] 4 of 10 pages indexed \(40 %\)/);
  // The bar stopped: cli-progress shows the cursor again on stop, as it hid it on start.
  assert.match(screen, /\x1b\[\?25l/);
  assert.match(screen, /\x1b\[\?25h/);
});
