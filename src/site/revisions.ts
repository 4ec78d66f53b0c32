// Revisions and corrections a release may carry (the feed importer's `revisions`, `otherSources`), read whether or not the schema has them yet.
import type { FrontMatter, Source } from "../model/release.ts";

/** One recorded change between collected versions. */
export interface RevisionNote {
  date: string;
  changes: string;
}

/** Fields the feed importer adds to the front matter; optional here so older release files still render. */
interface ImportFields {
  revisions?: RevisionNote[];
  otherSources?: Source[];
}

/** The release's revisions, oldest first (empty when it has none). */
export function revisionsOf(data: FrontMatter): RevisionNote[] {
  return (data as FrontMatter & ImportFields).revisions ?? [];
}

/** The other sources the release was also collected from (empty when none). */
export function otherSourcesOf(data: FrontMatter): Source[] {
  return (data as FrontMatter & ImportFields).otherSources ?? [];
}

/**
 * The date of the latest change: a revision between collected versions or a dated curator correction, or null. The
 * page's "last updated" and the modified date of its metadata, feeds and data files.
 */
export function lastUpdated(data: FrontMatter): string | null {
  let latest: string | null = data.corrected?.on ?? null;
  for (const r of revisionsOf(data)) if (latest === null || r.date > latest) latest = r.date;
  return latest;
}
