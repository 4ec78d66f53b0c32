// Samples the resident memory of a process and all its descendants (Pagefind's binary included) from /proc, and reads the CPU time of ended child trees.
import { execFileSync } from "node:child_process";
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

/** Clock ticks a second, the unit of /proc's CPU times (100 on Linux unless the kernel says otherwise). */
const TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * The CPU time (user and system, ms) of every child this process has waited for, with each one's own waited-for
 * descendants (`cutime` + `cstime` of /proc/self/stat): read before and after a child runs, the difference is the CPU
 * its whole tree used on every core. A grandchild left running detached (not waited for) is not counted.
 */
export function endedChildrenCpuMs(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  // Fields after the command's closing parenthesis start at field 3; cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS;
}
