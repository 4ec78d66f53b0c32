// People in running text: phrases naming one or more officials with their titles, mentions, and stable person ids.
import slugify from "@sindresorhus/slugify";
import type { Person, PersonRef } from "../model/release.ts";
import { isName, isNameWord, isTitleLike, splitTitleThenName, startsWithCapital, stripLead } from "./names.ts";
import { HONORIFICS, TITLE_WORDS } from "./vocabulary.ts";

/** A stable id for a person: the name without initials, honorifics or suffixes ("Antony J. Blinken" → "antony-blinken"). */
export function personId(name: string): string {
  let id = idCache.get(name);
  if (id === undefined) {
    id = computePersonId(name);
    idCache.set(name, id);
  }
  return id;
}

/** Slugifying is costly and the same names recur in every release of an archive: remember each name's id. */
const idCache = new Map<string, string>();

function computePersonId(name: string): string {
  const words = name
    .replace(/,?\s+(?:Jr|Sr|II|III|IV)\.?$/, "")
    .split(/\s+/)
    .filter((w) => !/^[A-ZÀ-ÖØ-ÞĀ-ſ]\.$/.test(w) && !HONORIFICS.test(w));
  return slugify(words.join(" ").replace(/['’]/g, ""), { decamelize: false });
}

/**
 * Cuts a phrase that names people out of its sentence: it ends where the sentence moves on ("…, and he was joined",
 * "… who was joined", "…, reiterated", "… to further develop").
 */
export function cutPersonPhrase(text: string): string {
  const end = text.search(
    /\s+(?:who|whom|whose|which|while|where|when)\b|,?\s+and\s+(?:he|she|they|it|was|were|is|are|the\s+[a-zß-öø-ÿ])\b|,\s+(?!and\s|the\s|of\s)(?=[a-zß-öø-ÿ])|\s+to\s+(?!the\b|[A-ZÀ-ÖØ-ÞĀ-ſ])[a-zß-öø-ÿ]|\s+on\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d)|(?<!\b[A-ZÀ-ÖØ-ÞĀ-ſ]|\b(?:Jr|Sr|Mr|Ms|Mrs|Dr|St))\.(?:\s|$)|[;:](?:\s|$)|\s+\(|\s+(?:also|both|jointly|together|co-led|led|met|discussed|reaffirmed|reiterated|said|announced)\b/,
  );
  return (end < 0 ? text : text.slice(0, end)).replace(/[\s,]+$/, "").trim();
}

/** A name and its title read from one piece of a phrase, or null when the piece names nobody. */
function readPiece(piece: string): { name: string; title: string | null } | null {
  const words = piece.split(/\s+/);
  if (isName(piece)) {
    const lead = words.slice(0, words.length - stripLead(words).length).filter((w) => !HONORIFICS.test(w) && !/^and$/i.test(w));
    return { name: stripLead(words).join(" "), title: lead.length ? lead.join(" ") : null };
  }
  const p = splitTitleThenName(piece);
  return p ? { name: p.name, title: p.title } : null;
}

/**
 * Reads a phrase naming one or more people with their titles, in any of the Department's orders: "Name, Title",
 * "Title Name", "Title, Name", several joined by commas and "and". Titles may hold commas and "and"; honorifics
 * (Mr., Dr.) are dropped, and a title-word honorific (Ambassador) stays in the title.
 *
 * The phrase is cut at commas and "and" into pieces; pieces holding a name anchor people, and the other pieces are
 * given out in three passes: a "Title Name" piece takes the pieces joined to it by a bare "and" before it; a bare
 * name after "Title, " takes the title pieces before it; what is left follows the person before it (an apposition).
 */
export function readPeople(phrase: string): Person[] {
  const parts = phrase.replace(/^(?:the|by)\s+/i, "").split(/(,\s+and\s+|,\s+|\s+and\s+)/);
  const pieces = parts.filter((_, i) => i % 2 === 0).map((p) => p.trim());
  const seps = parts.filter((_, i) => i % 2 === 1);
  const named = pieces.map(readPiece);
  const owner: (number | null)[] = pieces.map((_, i) => (named[i] ? i : null));
  const bareAnd = (k: number) => !seps[k]!.includes(","); // the separator between piece k and k + 1
  named.forEach((n, j) => {
    if (!n) return;
    if (n.title) {
      for (let k = j - 1; k >= 0 && owner[k] === null && bareAnd(k); k--) owner[k] = j;
    } else if (j > 0 && owner[j - 1] === null && /^,\s+$/.test(seps[j - 1]!)) {
      owner[j - 1] = j;
      for (let k = j - 2; k >= 0 && owner[k] === null && bareAnd(k); k--) owner[k] = j;
    }
  });
  const firstNamed = owner.findIndex((o, i) => o === i);
  for (let i = 0; i < pieces.length; i++) {
    if (owner[i] !== null) continue;
    const before = owner.slice(0, i).findLast((o) => o !== null);
    // Pieces before the first name are its title only if they read as one ("After the talks, …" does not).
    owner[i] = before ?? (firstNamed >= 0 && isTitleLike(pieces[i]!) ? firstNamed : null);
  }
  const people: Person[] = [];
  named.forEach((n, j) => {
    if (!n) return;
    let title = "";
    for (let i = 0; i < pieces.length; i++) {
      if (owner[i] !== j) continue;
      const text = i === j ? n.title ?? "" : pieces[i]!;
      if (!text) continue;
      const sep = i > 0 && title ? seps[i - 1]! : "";
      title = title ? `${title}${sep.includes(",") ? ", " : " "}${sep.includes("and") && !sep.includes(",") ? "and " : ""}${text}` : text;
    }
    people.push({ name: n.name, title: title.trim() || null });
  });
  return people;
}

/** A capitalised title word or an honorific: without one, a sentence names nobody this way. */
const MAY_NAME_SOMEONE = new RegExp(
  `\\b(?:${[...TITLE_WORDS].filter((w) => /^[a-z]+$/.test(w)).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("|")}|Mr|Mrs|Ms|Dr|Prof|HE)\\b`,
);

/** A word (with the period of an initial or "Mr.") or any other character but a space: the tokens findPeople reads. */
const PERSON_TOKEN = /[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f'’-]+(?:\.(?=\s|$)(?<=\b[A-ZÀ-ÖØ-ÞĀ-ſ]\.|\b(?:Jr|Sr|Mr|Ms|Mrs|Dr)\.))?|[^\sA-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]/g;

/** Capitalised words and the small words between them: what a job title is made of. */
const TITLE_TOKEN = /^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f.'’-]*|of|for|the|and|on|to)$/;

/**
 * People mentioned in running text: a run of name words preceded by a job title ("Foreign Minister Urmas Reinsalu",
 * "Secretary of State Antony J. Blinken") or by an honorific ("Mr. John Smith"). A bare surname after a title
 * ("Secretary Blinken") is returned with `surnameOnly` so the caller can resolve it against full names.
 */
export function findPeople(sentence: string): (Person & { surnameOnly?: boolean })[] {
  const out: (Person & { surnameOnly?: boolean })[] = [];
  if (!MAY_NAME_SOMEONE.test(sentence)) return out;
  // `match` gives the tokens' text without building a match object for each.
  const tokens = sentence.match(PERSON_TOKEN) ?? [];
  for (let i = 1; i < tokens.length; i++) {
    const before = tokens[i - 1]!;
    // Only an honorific, a title word or a department's name just before a name makes it a person's, and each of
    // those starts with a capital: after any other token, skip without looking words up. (A name run, skipped below
    // once read, never holds another place a name could start, so skipping here instead changes nothing.)
    if (!startsWithCapital(before)) continue;
    if (!isNameWord(tokens[i]!) || isNameWord(before) || ALL_CAPITALS.test(tokens[i]!)) continue;
    let j = i;
    while (j < tokens.length && j - i < 5 && isNameWord(tokens[j]!) && !ALL_CAPITALS.test(tokens[j]!)) j++;
    while (j > i && TRAILING_PARTICLES.has(tokens[j - 1]!)) j--;
    const honorific = HONORIFICS.test(before);
    if (!honorific && !TITLE_WORDS.has(before.toLowerCase()) && !DEPARTMENT_WORDS.test(before)) {
      i = j;
      continue;
    }
    // Walk back over the title: capitalised words and small words, up to a word that is neither.
    let k = i;
    while (k > 0 && i - k < 10 && TITLE_TOKEN.test(tokens[k - 1]!)) k--;
    while (k < i && /^(?:of|for|the|and|on|to|The)$/.test(tokens[k]!)) k++;
    const titleTokens = tokens.slice(k, i);
    if (!honorific && !titleTokens.some((w) => TITLE_WORDS.has(w.toLowerCase()) && /^[A-ZÀ-ÖØ-ÞĀ-ſ]/.test(w))) {
      i = j;
      continue;
    }
    const name = tokens.slice(i, j).join(" ").replace(/['’]s$/, "");
    const title = honorific ? null : titleTokens.join(" ").replace(/['’]s$/, "") || null;
    out.push(j - i === 1 ? { name, title, surnameOnly: true } : { name, title });
    i = j;
  }
  return out;
}

/** Department names that end a title just before a name ("Secretary of State Antony J. Blinken"). */
const DEPARTMENT_WORDS = /^(?:State|Affairs|Defense|Treasury|Justice|Commerce)$/;
/** A word in capitals ("NATO", "ROK"): an acronym, not a name. */
const ALL_CAPITALS = /^[A-ZÀ-ÖØ-ÞĀ-ſ]{2,}$/;
/** Particles that may sit inside a name but do not end one. */
const TRAILING_PARTICLES = new Set(["de", "da", "van", "von", "al", "el", "la", "le", "du", "bin"]);

/** Merges people into refs by id, keeping the first title found; surnames alone join the full name that ends in them. */
export function mergePeople(found: (Person & { surnameOnly?: boolean })[]): PersonRef[] {
  const refs: PersonRef[] = [];
  const byId = new Map<string, PersonRef>();
  for (const p of found) {
    if (p.surnameOnly) continue;
    const id = personId(p.name);
    if (!id) continue;
    const known = byId.get(id);
    if (!known) {
      const ref = { id, name: p.name, title: p.title };
      refs.push(ref);
      byId.set(id, ref);
    } else if (!known.title && p.title) known.title = p.title;
  }
  return refs;
}
