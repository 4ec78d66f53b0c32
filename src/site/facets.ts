// The facets a reader browses by (type, office, speaker, person, country, topic, delegation, place), built in one pass.
import { titleSlug } from "../emit/id.ts";
import { countryName } from "../extract/countries.ts";
import { personId } from "../extract/people.ts";
import type { FrontMatter } from "../model/release.ts";
import type { ListedRelease, ReleaseItem } from "./releases.ts";

/** Every facet, in the order pages list them. */
export const FACET_KINDS = ["type", "office", "speaker", "person", "country", "topic", "delegation", "place"] as const;
export type FacetKind = (typeof FACET_KINDS)[number];

/** How a facet is named and where its pages live. */
export interface FacetKindInfo {
  kind: FacetKind;
  /** URL folder: `/topics/`. */
  path: string;
  /** `Topic`, `Topics`. */
  singular: string;
  plural: string;
  /** One sentence for the facet's index page. */
  description: string;
  /** Whether each value of the facet has its own feeds. */
  feeds: boolean;
}

/** The facets' names and URL folders. The folders are part of the site's public URLs. */
export const FACETS: Record<FacetKind, FacetKindInfo> = {
  type: { kind: "type", path: "types", singular: "Type", plural: "Types", feeds: true, description: "Press statements, media notes, remarks, briefings and the other kinds of release." },
  office: { kind: "office", path: "offices", singular: "Office", plural: "Offices", feeds: false, description: "The offices and bureaus that issued releases." },
  speaker: { kind: "speaker", path: "speakers", singular: "Speaker", plural: "Speakers", feeds: false, description: "Everyone named as a speaker of remarks, briefings and interviews." },
  person: { kind: "person", path: "people", singular: "Person", plural: "People", feeds: false, description: "Everyone a release names with a title: speakers, heads of delegation, officials." },
  country: { kind: "country", path: "countries", singular: "Country", plural: "Countries", feeds: true, description: "The countries releases concern." },
  topic: { kind: "topic", path: "topics", singular: "Topic", plural: "Topics", feeds: true, description: "The curators' topics." },
  delegation: { kind: "delegation", path: "delegations", singular: "Delegation", plural: "Delegations", feeds: false, description: "The parties to talks, by the country each delegation came from." },
  place: { kind: "place", path: "places", singular: "Place", plural: "Places", feeds: false, description: "Cities and sites releases were issued from or name." },
};

/** One value of a facet (a topic, a country, a person) with its releases, newest first. */
export interface FacetValue {
  kind: FacetKind;
  /** URL slug, unique within the facet. */
  key: string;
  label: string;
  /** A second line: a person's latest title, a country's code. */
  detail: string | null;
  /** Site path of the value's first page: `/topics/cybersecurity/`. */
  url: string;
  count: number;
  /** Newest first, as lists show them. */
  releases: ListedRelease[];
}

/** A value as a release names it, before grouping. */
export interface FacetRef {
  key: string;
  label: string;
  detail: string | null;
}

/** Slugs are memoised: the same few thousand labels recur across a hundred thousand releases. */
const slugs = new Map<string, string>();
/** A label's URL slug (`Office of the Spokesperson` → `office-of-the-spokesperson`). */
export function slugOf(label: string): string {
  let slug = slugs.get(label);
  if (slug === undefined) slugs.set(label, (slug = titleSlug(label)));
  return slug;
}

/** The site path of a facet value. */
export function facetUrl(kind: FacetKind, key: string): string {
  return `/${FACETS[kind].path}/${key}/`;
}

/** A country's (or the EU's) facet key from its code. */
export const countryKey = (code: string) => code.toLowerCase();

/** A person's id: the one ingest gave them in `people` when they are listed there, else made the same way. */
export function personKey(data: Pick<FrontMatter, "people">, name: string): string {
  return data.people.find((p) => p.name === name)?.id ?? personId(name);
}

/** The key of a delegation's party: its country code, else its name's slug. */
export function delegationKey(party: { country: string; countryCode: string | null }): string {
  return party.countryCode ? countryKey(party.countryCode) : slugOf(party.country);
}

/** What a release contributes to each facet. `topicLabel` names a topic slug. */
export function facetRefs(data: FrontMatter, kind: FacetKind, topicLabel: (slug: string) => string): FacetRef[] {
  switch (kind) {
    case "type":
      return data.type ? [{ key: slugOf(data.type), label: data.type, detail: null }] : [];
    case "office":
      return data.office ? [{ key: slugOf(data.office), label: data.office, detail: null }] : [];
    case "speaker":
      return data.speakers.map((s) => ({ key: personKey(data, s.name), label: s.name, detail: s.title }));
    case "person":
      return data.people.map((p) => ({ key: p.id, label: p.name, detail: p.title }));
    case "country":
      return data.countries.map((code) => ({ key: countryKey(code), label: countryName(code), detail: code }));
    case "topic":
      return data.topics.map((slug) => ({ key: slug, label: topicLabel(slug), detail: null }));
    case "delegation":
      return data.delegations.map((d) => ({ key: delegationKey(d), label: d.countryCode ? countryName(d.countryCode) : d.country, detail: d.countryCode }));
    case "place":
      return data.places.map((p) => ({ key: slugOf(p), label: p, detail: null }));
  }
}

/** Every facet's values, each facet's values sorted by label. */
export type Facets = Record<FacetKind, FacetValue[]>;

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * Groups releases (already sorted newest first; `listed[i]` is what lists show of `sorted[i]`) into every facet's values in one pass: each release is visited
 * once and added to the values it names, so the values' lists come out newest first too. A value keeps the label
 * and detail of its newest release (a person's current title). A release naming a value twice counts once.
 */
export function buildFacets(sorted: readonly ReleaseItem[], listed: readonly ListedRelease[], topicLabel: (slug: string) => string): Facets {
  const maps = Object.fromEntries(FACET_KINDS.map((k) => [k, new Map<string, FacetValue>()])) as Record<FacetKind, Map<string, FacetValue>>;
  for (const [n, item] of sorted.entries()) {
    const entry = listed[n]!;
    for (const kind of FACET_KINDS) {
      const map = maps[kind];
      const refs = facetRefs(item.data, kind, topicLabel);
      for (let i = 0; i < refs.length; i++) {
        const ref = refs[i]!;
        if (!ref.key) continue;
        let value = map.get(ref.key);
        if (!value) {
          value = { kind, key: ref.key, label: ref.label, detail: ref.detail, url: facetUrl(kind, ref.key), count: 0, releases: [] };
          map.set(ref.key, value);
        } else if (value.releases[value.releases.length - 1] === entry) {
          continue;
        }
        if (value.detail === null && ref.detail !== null) value.detail = ref.detail;
        value.count++;
        value.releases.push(entry);
      }
    }
  }
  const facets = {} as Facets;
  for (const kind of FACET_KINDS) facets[kind] = [...maps[kind].values()].sort((a, b) => collator.compare(a.label, b.label) || (a.key < b.key ? -1 : 1));
  return facets;
}
