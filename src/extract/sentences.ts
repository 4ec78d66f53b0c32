// Splits statement text into sentences, without breaking after abbreviations ("U.S.", "Mr.", "Antony J. Blinken").

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
  const parts = text.split(/(?<=[.!?][”"’)]?)\s+(?=[“"‘(]?[A-ZÀ-ÖØ-ÞĀ-ſ\d])/);
  const out: string[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last !== undefined && endsWithAbbreviation(last)) out[out.length - 1] = `${last} ${part}`;
    else out.push(part);
  }
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
