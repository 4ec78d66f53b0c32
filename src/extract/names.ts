// Personal names and job titles in running text: the word-level tests shared by speaker lines and entity rules.
import type { Person } from "../model/release.ts";
import { GEOGRAPHIC_WORDS, HONORIFICS, JOINING_WORDS, NAME_PARTICLES, ORGANISATION_WORDS, TITLE_WORDS } from "./vocabulary.ts";

export const isCapitalised = (w: string) => /^[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f'’.\-]*$/.test(w);
export const isInitial = (w: string) => /^[A-ZÀ-ÖØ-ÞĀ-ſ]\.$/.test(w);
const bare = (w: string) => w.toLowerCase().replace(/[.,]$/, "");

/** True when a word starts with a capital of the letters the name patterns know (`[A-ZÀ-ÖØ-ÞĀ-ſ]`), read as a character code. */
export function startsWithCapital(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 0x100 && c <= 0x17f);
}

/** True for a word that can sit in a personal name: capitalised, not a title or organisation word. */
export function isNameWord(w: string): boolean {
  // A word that does not start with a capital is a name word only as a particle ("de", "van"): most words, decided
  // without a lookup. The others recur from sentence to sentence: remember the answers.
  // (A word longer than every particle needs no lookup either.)
  if (!startsWithCapital(w)) return w.length <= LONGEST_PARTICLE && NAME_PARTICLES.has(w);
  let known = nameWords.get(w);
  if (known === undefined) {
    if (nameWords.size >= 100_000) nameWords.clear();
    known = readNameWord(w);
    nameWords.set(w, known);
  }
  return known;
}

const nameWords = new Map<string, boolean>();
const LONGEST_PARTICLE = Math.max(...[...NAME_PARTICLES].map((p) => p.length));

function readNameWord(w: string): boolean {
  if (NAME_PARTICLES.has(w)) return true;
  if (!isCapitalised(w)) return false;
  const b = bare(w);
  if (HONORIFICS.test(w) || GEOGRAPHIC_WORDS.has(b)) return false;
  return isInitial(w) || (!TITLE_WORDS.has(b) && !ORGANISATION_WORDS.has(b) && !JOINING_WORDS.has(b) && b !== "u.s");
}

/** Strips leading honorifics ("Dr.", "Mr.") and a leading "and". */
export function stripLead(words: string[]): string[] {
  let i = 0;
  while (i < words.length && (HONORIFICS.test(words[i]!) || /^and$/i.test(words[i]!))) i++;
  return words.slice(i);
}

/** True when a comma-separated segment is a personal name on its own ("Antony J. Blinken"). */
export function isName(segment: string): boolean {
  const words = stripLead(segment.split(/\s+/));
  if (words.length < 2 || words.length > 6) return false;
  if (!isCapitalised(words[0]!) || !isCapitalised(words.at(-1)!)) return false;
  // A surname may look like a compass word ("Tom West"); elsewhere such words start titles, not names.
  const last = words.at(-1)!;
  const lastOk = isNameWord(last) || (GEOGRAPHIC_WORDS.has(bare(last)) && /^(?:east|west|north|south)$/.test(bare(last)));
  return words.slice(0, -1).every(isNameWord) && lastOk && words.filter(isInitial).length < words.length - 1;
}

/** True when a segment reads as (part of) a title: it holds a title or organisation word. */
export function isTitleLike(segment: string): boolean {
  return segment.split(/\s+/).some((w) => TITLE_WORDS.has(bare(w)) || ORGANISATION_WORDS.has(bare(w)));
}

/** Splits "German Chancellor Angela Merkel" into title and trailing name, or null when it has no such shape. */
export function splitTitleThenName(segment: string): Person | null {
  const words = stripLead(segment.split(/\s+/));
  let k = words.length;
  if (k > 1 && /^(?:East|West|North|South)$/.test(words[k - 1]!) && isNameWord(words[k - 2]!)) k--;
  // Walk back over name words; a particle ("de", "van") may sit inside the name but not start it.
  while (k > 0 && words.length - k < 5 && isNameWord(words[k - 1]!) && (!NAME_PARTICLES.has(words[k - 1]!) || (k > 1 && isNameWord(words[k - 2]!) && !NAME_PARTICLES.has(words[k - 2]!) && !TITLE_WORDS.has(bare(words[k - 2]!))))) k--;
  const nameWords = words.slice(k);
  const titleWords = stripTrailingHonorific(words.slice(0, k));
  if (nameWords.length < 2 || titleWords.length === 0 || !isTitleLike(titleWords.join(" "))) return null;
  // A title does not end on a joining word: "Coordinator for Cyber Issues" is all title, no name.
  if (JOINING_WORDS.has(titleWords.at(-1)!.toLowerCase())) return null;
  return { name: nameWords.join(" "), title: titleWords.join(" ") };
}

function stripTrailingHonorific(words: string[]): string[] {
  return words.length > 0 && HONORIFICS.test(words.at(-1)!) ? words.slice(0, -1) : words;
}

