// The archive as data: releases.json (every front-matter field), releases.csv, the Frictionless datapackage.json, and each release's index.json.
import { FRONT_MATTER_KEYS, type FrontMatter } from "../model/release.ts";
import type { ReleaseItem } from "./collections.ts";
import type { SiteConfig, SiteUrls } from "./config.ts";
import { lastUpdated } from "./revisions.ts";

/** One record of `/releases.json`: `id`, `url`, then every front-matter field in the schema's order. */
export type ReleaseRecord = { id: string; url: string } & Omit<FrontMatter, "id">;

/** The record of one release; `url` is the page's link on the site (under the path prefix). */
export function releaseRecord(data: FrontMatter, url: string): ReleaseRecord {
  const record: Record<string, unknown> = { id: data.id, url };
  for (const key of FRONT_MATTER_KEYS) if (key !== "id") record[key] = data[key];
  // Eleventy mixes its own and global data into `data`, so only schema keys are read, plus the fields the feed
  // importer adds (kept when a release has them, before and after the schema lists them).
  for (const key of IMPORT_KEYS) if (!(key in record) && key in data) record[key] = (data as Record<string, unknown>)[key];
  return record as ReleaseRecord;
}

const IMPORT_KEYS = ["otherSources", "revisions"];

/**
 * `/releases.json`: every release, in the collection's order (newest first, then id). One record per line keeps
 * the file diffable and lets a reader stream it line by line.
 */
export function releasesJson(releases: readonly ReleaseItem[], urls: SiteUrls): string {
  if (releases.length === 0) return "[]\n";
  return `[\n${releases.map((r) => releaseJsonRow(r.data, urls.href(r.url))).join(",\n")}\n]\n`;
}

/** A release's line of `/releases.json` (its record), `url` its page's link on the site. */
export function releaseJsonRow(data: FrontMatter, url: string): string {
  return JSON.stringify(releaseRecord(data, url));
}

/** A release's own `index.json` beside its page: its record, its body as Markdown and its citation item. */
export function releaseJson(item: ReleaseItem, body: string, urls: SiteUrls): string {
  return `${JSON.stringify({ ...releaseRecord(item.data, urls.href(item.url)), body: body.trim() }, null, 2)}\n`;
}

/** Separator of list values inside one CSV cell. */
export const LIST_SEPARATOR = "; ";

/** A CSV column: its name, Frictionless type and description, and how a release fills it. */
interface Column {
  name: string;
  type: "string" | "date" | "integer";
  description: string;
  value(data: FrontMatter, url: string): string | number | null;
}

const list = (values: readonly string[]) => values.join(LIST_SEPARATOR);

