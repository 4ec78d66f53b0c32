// Organisations in running text and in lists ("the Departments of Defense, Homeland Security, and Justice"), expanded.
import { ORGANISATION_ACRONYMS } from "./data/organizations.ts";
import { allMatches } from "./matches.ts";
import { sentences } from "./sentences.ts";
import { TITLE_WORDS } from "./vocabulary.ts";

/** Words that open an organisation's name when "of" follows ("Ministry of …", "Office of …"). */
const HEADS = new Set(["Ministry", "Ministries", "Department", "Departments", "Office", "Offices", "Bureau", "Agency", "Embassy", "Mission", "Council", "Commission", "Committee", "Secretariat", "Directorate", "Administration", "Organization", "Organisation", "Court", "Parliament", "Government"]);
/** Words that close an organisation's name ("… Agency", "Supreme Prosecutor's Office"). */
const TAILS = new Set(["Office", "Agency", "Bureau", "Council", "Commission", "Committee", "Staff", "Service", "Services", "Administration", "Ministry", "Department", "Organization", "Organisation", "Union", "Fund", "Bank", "Corporation", "Institute", "Foundation", "Museum", "Court", "Parliament", "Assembly", "Secretariat", "Guard", "Police", "Forces", "Army", "Navy", "Authority", "Directorate", "Programme", "Center", "Centre", "University", "Coalition", "Community", "Government"]);
/** Lower-case words that may sit inside an organisation's name. */
const INNER = new Set(["of", "for", "and", "the", "on", "to", "in", "de", "du", "des", "&"]);

