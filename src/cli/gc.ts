// Runs a full garbage collection on demand, to give back the memory of a finished phase before the next one needs it.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | null = null;

/**
 * Collects garbage now. V8 frees the old generation only when it fills up or the thread is idle; after ingest the
 * build's thread holds some 300 MiB of dead parse results at 10,000 releases, and no collection would come while
 * Pagefind indexes beside it (the build's thread stays busy feeding it pages). Node exposes `gc` only with the
 * `--expose-gc` flag; setting the flag at run time and taking `gc` from a fresh context (as Jest's leak detector does)
 * gets it without restarting the process.
 */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}
