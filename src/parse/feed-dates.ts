// Reads a feed's timestamps (RFC 822 `pubDate`, ISO 8601 Atom dates) with luxon, into instants and New York dates.
import { DateTime } from "luxon";

/** Where the Department publishes: a release's date is its calendar date here, whatever zone a feed writes. */
export const RELEASE_ZONE = "America/New_York";

/** A feed timestamp: the instant (UTC ISO, for ordering) and its America/New_York calendar date. */
export interface FeedTime {
  instant: string;
  date: string;
}

/**
 * Reads `Sat, 22 May 2021 12:00:47 +0000` (RSS, RFC 2822; also the HTTP form) or `2021-05-22T12:00:47Z` (Atom,
 * ISO 8601; a date-only value is that calendar date). Null when it is not a real timestamp.
 * See https://moment.github.io/luxon/#/parsing?id=rfc2822.
 */
export function readFeedTime(raw: string | null): FeedTime | null {
  if (!raw) return null;
  // Snapshots repeat the same timestamps, and luxon's zone conversion is not cheap.
  const known = cache.get(raw);
  if (known !== undefined) return known;
  const time = parseFeedTime(raw);
  if (cache.size > 10000) cache.clear();
  cache.set(raw, time);
  return time;
}

const cache = new Map<string, FeedTime | null>();

function parseFeedTime(raw: string): FeedTime | null {
  const text = raw.trim().replace(/\s+/g, " ");
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const d = DateTime.fromISO(text, { zone: RELEASE_ZONE });
    return d.isValid ? { instant: d.toUTC().toISO()!, date: text } : null;
  }
  for (const parse of [
    (s: string) => DateTime.fromRFC2822(s, { setZone: true }),
    (s: string) => DateTime.fromHTTP(s, { setZone: true }),
    (s: string) => DateTime.fromISO(s, { setZone: true }),
    // Some feeds write a zone name RFC 2822 does not know ("EDT" it does; "UTC" it does not).
    (s: string) => DateTime.fromRFC2822(s.replace(/ UTC$/, " +0000"), { setZone: true }),
  ]) {
    const d = parse(text);
    if (d.isValid) return { instant: d.toUTC().toISO()!, date: d.setZone(RELEASE_ZONE).toISODate()! };
  }
  return null;
}
