// Events a statement names: conferences, dialogues, consultations, working groups, forums, summits.
const EVENT_NOUNS = new Set(["Conference", "Dialogue", "Consultations", "Forum", "Summit", "Ministerial", "Talks", "Symposium", "Roundtable", "Workshop", "Plenary", "Meeting", "Session", "Games", "Expo", "Group"]);
const MAY_NAME_AN_EVENT = new RegExp(`\\b(?:${[...EVENT_NOUNS].join("|")})\\b`);
const ORDINALS = /^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|\d+(?:st|nd|rd|th)|Annual|Inaugural|Upcoming|Next|The|This|A|An)$/;
const MONTH_OR_NUMBER = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|\d.*)$/;
const WORD = /^(?:[A-ZÀ-ÖØ-ÞĀ-ſ\d][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f\d.'’&-]*|\([A-ZÀ-ÖØ-ÞĀ-ſ\d.&-]+\))$/;

/** Collapses "Information and Communications Technology (ICT)" into "ICT" when the letters match the words. */
function collapseAcronyms(words: string[]): string[] {
  const out = [...words];
  for (let i = out.length - 1; i >= 0; i--) {
    const m = /^\(([A-ZÀ-ÖØ-ÞĀ-ſ]{2,})\)$/.exec(out[i]!);
    if (!m) continue;
    const letters = m[1]!;
    for (let start = i - 1; start >= 0; start--) {
      const initials = out.slice(start, i).filter((w) => !/^(?:and|of|for|the|&)$/.test(w)).map((w) => w[0]).join("");
      if (initials === letters) {
        out.splice(start, i - start + 1, letters);
        break;
      }
      if (initials.length > letters.length) break;
    }
  }
  return out;
}

/** Event names found in a paragraph, e.g. "ITU Plenipotentiary Conference", "2015 Netherlands Conference on Cyberspace". */
export function findEvents(paragraph: string): string[] {
  if (!MAY_NAME_AN_EVENT.test(paragraph)) return [];
  const raw = paragraph.split(/\s+/);
  const words = raw.map((w) => w.replace(/[,.;:!?”"]+$/, ""));
  /** True when a word closes a clause, so a name cannot run past it. */
  const closes = (k: number) => /[,.;:!?”"]$/.test(raw[k] ?? "") && !/^(?:[A-ZÀ-ÖØ-ÞĀ-ſ]\.)+$/.test(raw[k]!);
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!EVENT_NOUNS.has(w) || (w === "Group" && words[i - 1] !== "Working")) continue;
    let start = i;
    while (start > 0 && !closes(start - 1) && (WORD.test(words[start - 1]!) || (/^(?:and|of)$/.test(words[start - 1]!) && start > 1 && WORD.test(words[start - 2]!)))) start--;
    while (start < i && (ORDINALS.test(words[start]!) || words[start] === "and")) start++;
    let end = i + 1;
    // "Conference on Cyberspace": a capitalised run after "on" or "for" belongs to the name.
    if (!closes(i) && /^(?:on|for)$/.test(words[end] ?? "") && WORD.test(words[end + 1] ?? "") && !MONTH_OR_NUMBER.test(words[end + 1]!)) {
      end += 1;
      while (end < words.length && WORD.test(words[end]!)) {
        end++;
        if (closes(end - 1)) break;
      }
    }
    const name = collapseAcronyms(words.slice(start, end)).join(" ");
    if (end - start >= 2 && !/^(?:Meeting|Session|Talks)$/.test(words[start]!)) found.push(name);
    i = end - 1;
  }
  return found;
}
