// Splits statement text into sentences, without breaking after abbreviations ("U.S.", "Mr.", "Antony J. Blinken").
import { allMatches } from "./matches.ts";

/** Words that end in a period without ending a sentence. */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr st jr sr no nos gen col lt sgt maj adm capt gov sen rep amb prof rev hon vs etc e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec inc co corp ltd u.s u.n u.k e.u e.o d.c a.m p.m h.e".split(" "),
);

/** True when the text before a period ends with an abbreviation or an initial. */
function endsWithAbbreviation(chunk: string): boolean {
  if (!chunk.endsWith(".")) return false;
  const word = chunk.slice(chunk.lastIndexOf(" ") + 1, -1).replace(/^[("“‘]+/, "").toLowerCase();
  return ABBREVIATIONS.has(word) || /^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]$/.test(word) || /^(?:[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]\.)+[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]$/.test(word);
}

/** The sentences of a text, in order, trimmed. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  // A sentence ends at ".", "!" or "?" (and a closing quote or bracket) before spaces and a capital or digit,
  // unless the word before the period is an abbreviation or an initial.
  for (const m of allMatches(SENTENCE_END, text)) {
    const end = m.index + m[1]!.length;
    if (m[1] === "." || /^\.[”"’)]$/.test(m[1]!) ? endsWithAbbreviation(text.slice(from, m.index + 1)) : false) continue;
    out.push(text.slice(from, end).trim());
    from = m.index + m[0].length;
  }
  out.push(text.slice(from).trim());
  return out.filter((s) => s.length > 0);
}

const SENTENCE_END = /([.!?][”"’)]?)\s+(?=[“"‘(]?[A-ZÀ-ÖØ-ÞĀ-ſ\d])/g;
