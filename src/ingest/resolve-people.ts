// Across the archive: a short given name ("Tony Blinken") joins the same official's full one, and a surname named with a title ("Secretary Blinken") the one person of that surname and title named in full elsewhere. Pure.
import type { PersonRef } from "../model/release.ts";
import type { SurnameMention } from "../extract/context.ts";
import { NICKNAMES } from "../extract/data/nicknames.ts";
import { personId } from "../extract/people.ts";
import { TITLE_WORDS } from "../extract/vocabulary.ts";
import type { MergeResult } from "./dedupe.ts";

/** What resolving needs of one release: the people it names in full, and its surname-only mentions. */
export interface PeopleOfRelease {
  people: readonly PersonRef[];
  surnames: readonly SurnameMention[];
}

/** Title words that qualify an office rather than name one: "Foreign", "Special", "Senior" alone name nobody's office. */
const QUALIFIERS = new Set(["deputy", "assistant", "acting", "under", "principal", "special", "senior", "foreign", "prime", "chief", "high", "vice", "lead", "member", "officer", "executive", "leader"]);

/**
 * The office a mention's title names, or null: its last part ("President Biden and Secretary" → "Secretary",
 * "To Deputy Secretary" → "Deputy Secretary"), which must end in a word that names an office (Secretary, Minister,
 * Envoy), not one that only qualifies one ("Foreign Ministers' Meeting" was never a person).
 */
export function mentionOffice(title: string | null): string | null {
  const office = title?.split(/\s+and\s+/i).at(-1)!.replace(/^(?:(?:To|As|And|The|For|the|to|as|for)\s+|[A-Z]\.\s+)+/, "").trim();
  const last = office?.split(/\s+/).at(-1)?.toLowerCase();
  return office && last && TITLE_WORDS.has(last) && !QUALIFIERS.has(last) ? office : null;
}

/** The words of a title that say what the office is, lower-cased: "Secretary of State" → secretary, state. */
const titleWords = (title: string) => title.toLowerCase().split(/[\s,]+/).filter((w) => w.length > 2 && w !== "the" && w !== "and" && w !== "for");

/** How many times more releases must name a person in full than all other fitting persons together to be chosen among them. */
export const DOMINANCE = 20;

/**
 * The one candidate, or among several the one the archive names in full in at least {@link DOMINANCE} times as many
 * releases as all the others together ("Antony J. Blinken" in 334 releases, "Tony Blinken" in 4); else null.
 */
function onlyOrDominant(candidates: readonly string[], releasesNaming: (id: string) => number): string | null {
  if (candidates.length <= 1) return candidates[0] ?? null;
  const counted = candidates.map((id) => ({ id, n: releasesNaming(id) })).sort((a, b) => b.n - a.n || (a.id < b.id ? -1 : 1));
  const others = counted.slice(1).reduce((sum, c) => sum + c.n, 0);
  return counted[0]!.n >= DOMINANCE * others ? counted[0]!.id : null;
}

/** The first and the last word of an id. */
const ends = (id: string) => new Set([id.slice(0, id.includes("-") ? id.indexOf("-") : id.length), id.slice(id.lastIndexOf("-") + 1)]);

/**
 * For each release, the people its surname-only mentions stand for, to add to its own. A mention "Title Surname" is
 * the person named in full somewhere in the archive whose id ends or starts with that surname ("Wang Yi": family names
 * come first in Chinese and Korean order) and who is named, somewhere, with a title containing every word of the
 * mention's office (see {@link mentionOffice}) — when exactly one person is, or one is named in full overwhelmingly
 * more often than the others (see {@link onlyOrDominant}); otherwise nobody (an ambiguous or unknown surname, or a
 * mention without an office, adds no one, rather than a guess). The person added has the full
 * name the archive uses most (ties by code unit order) and the mention's office as title. Deterministic: the result
 * depends on the set of releases, not on their order.
 */
