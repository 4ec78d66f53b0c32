// The spare site: the site a build replaced, kept beside the output with the record of what it was built from, so the next build updates it in place instead of making a new tree.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ShardInputs } from "../search/index.ts";
import type { PageRecord } from "../site/page-record.ts";
import { readJsonFile } from "../site/site-files.ts";
import { deletingPrefix, removeInBackground } from "./files.ts";

/**
 * What a spare site was built from: its pages' record (src/site/page-record.ts) and its search bundles' inputs
 * (src/search/index.ts). A build given it as its base keeps every file whose inputs are unchanged.
 */
export interface SpareRecord {
  pages: PageRecord;
  search: ShardInputs;
}

/** `<output>.spare`: beside the output, on the same file system, so it is renamed into place rather than copied. */
export function sparePath(target: string): string {
  return `${target}.spare`;
}

/** The spare's record, in the build cache (`<output>.cache/spare.json`). */
const recordFile = (cacheDir: string) => join(cacheDir, "spare.json");

/**
 * Moves the spare site of `target` into `building` (an empty folder beside it) and returns its record, or returns
 * null and leaves `building` empty when there is no spare with a record. The record is deleted before the move, so a
 * build stopped at any point leaves either a spare without a record (deleted by the next build) or a building
 * folder (cleared as stale): never a record that no longer describes its folder.
 */
export async function takeSpare(target: string, cacheDir: string, building: string): Promise<SpareRecord | null> {
  const spare = sparePath(target);
  const parsed = readJsonFile(recordFile(cacheDir)) as { version?: number; pages?: PageRecord; search?: ShardInputs } | null | undefined;
  const record: SpareRecord | null = parsed?.version === 1 && parsed.pages && parsed.search ? { pages: parsed.pages, search: parsed.search } : null;
  await rm(recordFile(cacheDir), { force: true });
  if (!existsSync(spare)) return null;
  if (record === null) {
    await discardSpare(target);
    return null;
  }
  // `building` is an empty folder: renaming a folder onto an empty one replaces it.
  await rename(spare, building);
  return record;
}

/**
 * Keeps `replaced` (the site a build just replaced, whose pages and bundles `record` describes) as the spare of
 * `target`; deletes it in the background when it cannot be kept.
 */
export async function keepAsSpare(target: string, cacheDir: string, replaced: string, record: SpareRecord | null): Promise<void> {
  if (record === null || Object.keys(record.pages).length === 0) {
    removeInBackground(replaced, deletingPrefix(target));
    return;
  }
  try {
    if (existsSync(sparePath(target))) await discardSpare(target);
    await rename(replaced, sparePath(target));
  } catch {
    // The new site is live whatever happens here: a replaced site that cannot be kept is only deleted.
    removeInBackground(replaced, deletingPrefix(target));
    return;
  }
  await mkdir(cacheDir, { recursive: true });
  await writeFile(recordFile(cacheDir), `${JSON.stringify({ version: 1, ...record })}\n`);
}

/** Deletes the spare in the background, renamed away first so that its name is free at once. */
async function discardSpare(target: string): Promise<void> {
  const away = `${deletingPrefix(target)}${process.pid}-spare-${randomBytes(4).toString("hex")}`;
  await rename(sparePath(target), away);
  removeInBackground(away, deletingPrefix(target));
}
