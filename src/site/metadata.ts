// What reference managers, search engines and link previews read from a release page: Highwire citation_*, Dublin Core, Open Graph, schema.org JSON-LD.
import { countryName } from "../extract/countries.ts";
import type { FrontMatter } from "../model/release.ts";
import type { SiteConfig, SiteUrls } from "./config.ts";
import { countryKey, facetUrl } from "./facets.ts";
import { lastUpdated } from "./revisions.ts";

/** One `<meta>` tag: Highwire and Dublin Core use `name`, Open Graph `property`. */
export interface MetaTag {
  attr: "name" | "property";
  key: string;
  content: string;
}

/** What the tags are built from besides the front matter. */
export interface MetaContext {
  config: SiteConfig;
  urls: SiteUrls;
  /** The release's site path. */
  url: string;
  /** A plain-text summary (first paragraph). */
  description: string;
  topicLabel(slug: string): string;
}

/** Highwire Press tags (Google Scholar, Zotero: https://www.zotero.org/support/dev/exposing_metadata), Dublin Core and Open Graph. */
export function releaseMetaTags(data: FrontMatter, ctx: MetaContext): MetaTag[] {
  const tags: MetaTag[] = [];
  const name = (key: string, content: string | null | undefined) => content && tags.push({ attr: "name", key, content });
  const prop = (key: string, content: string | null | undefined) => content && tags.push({ attr: "property", key, content });
  const absolute = ctx.urls.absolute(ctx.url);
  const topics = data.topics.map(ctx.topicLabel);
  const modified = lastUpdated(data);

  name("citation_title", data.title);
  for (const s of data.speakers) name("citation_author", s.name);
  name("citation_publication_date", data.date.replaceAll("-", "/"));
  name("citation_publisher", ctx.config.publisher.name);
  // Zotero makes a Report of a page with an institution: the type that holds a press release's genre and place.
  name("citation_technical_report_institution", ctx.config.publisher.name);
  name("citation_public_url", absolute);
  name("citation_language", ctx.config.language);
  for (const t of topics) name("citation_keywords", t);

  name("DC.title", data.title);
  for (const creator of data.speakers.length ? data.speakers.map((s) => s.name) : [data.office]) name("DC.creator", creator);
  name("DC.publisher", ctx.config.publisher.name);
  name("DC.date", data.date);
  name("DC.type", "Text");
  name("DC.format", "text/html");
  name("DC.identifier", absolute);
  name("DC.language", ctx.config.language);
  name("DC.description", ctx.description);
  for (const t of topics) name("DC.subject", t);
  for (const c of data.countries) name("DC.coverage", countryName(c));
  name("DC.source", data.source.link);

  prop("og:type", "article");
  prop("og:title", data.title);
  prop("og:description", ctx.description);
  prop("og:url", absolute);
  prop("og:site_name", ctx.config.name);
  prop("article:published_time", data.date);
  prop("article:modified_time", modified);
  prop("article:section", data.type);
  for (const t of topics) prop("article:tag", t);
  return tags;
}

/** schema.org `NewsArticle` (https://schema.org/NewsArticle) of a release, as a JSON-LD object. */
export function releaseJsonLd(data: FrontMatter, ctx: MetaContext): Record<string, unknown> {
  const absolute = ctx.urls.absolute(ctx.url);
  const publisher = { "@type": "GovernmentOrganization", name: ctx.config.publisher.name, url: ctx.config.publisher.url };
  const author =
    data.speakers.length > 0
      ? data.speakers.map((s) => ({ "@type": "Person", name: s.name, ...(s.title ? { jobTitle: s.title } : {}) }))
      : data.office
        ? [{ "@type": "GovernmentOrganization", name: data.office, parentOrganization: publisher }]
        : [publisher];
  const about = data.countries.map((code) => ({
    "@type": code === "EU" ? "Organization" : "Country",
    name: countryName(code),
    identifier: code,
    url: ctx.urls.absolute(facetUrl("country", countryKey(code))),
  }));
  const mentions = data.people.map((p) => ({
    "@type": "Person",
    name: p.name,
    ...(p.title ? { jobTitle: p.title } : {}),
    url: ctx.urls.absolute(facetUrl("person", p.id)),
  }));
  const modified = lastUpdated(data);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": absolute,
    url: absolute,
    mainEntityOfPage: absolute,
    headline: data.title,
    datePublished: data.date,
    ...(modified ? { dateModified: modified } : {}),
    ...(data.location ? { dateline: data.location } : {}),
    ...(data.type ? { articleSection: data.type } : {}),
    ...(ctx.description ? { description: ctx.description } : {}),
    inLanguage: ctx.config.language,
    author,
    publisher,
    ...(about.length ? { about } : {}),
    ...(mentions.length ? { mentions } : {}),
    ...(data.topics.length ? { keywords: data.topics.map(ctx.topicLabel).join(", ") } : {}),
    ...(data.source.link ? { isBasedOn: data.source.link } : {}),
    isPartOf: { "@type": "WebSite", name: ctx.config.name, url: ctx.urls.absolute("/") },
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no value can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