const isAcronym = (w: string) => /^(?:[A-ZÀ-ÖØ-ÞĀ-ſ]{2,}|(?:[A-ZÀ-ÖØ-ÞĀ-ſ]\.){2,})$/.test(w);
/** The acronyms as a Map: looking a word up in it is much cheaper than `Object.hasOwn` on the record. */
const ACRONYMS = new Map(Object.entries(ORGANISATION_ACRONYMS));
const isKnownAcronym = (w: string) => ACRONYMS.has(w);
const words = (s: string) => s.split(/\s+/).filter(Boolean);
const clean = (s: string) => s.replace(/^(?:the|and|or)\s+/i, "").replace(/['’]s$/, "").replace(/[.,;:]+$/, "").trim();

/** True when a name reads as an organisation: "Ministry of …", "… Agency", or a known acronym. */
export function isOrganisationName(name: string): boolean {
  const w = words(clean(name));
  if (w.length === 1) return isKnownAcronym(w[0]!);
  // A country may lead the name: "U.S. Department of State", "Japanese Ministry of …".
  const headAt = HEADS.has(w[0]!) ? 0 : HEADS.has(w[1] ?? "") ? 1 : -1;
  return (headAt >= 0 && w[headAt + 1] === "of") || TAILS.has(w.at(-1)!.replace(/['’]s$/, ""));
}

/** The singular of a plural head ("Departments" → "Department"). */
function singular(head: string): string {
  return head === "Ministries" ? "Ministry" : head.replace(/s$/, "");
}

/**
 * Reads a list of organisations ("the Ministry of Science, ICT and Future Planning, Ministry of National Defense, and
 * the Korea Internet Security Agency"). An item that is not an organisation by itself continues the one before
 * (names may hold commas); after a plural head ("the Departments of Defense, Homeland Security, and Justice") each
 * item is expanded ("Department of Homeland Security"). Acronyms are expanded to their full names.
 */
export function readOrganisationList(list: string): string[] {
  const pieces = list.split(/(,\s+and\s+|,\s+|\s+and\s+)/);
  const out: string[] = [];
  let plural: string | null = null;
  for (let i = 0; i < pieces.length; i += 2) {
    const raw = pieces[i]!.trim();
    const sep = i > 0 ? pieces[i - 1]! : "";
    const item = clean(raw);
    if (item.length === 0) continue;
    const m = /^(Departments|Ministries|Offices|Agencies)\s+of\s+(?:the\s+)?(.+)$/.exec(item);
    if (m) {
      plural = singular(m[1]!) === "Agencie" ? "Agency" : singular(m[1]!);
      out.push(`${plural} of ${m[2]}`);
    } else if (isOrganisationName(item) && !(isAcronym(item) && !isKnownAcronym(item))) {
      plural = null;
      out.push(ACRONYMS.get(item) ?? item);
    } else if (plural && /^[A-ZÀ-ÖØ-ÞĀ-ſ]/.test(item)) {
      out.push(`${plural} of ${item}`);
    } else if (out.length > 0 && /^[A-ZÀ-ÖØ-ÞĀ-ſ\d]/.test(item)) {
      out[out.length - 1] += `${sep.includes(",") ? ", " : " "}${sep.includes("and") ? "and " : ""}${item}`;
    } else if (/^[A-ZÀ-ÖØ-ÞĀ-ſ]/.test(item) && words(item).length <= 8) {
      out.push(item);
    }
  }
  return out.filter((o) => isOrganisationName(o) || /\s/.test(o));
}

/** A head or tail word: without one, only an acronym can name an organisation in a sentence. */
const HEAD_OR_TAIL = new RegExp(`\\b(?:${[...new Set([...HEADS, ...TAILS])].join("|")})\\b`);
/** Words in capitals (with dots or a small letter inside, as in "U.N." or "DoD"). */
const ACRONYM = /\b[A-Z][A-Za-z.]*[A-Z]\.?(?![A-Za-z])/g;

/** A capitalised run of words, with the small words that may sit inside names. */
const RUN = /(?:[A-ZÀ-ÖØ-ÞĀ-ſ\d][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f\d.'’&-]*)(?:\s+(?:(?:of|for|and|the|on|to|in|de|du|des|&)\s+)*[A-ZÀ-ÖØ-ÞĀ-ſ\d][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f\d.'’&-]*)*/g;

/** Organisations named anywhere in a text: "Ministry of …" spans, "… Agency" spans, and known acronyms. */
export function findOrganisations(text: string): string[] {
  return dedupe(sentences(text).flatMap(findOrganisationsInSentence));
}

/** Organisations named in one sentence. */
export function findOrganisationsInSentence(sentence: string): string[] {
  // Without a head or tail word only acronyms can name an organisation: look those up, skip the full scan.
  if (!HEAD_OR_TAIL.test(sentence)) {
    const found: string[] = [];
    // `match` gives the matched words without building a match object for each.
    for (const a of sentence.match(ACRONYM) ?? []) {
      const full = ACRONYMS.get(a);
      if (full !== undefined) found.push(full);
    }
    return found;
  }
  return findInSentence(sentence.replace(/[.!?]["”’)]*$/, "")).filter((o) => o.length > 0 && !/^(?:of|and)\b/.test(o));
}

function findInSentence(text: string): string[] {
  const found: string[] = [];
  for (const m of allMatches(RUN, text)) {
    // Most runs are one word, which names an organisation only as a known acronym: no head, "of" or tail to read.
    if (!/\s/.test(m[0])) {
      const full = ACRONYMS.get(m[0].replace(/[.,;:]+$/, "").replace(/[’']s$/, ""));
      if (full !== undefined) found.push(full);
      continue;
    }
    const w = words(m[0].replace(/[.,;:]+$/, ""));
    // Plural heads introduce a list: read the rest of the clause as one.
    const pluralAt = w.findIndex((x, i) => (x === "Departments" || x === "Ministries") && w[i + 1] === "of");
    if (pluralAt >= 0) {
      const rest = text.slice(m.index + m[0].indexOf(w[pluralAt]!)).split(/[.;:]\s|\.$/)[0]!;
      found.push(...readOrganisationList(rest.split(/,?\s+(?:to|in|at|on|who|which|that|were|was|also|as)\s+(?=[a-zß-öø-ÿ])/)[0]!));
      continue;
    }
    found.push(...namedInRun(w));
    for (const x of w) {
      const full = ACRONYMS.get(x.replace(/[’']s$/, ""));
      if (full !== undefined) found.push(full);
    }
  }
  return found;
}

/**
 * Places and other names that end in a tail word but name no organisation ("the West Bank").
 */
const NOT_ORGANISATIONS = new Set(["West Bank"]);

/**
 * A conjunction that ends one name and opens the next: "and the" ("the Ministry of Finance and the Ministry of
 * Defense", "Tony and the State Department") or "and" before another head ("Department of Defense and Department of
 * State"). A plain "and" stays inside a name ("Ministry of Science and Technology").
 */
const opensAnotherName = (w: readonly string[], at: number) => w[at] === "and" && (w[at + 1] === "the" || HEADS.has(w[at + 1] ?? ""));

/**
 * The organisations one capitalised run of words names by its head ("Ministry of …", read forward to a job title or
 * to a conjunction that opens another name) or its tail ("… Agency", read back to a job title or an article: "the"
 * opens a name, as in "Jordan and the GCC Interconnection Authority" or "Settlements in the West Bank").
 */
export function namedInRun(w: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < w.length; i++) {
    if (HEADS.has(w[i]!) && w[i + 1] === "of") {
      let j = i + 2;
      // Stop before a job title ("… Policy Assistant Director"), unless "of (the)" leads into it ("Office of the Secretary of Defense").
      while (j < w.length && !(TITLE_WORDS.has(w[j]!.toLowerCase()) && !/^(?:of|the)$/.test(w[j - 1]!)) && !opensAnotherName(w, j)) j++;
      while (j > i + 2 && INNER.has(w[j - 1]!)) j--;
      found.push(clean(w.slice(i, j).join(" ")));
      i = j - 1;
    } else if (TAILS.has(w[i]!.replace(/['’]s$/, "")) && i > 0 && w[i + 1] !== "of") {
      let k = i;
      while (k > 0 && !TITLE_WORDS.has(w[k - 1]!.toLowerCase()) && !/^(?:the|The|A|An)$/.test(w[k - 1]!)) k--;
      const name = clean(w.slice(k, i + 1).join(" "));
      if (k < i && !NOT_ORGANISATIONS.has(name)) found.push(name);
    }
  }
  return found;
}

/** Removes repeats and names that are the start of a longer name found too ("Ministry of Science" of "Ministry of Science, ICT …"). */
export function dedupe(names: string[]): string[] {
  const unique = [...new Set(names)];
  // Only a name with a comma can be the longer name: usually there is none, and nothing to compare.
  const withComma = unique.filter((o) => o.includes(","));
  if (withComma.length === 0) return unique;
  return unique.filter((n) => {
    const prefix = `${n},`;
    return !withComma.some((o) => o.startsWith(prefix));
  });
}
