// Atom 1.0, RSS 2.0 and JSON Feed 1.1 documents of a list of releases, written as strings with every value escaped.
import type { ReleaseItem } from "./collections.ts";
import type { SiteConfig, SiteUrls } from "./config.ts";

/** A feed entry: what every format needs of a release. */
export interface FeedEntry {
  id: string;
  title: string;
  /** Site path. */
  url: string;
  date: string;
  updated: string | null;
  authors: string[];
  categories: string[];
  summary: string;
}

/** What a feed document says about itself. */
export interface FeedDocument {
  title: string;
  /** Site path of the HTML page it follows. */
  page: string;
  /** Site paths of the feed files. */
  atom: string;
  rss: string;
  json: string;
  entries: FeedEntry[];
}

/** Escapes text for XML element content and attribute values; drops characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A release's entry: authors are its speakers, else its office; categories its type and topics. */
export function feedEntry(item: ReleaseItem, summary: string, updated: string | null, topicLabel: (slug: string) => string): FeedEntry {
  const d = item.data;
  return {
    id: d.id,
    title: d.title,
    url: item.url,
    date: d.date,
    updated,
    authors: d.speakers.length ? d.speakers.map((s) => s.name) : d.office ? [d.office] : [],
    categories: [...(d.type ? [d.type] : []), ...d.topics.map(topicLabel)],
    summary,
  };
}

/** A calendar date as a timestamp: noon in Washington, so every reader's zone shows the same day. */
const stamp = (date: string) => `${date}T12:00:00-05:00`;
const rfc822 = (date: string) => new Date(`${date}T12:00:00-05:00`).toUTCString().replace("GMT", "+0000");
/** Newest date a feed knows: its newest entry's (or a fixed date when empty, so builds stay reproducible). */
const newest = (doc: FeedDocument) => doc.entries.reduce((m, e) => ((e.updated ?? e.date) > m ? (e.updated ?? e.date) : m), "1970-01-01");

/** A tag URI (RFC 4151) for ids that stay the same when the site moves host or path. */
function tagUri(config: SiteConfig, path: string): string {
  return `tag:${new URL(config.baseUrl).hostname},2014:${path}`;
}

/** Atom 1.0 (RFC 4287). */
export function atomFeed(doc: FeedDocument, config: SiteConfig, urls: SiteUrls): string {
  const x = xmlEscape;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(config.language)}">`,
    `  <title>${x(doc.title)}</title>`,
    `  <subtitle>${x(config.description)}</subtitle>`,
    `  <id>${x(urls.absolute(doc.atom))}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${x(urls.absolute(doc.atom))}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(urls.absolute(doc.page))}"/>`,
    `  <updated>${stamp(newest(doc))}</updated>`,
    `  <author><name>${x(config.publisher.name)}</name><uri>${x(config.publisher.url)}</uri></author>`,
    `  <generator>Communiqué</generator>`,
  ];
  for (const e of doc.entries) {
    lines.push(
      `  <entry>`,
      `    <id>${x(tagUri(config, e.url))}</id>`,
      `    <title>${x(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(urls.absolute(e.url))}"/>`,
      `    <published>${stamp(e.date)}</published>`,
      `    <updated>${stamp(e.updated ?? e.date)}</updated>`,
      ...e.authors.map((a) => `    <author><name>${x(a)}</name></author>`),
      ...e.categories.map((c) => `    <category term="${x(c)}"/>`),
      ...(e.summary ? [`    <summary>${x(e.summary)}</summary>`] : []),
      `  </entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}

/** RSS 2.0 (https://www.rssboard.org/rss-specification), with an Atom self link as the RSS Advisory Board recommends. */
export function rssFeed(doc: FeedDocument, config: SiteConfig, urls: SiteUrls): string {
  const x = xmlEscape;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `  <channel>`,
    `    <title>${x(doc.title)}</title>`,
    `    <link>${x(urls.absolute(doc.page))}</link>`,
    `    <description>${x(config.description)}</description>`,
    `    <language>${x(config.language)}</language>`,
    `    <lastBuildDate>${rfc822(newest(doc))}</lastBuildDate>`,
    `    <atom:link href="${x(urls.absolute(doc.rss))}" rel="self" type="application/rss+xml"/>`,
    `    <generator>Communiqué</generator>`,
  ];
  for (const e of doc.entries) {
    lines.push(
      `    <item>`,
      `      <title>${x(e.title)}</title>`,
      `      <link>${x(urls.absolute(e.url))}</link>`,
      `      <guid isPermaLink="true">${x(urls.absolute(e.url))}</guid>`,
      `      <pubDate>${rfc822(e.date)}</pubDate>`,
      ...e.authors.map((a) => `      <dc:creator>${x(a)}</dc:creator>`),
      ...e.categories.map((c) => `      <category>${x(c)}</category>`),
      // Readers take an RSS description as HTML: the summary is text, so it is HTML-escaped, then XML-escaped.
      ...(e.summary ? [`      <description>${x(x(e.summary))}</description>`] : []),
      `    </item>`,
    );
  }
  lines.push(`  </channel>`, `</rss>`, "");
  return lines.join("\n");
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(doc: FeedDocument, config: SiteConfig, urls: SiteUrls): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: doc.title,
    home_page_url: urls.absolute(doc.page),
    feed_url: urls.absolute(doc.json),
    description: config.description,
    language: config.language,
    authors: [{ name: config.publisher.name, url: config.publisher.url }],
    items: doc.entries.map((e) => ({
      id: tagUri(config, e.url),
      url: urls.absolute(e.url),
      title: e.title,
      content_text: e.summary || e.title,
      ...(e.summary ? { summary: e.summary } : {}),
      date_published: stamp(e.date),
      ...(e.updated ? { date_modified: stamp(e.updated) } : {}),
      ...(e.authors.length ? { authors: e.authors.map((name) => ({ name })) } : {}),
      ...(e.categories.length ? { tags: e.categories } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
