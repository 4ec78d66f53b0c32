// The entity readers as first written (before they were tuned for speed): the property tests check the tuned ones equal these.
import type { Person } from "../../../src/model/release.ts";
import { isNameWord } from "../../../src/extract/names.ts";
import { HONORIFICS, TITLE_WORDS } from "../../../src/extract/vocabulary.ts";

const ABBREVIATIONS = new Set(
  "mr mrs ms dr st jr sr no nos gen col lt sgt maj adm capt gov sen rep amb prof rev hon vs etc e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec inc co corp ltd u.s u.n u.k e.u e.o d.c a.m p.m h.e".split(" "),
);

function endsWithAbbreviation(chunk: string): boolean {
  if (!chunk.endsWith(".")) return false;
  const word = chunk.slice(chunk.lastIndexOf(" ") + 1, -1).replace(/^[("“‘]+/, "").toLowerCase();
  return ABBREVIATIONS.has(word) || /^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]$/.test(word) || /^(?:[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]\.)+[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]$/.test(word);
}

/** sentences() as first written. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(/([.!?][”"’)]?)\s+(?=[“"‘(]?[A-ZÀ-ÖØ-ÞĀ-ſ\d])/g)) {
    const end = m.index + m[1]!.length;
    if (m[1] === "." || /^\.[”"’)]$/.test(m[1]!) ? endsWithAbbreviation(text.slice(from, m.index + 1)) : false) continue;
    out.push(text.slice(from, end).trim());
    from = m.index + m[0].length;
  }
  out.push(text.slice(from).trim());
  return out.filter((s) => s.length > 0);
}

const MAY_NAME_SOMEONE = new RegExp(
  `\\b(?:${[...TITLE_WORDS].filter((w) => /^[a-z]+$/.test(w)).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("|")}|Mr|Mrs|Ms|Dr|Prof|HE)\\b`,
);
const PERSON_TOKEN = /[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f'’-]+(?:\.(?=\s|$)(?<=\b[A-ZÀ-ÖØ-ÞĀ-ſ]\.|\b(?:Jr|Sr|Mr|Ms|Mrs|Dr)\.))?|[^\sA-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]/g;
const TITLE_TOKEN = /^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f.'’-]*|of|for|the|and|on|to)$/;

/** findPeople() as first written. */
export function findPeople(sentence: string): (Person & { surnameOnly?: boolean })[] {
  const out: (Person & { surnameOnly?: boolean })[] = [];
  if (!MAY_NAME_SOMEONE.test(sentence)) return out;
  const tokens = [...sentence.matchAll(PERSON_TOKEN)].map((m) => ({ text: m[0], index: m.index }));
  for (let i = 1; i < tokens.length; i++) {
    if (!isNameWord(tokens[i]!.text) || isNameWord(tokens[i - 1]!.text) || /^[A-ZÀ-ÖØ-ÞĀ-ſ]{2,}$/.test(tokens[i]!.text)) continue;
    let j = i;
    while (j < tokens.length && j - i < 5 && isNameWord(tokens[j]!.text) && !/^[A-ZÀ-ÖØ-ÞĀ-ſ]{2,}$/.test(tokens[j]!.text)) j++;
    while (j > i && /^(?:de|da|van|von|al|el|la|le|du|bin)$/.test(tokens[j - 1]!.text)) j--;
    const honorific = HONORIFICS.test(tokens[i - 1]!.text);
    let k = i;
    while (k > 0 && i - k < 10 && TITLE_TOKEN.test(tokens[k - 1]!.text)) k--;
    while (k < i && /^(?:of|for|the|and|on|to|The)$/.test(tokens[k]!.text)) k++;
    const titleTokens = tokens.slice(k, i).map((t) => t.text);
    const hasTitleWord = titleTokens.some((w) => TITLE_WORDS.has(w.toLowerCase()) && /^[A-ZÀ-ÖØ-ÞĀ-ſ]/.test(w));
    if (!honorific && (!hasTitleWord || !TITLE_WORDS.has(tokens[i - 1]!.text.toLowerCase()) && !/^(?:State|Affairs|Defense|Treasury|Justice|Commerce)$/.test(tokens[i - 1]!.text))) {
      i = j;
      continue;
    }
    const name = tokens.slice(i, j).map((t) => t.text).join(" ").replace(/['’]s$/, "");
    const title = honorific ? null : titleTokens.join(" ").replace(/['’]s$/, "") || null;
    out.push(j - i === 1 ? { name, title, surnameOnly: true } : { name, title });
    i = j;
  }
  return out;
}

/** dedupe() as first written. */
export function dedupe(names: string[]): string[] {
  const unique = [...new Set(names)];
  return unique.filter((n) => !unique.some((o) => o !== n && o.startsWith(`${n},`)));
}
