// Reads speaker lines ("Antony J. Blinken, Secretary of State, Dmytro Kuleba, Ukrainian Foreign Minister") into people.
import type { Person } from "../model/release.ts";
import { isName, isTitleLike, splitTitleThenName, stripLead } from "./names.ts";
import { NAME_SUFFIXES, isHeaderWord } from "./vocabulary.ts";

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
