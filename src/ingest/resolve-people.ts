// Across the archive: a surname named with a title ("Secretary Blinken") joins the one person of that surname and title named in full elsewhere. Pure.
import type { PersonRef } from "../model/release.ts";
import type { SurnameMention } from "../extract/context.ts";
import { personId } from "../extract/people.ts";
import type { MergeResult } from "./dedupe.ts";

/** What resolving needs of one release: the people it names in full, and its surname-only mentions. */
export interface PeopleOfRelease {
  people: readonly PersonRef[];
  surnames: readonly SurnameMention[];
}

/** The words of a title that say what the office is, lower-cased: "Secretary of State" → secretary, state. */
const titleWords = (title: string) => title.toLowerCase().split(/[\s,]+/).filter((w) => w.length > 2 && w !== "the" && w !== "and" && w !== "for");

/** The first and the last word of an id. */
const ends = (id: string) => new Set([id.slice(0, id.includes("-") ? id.indexOf("-") : id.length), id.slice(id.lastIndexOf("-") + 1)]);

/**
 * For each release, the people its surname-only mentions stand for, to add to its own. A mention "Title Surname" is
 * the person named in full somewhere in the archive whose id ends or starts with that surname ("Wang Yi": family names
 * come first in Chinese and Korean order) and who is named, somewhere, with a title containing every word of the
 * mention's title — when exactly one person is; otherwise nobody (an ambiguous or unknown surname, or a mention
 * without a title, adds no one, rather than a guess). The person's name is the full name the archive uses most
 * (ties by code unit order); the title is the mention's own. Deterministic: the result depends on the set of
 * releases, not on their order.
 */
export function resolveSurnames(releases: readonly PeopleOfRelease[]): PersonRef[][] {
  const byId = new Map<string, { names: Map<string, number>; titleWords: Set<string> }>();
  /** Person ids by the first and by the last word of the id. */
  const bySurname = new Map<string, string[]>();
  for (const r of releases) {
    for (const p of r.people) {
      let known = byId.get(p.id);
      if (!known) {
        byId.set(p.id, (known = { names: new Map(), titleWords: new Set() }));
        // A family name comes last ("Antony Blinken") or, in Chinese and Korean order, first ("Wang Yi").
        for (const word of ends(p.id)) bySurname.set(word, [...(bySurname.get(word) ?? []), p.id]);
      }
      known.names.set(p.name, (known.names.get(p.name) ?? 0) + 1);
      if (p.title) for (const w of titleWords(p.title)) known.titleWords.add(w);
    }
  }
  return releases.map((r) => {
    const added: PersonRef[] = [];
    const have = new Set(r.people.map((p) => p.id));
    for (const m of r.surnames) {
      // "Thomas-Greenfield" is two words of an id: look up its first and its last, keep the ids that start or end with it.
      const surname = personId(m.surname);
      const words = m.title ? titleWords(m.title) : [];
      if (surname === "" || words.length === 0) continue;
      const candidates = new Set([...ends(surname)].flatMap((word) => bySurname.get(word) ?? []));
      const fits = [...candidates].filter((id) => (id.endsWith(`-${surname}`) || id.startsWith(`${surname}-`)) && words.every((w) => byId.get(id)!.titleWords.has(w)));
      if (fits.length !== 1) continue;
      const id = fits[0]!;
      const known = byId.get(id)!;
      if (have.has(id)) continue;
      have.add(id);
      const name = [...known.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
      added.push({ id, name, title: m.title });
    }
    return added;
  });
}

/** Merged releases with the people their surname-only mentions stand for added (see {@link resolveSurnames}). */
export function withResolvedPeople(merged: MergeResult): MergeResult {
  const added = resolveSurnames(merged.releases.map((r) => ({ people: r.release.people, surnames: r.surnames })));
  return { ...merged, releases: merged.releases.map((r, i) => (added[i]!.length === 0 ? r : { ...r, release: { ...r.release, people: [...r.release.people, ...added[i]!] } })) };
}
