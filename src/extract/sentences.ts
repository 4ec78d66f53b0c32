// Splits statement text into sentences, without breaking after abbreviations ("U.S.", "Mr.", "Antony J. Blinken").

/** Words that end in a period without ending a sentence. */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr st jr sr no nos gen col lt sgt maj adm capt gov sen rep amb prof rev hon vs etc e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec inc co corp ltd u.s u.n u.k e.u e.o d.c a.m p.m h.e".split(" "),
);

const LETTER = /^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]$/;
const DOTTED = /^(?:[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]\.)+[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]$/;

/**
 * True when the word that ends at the period `text[dot]` (reading back to a space, but not before `from`) is an
 * abbreviation or an initial.
 */
function endsWithAbbreviation(text: string, from: number, dot: number): boolean {
  // One walk back to the space before the word also notes whether the word holds a period (initials, "e.g").
  let start = dot;
  let innerPeriod = false;
  for (let c; start > from && (c = text.charCodeAt(start - 1)) !== 32; start--) if (c === 46) innerPeriod = true;
  // Most periods end an ordinary word: longer than any abbreviation, without an inner period or a leading bracket
  // or quote to strip. Those are decided without slicing and lower-casing the word.
  if (dot - start > 4 && !innerPeriod) {
    const c = text.charCodeAt(start);
    if (c !== 40 && c !== 34 && c !== 0x201c && c !== 0x2018) return false;
  }
  const word = text.slice(start, dot).replace(/^[("“‘]+/, "").toLowerCase();
  return ABBREVIATIONS.has(word) || LETTER.test(word) || DOTTED.test(word);
}

/** The sentences of a text, in order, trimmed. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  // A sentence ends at ".", "!" or "?" (and a closing quote or bracket) before spaces and a capital or digit,
  // unless the word before the period is an abbreviation or an initial.
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text)) !== null) {
    if (text.charCodeAt(m.index) === 46 && endsWithAbbreviation(text, from, m.index)) continue;
    // The end mark, and the closing quote or bracket after it when there is one (the pattern takes it whenever it can).
    const end = m.index + (CLOSERS.includes(text[m.index + 1]!) ? 2 : 1);
    const s = text.slice(from, end).trim();
    if (s.length > 0) out.push(s);
    from = m.index + m[0].length;
  }
  const s = text.slice(from).trim();
  if (s.length > 0) out.push(s);
  return out;
}

const SENTENCE_END = /[.!?][”"’)]?\s+(?=[“"‘(]?[A-ZÀ-ÖØ-ÞĀ-ſ\d])/g;
const CLOSERS = '”"’)';
