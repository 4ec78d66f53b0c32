// Reads speaker lines ("Antony J. Blinken, Secretary of State, Dmytro Kuleba, Ukrainian Foreign Minister") into people.
import type { Person } from "../model/release.ts";
import { HONORIFICS, JOINING_WORDS, isHeaderWord, NAME_PARTICLES, NAME_SUFFIXES, ORGANISATION_WORDS, TITLE_WORDS } from "./vocabulary.ts";

const isCapitalised = (w: string) => /^[\p{Lu}][\p{L}\p{M}'’.\-]*$/u.test(w);
const isInitial = (w: string) => /^\p{Lu}\.$/u.test(w);
const bare = (w: string) => w.toLowerCase().replace(/[.,]$/, "");

/** True for a word that can sit in a personal name: capitalised, not a title or organisation word. */
function isNameWord(w: string): boolean {
  if (NAME_PARTICLES.has(w)) return true;
  if (!isCapitalised(w)) return false;
  const b = bare(w);
  return isInitial(w) || (!TITLE_WORDS.has(b) && !ORGANISATION_WORDS.has(b) && !JOINING_WORDS.has(b) && b !== "u.s");
}

/** Strips leading honorifics ("Dr.", "Mr.") and a leading "and". */
function stripLead(words: string[]): string[] {
  let i = 0;
  while (i < words.length && (HONORIFICS.test(words[i]!) || /^and$/i.test(words[i]!))) i++;
  return words.slice(i);
}

/** True when a comma-separated segment is a personal name on its own ("Antony J. Blinken"). */
function isName(segment: string): boolean {
  const words = stripLead(segment.split(/\s+/));
  if (words.length < 2 || words.length > 6) return false;
  if (!isCapitalised(words[0]!) || !isCapitalised(words.at(-1)!)) return false;
  return words.every(isNameWord) && words.filter(isInitial).length < words.length - 1;
}

/** True when a segment reads as (part of) a title: it holds a title or organisation word. */
function isTitleLike(segment: string): boolean {
  return segment.split(/\s+/).some((w) => TITLE_WORDS.has(bare(w)) || ORGANISATION_WORDS.has(bare(w)));
}

/** Splits "German Chancellor Angela Merkel" into title and trailing name, or null when it has no such shape. */
function splitTitleThenName(segment: string): Person | null {
  const words = stripLead(segment.split(/\s+/));
  let k = words.length;
  while (k > 0 && words.length - k < 4 && isNameWord(words[k - 1]!) && !NAME_PARTICLES.has(words[k - 1]!)) k--;
  // Allow particles inside the name but not at its start.
  const nameWords = words.slice(k);
  const titleWords = stripTrailingHonorific(words.slice(0, k));
  if (nameWords.length < 2 || titleWords.length === 0 || !isTitleLike(titleWords.join(" "))) return null;
  return { name: nameWords.join(" "), title: titleWords.join(" ") };
}

function stripTrailingHonorific(words: string[]): string[] {
  return words.length > 0 && HONORIFICS.test(words.at(-1)!) ? words.slice(0, -1) : words;
}

/**
 * Reads a line listing one or more speakers as "Name, Title[, Name, Title …]" (a title may itself hold commas)
 * or "Title Name". Returns null unless every part of the line is accounted for and each person has a title.
 */
export function readSpeakerLine(line: string): Person[] | null {
  if (!line.split(/\s+/).every(isHeaderWord)) return null;
  const segments = line
    .trim()
    .split(/\s*,\s*/)
    .filter((s) => s.length > 0);
  const people: { name: string; title: string[] }[] = [];
  for (const seg of segments) {
    const current = people.at(-1);
    if (current && NAME_SUFFIXES.test(seg) && current.title.length === 0) {
      current.name += `, ${seg}`;
    } else if (isName(seg)) {
      people.push({ name: stripLead(seg.split(/\s+/)).join(" "), title: [] });
    } else if (current && isTitleLike(seg) && current.title.length === 0) {
      current.title.push(seg);
    } else if (splitTitleThenName(seg)) {
      const p = splitTitleThenName(seg)!;
      people.push({ name: p.name, title: [p.title!] });
    } else if (current) {
      current.title.push(seg);
    } else {
      return null;
    }
  }
  if (people.length === 0 || people.some((p) => p.title.length === 0)) return null;
  if (!people.every((p) => isTitleLike(p.title.join(", ")))) return null;
  return people.map((p) => ({ name: p.name, title: p.title.join(", ") }));
}
