// Samples the resident memory of a process and all its descendants (Pagefind's binary included) from /proc.
import { readFileSync, readdirSync } from "node:fs";

/** One sample: when it was taken (ms since the epoch) and the tree's summed resident set size in bytes. */
export interface MemorySample {
  at: number;
  rss: number;
}

const PAGE = 4096;

/** Resident bytes of the tree rooted at `root`: every process whose ancestry reaches it, read from /proc. */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // exited between the listing and the read
    }
    // The command name (field 2) is in parentheses and may hold spaces: parse after its closing parenthesis.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * PAGE;
    } catch {
      continue;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples the tree of `root` every `everyMs` until stopped; `stop()` returns every sample taken. */
export function sampleTree(root: number, everyMs = 100): { stop: () => MemorySample[] } {
  const samples: MemorySample[] = [];
  const take = () => samples.push({ at: Date.now(), rss: treeRss(root) });
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}

/** The highest sample between `from` and `to` (ms since the epoch), 0 when none fell in that window. */
export function peakBetween(samples: readonly MemorySample[], from: number, to: number): number {
  let peak = 0;
  for (const s of samples) if (s.at >= from && s.at <= to && s.rss > peak) peak = s.rss;
  return peak;
}
