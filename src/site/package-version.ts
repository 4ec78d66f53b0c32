// The installed version of a dependency, for cache keys: a new version of a formatter or indexer invalidates its cache.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The version in a package's package.json, found by walking up from its resolved entry (packages need not export
 * their package.json); `unknown` when it cannot be found, which still keys a cache consistently.
 */
export function packageVersion(pkg: string): string {
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve(pkg)));
    for (;;) {
      try {
        const json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
        if (json.name === pkg) return json.version ?? "unknown";
      } catch {
        // No package.json at this level: keep walking up.
      }
      const parent = dirname(dir);
      if (parent === dir) return "unknown";
      dir = parent;
    }
  } catch {
    return "unknown";
  }
}