/** The columns of `releases.csv`, in order. Lists are joined with `; `. */
export const CSV_COLUMNS: Column[] = [
  { name: "id", type: "string", description: "Stable id: YYYY-MM-DD-<title slug>.", value: (d) => d.id },
  { name: "url", type: "string", description: "The release's page on this site.", value: (_d, url) => url },
  { name: "title", type: "string", description: "Title.", value: (d) => d.title },
  { name: "date", type: "date", description: "Calendar date in America/New_York.", value: (d) => d.date },
  { name: "type", type: "string", description: "Media Note, Press Statement, Remarks…", value: (d) => d.type },
  { name: "office", type: "string", description: "Issuing office.", value: (d) => d.office },
  { name: "speakers", type: "string", description: "Speakers as `Name (Title)`, separated by `; `.", value: (d) => list(d.speakers.map((s) => (s.title ? `${s.name} (${s.title})` : s.name))) },
  { name: "transcript_speakers", type: "string", description: "A transcript's turn labels, separated by `; `.", value: (d) => list(d.transcriptSpeakers) },
  { name: "location", type: "string", description: "Place lines, joined with `; `.", value: (d) => d.location },
  { name: "preamble", type: "string", description: "Introduction before the statement.", value: (d) => d.preamble },
  { name: "delegations", type: "string", description: "Parties to talks (country names), separated by `; `.", value: (d) => list(d.delegations.map((x) => x.country)) },
  { name: "delegation_heads", type: "string", description: "Heads of delegation as `Name (Party)`, separated by `; `.", value: (d) => list(d.delegations.flatMap((x) => x.heads.map((h) => `${h.name} (${x.country})`))) },
  { name: "countries", type: "string", description: "ISO 3166-1 alpha-2 codes (EU for the European Union), separated by `; `.", value: (d) => list(d.countries) },
  { name: "people", type: "string", description: "Ids of the people named, separated by `; ` (names in releases.json).", value: (d) => list(d.people.map((p) => p.id)) },
  { name: "organizations", type: "string", description: "Organisations named, separated by `; `.", value: (d) => list(d.organizations) },
  { name: "places", type: "string", description: "Places named, separated by `; `.", value: (d) => list(d.places) },
  { name: "events", type: "string", description: "Events named, separated by `; `.", value: (d) => list(d.events) },
  { name: "topics", type: "string", description: "Topic slugs, most relevant first, separated by `; `.", value: (d) => list(d.topics) },
  { name: "source_format", type: "string", description: "text, rss or atom.", value: (d) => d.source.format },
  { name: "source_path", type: "string", description: "Path of the collected source under the sources folder (downloadable under /sources/, with .txt added to other names).", value: (d) => d.source.path },
  { name: "source_sha256", type: "string", description: "SHA-256 of the source's bytes.", value: (d) => d.source.sha256 },
  { name: "source_link", type: "string", description: "The source's link, when it has one.", value: (d) => d.source.link },
  { name: "last_updated", type: "date", description: "Date of the latest recorded revision or dated curator correction, if any.", value: (d) => lastUpdated(d) },
  { name: "corrected_fields", type: "string", description: "Fields the archive's curators corrected, separated by `; `.", value: (d) => (d.corrected ? list(d.corrected.fields) : null) },
];

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `/releases.csv`: a header line, then one line per release (CRLF line ends, as RFC 4180 has them). */
export function releasesCsv(releases: readonly ReleaseItem[], urls: SiteUrls): string {
  const lines = [CSV_HEADER, ...releases.map((r) => releaseCsvRow(r.data, urls.href(r.url)))];
  return `${lines.join("\r\n")}\r\n`;
}

/** The first line of `/releases.csv`: the columns' names. */
export const CSV_HEADER = CSV_COLUMNS.map((c) => c.name).join(",");

/** A release's row of `/releases.csv` (no line end), `url` its page's link on the site. */
export function releaseCsvRow(data: FrontMatter, url: string): string {
  return CSV_COLUMNS.map((c) => csvField(c.value(data, url))).join(",");
}

/** `/datapackage.json`: a Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) describing both files. */
export function dataPackage(config: SiteConfig, urls: SiteUrls, count: number): string {
  const pkg = {
    name: "communique-releases",
    title: `${config.name}: releases`,
    description: `${config.description} ${count} releases; one row or record per release.`,
    homepage: urls.absolute("/"),
    profile: "data-package",
    licenses: [{ name: "other-pd", title: "Works of the U.S. Government are not subject to copyright in the United States (17 U.S.C. § 105)" }],
    sources: [{ title: config.publisher.name, path: config.publisher.url }],
    resources: [
      {
        name: "releases-csv",
        path: "releases.csv",
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: CSV_COLUMNS.map((c) => ({ name: c.name, type: c.type, description: c.description })),
          primaryKey: ["id"],
          missingValues: [""],
        },
      },
      {
        name: "releases-json",
        path: "releases.json",
        profile: "data-resource",
        format: "json",
        mediatype: "application/json",
        encoding: "utf-8",
        description: "Every release with every front-matter field (nested: speakers, delegations, people, source), newest first. Each release's body is in <release page>index.json.",
      },
    ],
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