export function resolveSurnames(releases: readonly PeopleOfRelease[]): PersonRef[][] {
  const byId = knownPeople(releases);
  /** Person ids by the first and by the last word of the id. */
  const bySurname = new Map<string, string[]>();
  for (const id of byId.keys()) {
    // A family name comes last ("Antony Blinken") or, in Chinese and Korean order, first ("Wang Yi").
    for (const word of ends(id)) {
      const ids = bySurname.get(word);
      if (ids) ids.push(id);
      else bySurname.set(word, [id]);
    }
  }
  return releases.map((r) => {
    const added: PersonRef[] = [];
    const have = new Set(r.people.map((p) => p.id));
    for (const m of r.surnames) {
      // "Thomas-Greenfield" is two words of an id: look up its first and its last, keep the ids that start or end with it.
      const surname = personId(m.surname);
      const office = mentionOffice(m.title);
      const words = office ? titleWords(office) : [];
      if (surname === "" || words.length === 0) continue;
      const candidates = new Set([...ends(surname)].flatMap((word) => bySurname.get(word) ?? []));
      const fits = [...candidates].filter((id) => (id.endsWith(`-${surname}`) || id.startsWith(`${surname}-`)) && words.every((w) => byId.get(id)!.titleWords.has(w)));
      const id = onlyOrDominant(fits, (candidate) => [...byId.get(candidate)!.names.values()].reduce((a, b) => a + b, 0));
      if (id === null) continue;
      const known = byId.get(id)!;
      if (have.has(id)) continue;
      have.add(id);
      const name = [...known.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
      added.push({ id, name, title: office });
    }
    return added;
  });
}

/** What the archive says of a person named in full: the names used for them (with how many times) and every word of their titles. */
interface KnownPerson {
  names: Map<string, number>;
  titleWords: Set<string>;
}

/** Every person named in full in the releases, by id, in the order first met. */
function knownPeople(releases: readonly { people: readonly PersonRef[] }[]): Map<string, KnownPerson> {
  const byId = new Map<string, KnownPerson>();
  for (const r of releases) {
    for (const p of r.people) {
      let known = byId.get(p.id);
      if (!known) byId.set(p.id, (known = { names: new Map(), titleWords: new Set() }));
      known.names.set(p.name, (known.names.get(p.name) ?? 0) + 1);
      if (p.title) for (const w of titleWords(p.title)) known.titleWords.add(w);
    }
  }
  return byId;
}

/** Short form → formal given names, as a Map: an id's first word is never looked up among an object's own keys ("constructor"). */
const FORMAL_NAMES = new Map(Object.entries(NICKNAMES));

/**
 * The ids to join: a person named by a short given name ("tony-blinken", "joe-biden", "toria-nuland") → the same
 * name with the formal given name ("antony-blinken", "joseph-biden", "victoria-nuland"), when exactly one of the
 * formal names it may stand for is named in the archive with the rest of the id, and the two share a word of office
 * in their titles (Secretary, President, Minister, Ambassador: not a qualifier such as Deputy or Foreign). Anything
 * else joins nobody: "Tony Smith" beside both an Antony and an Anthony Smith, or a Dan Smith and a Daniel Smith who
 * hold no office in common, stay apart. Depends on the set of people, not their order.
 */
export function nicknameJoins(releases: readonly { people: readonly PersonRef[] }[]): Map<string, string> {
  const people = knownPeople(releases);
  const joins = new Map<string, string>();
  for (const [id, known] of people) {
    const dash = id.indexOf("-");
    const formal = dash > 0 ? FORMAL_NAMES.get(id.slice(0, dash)) : undefined;
    if (!formal) continue;
    const targets = formal.map((name) => `${name}${id.slice(dash)}`).filter((target) => people.has(target));
    if (targets.length !== 1) continue;
    const target = people.get(targets[0]!)!;
    if ([...known.titleWords].some((w) => TITLE_WORDS.has(w) && !QUALIFIERS.has(w) && target.titleWords.has(w))) joins.set(id, targets[0]!);
  }
  return joins;
}

/**
 * Merged releases with people named by a short given name joined to the same official's full name (see
 * {@link nicknameJoins}: the id changes, the name stays as the release wrote it), then the people their surname-only
 * mentions stand for added (see {@link resolveSurnames}).
 */
export function withResolvedPeople(merged: MergeResult): MergeResult {
  const joins = nicknameJoins(merged.releases.map((r) => r.release));
  const joined = joins.size === 0 ? merged.releases : merged.releases.map((r) => (r.release.people.some((p) => joins.has(p.id)) ? { ...r, release: { ...r.release, people: r.release.people.map((p) => ({ ...p, id: joins.get(p.id) ?? p.id })) } } : r));
  const added = resolveSurnames(joined.map((r) => ({ people: r.release.people, surnames: r.surnames })));
  return { ...merged, releases: joined.map((r, i) => (added[i]!.length === 0 ? r : { ...r, release: { ...r.release, people: [...r.release.people, ...added[i]!] } })) };
}
