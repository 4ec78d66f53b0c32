// findOrganisationsInSentence as first written (before it was tuned for speed), for the property tests to compare with.
import { ORGANISATION_ACRONYMS } from "../../../src/extract/data/organizations.ts";
import { allMatches } from "../../../src/extract/matches.ts";
import { sentences } from "./straightforward.ts";
import { namedInRun } from "../../../src/extract/organizations.ts";

/** Words that open an organisation's name when "of" follows ("Ministry of …", "Office of …"). */
const HEADS = new Set(["Ministry", "Ministries", "Department", "Departments", "Office", "Offices", "Bureau", "Agency", "Embassy", "Mission", "Council", "Commission", "Committee", "Secretariat", "Directorate", "Administration", "Organization", "Organisation", "Court", "Parliament", "Government"]);
/** Words that close an organisation's name ("… Agency", "Supreme Prosecutor's Office"). */
const TAILS = new Set(["Office", "Agency", "Bureau", "Council", "Commission", "Committee", "Staff", "Service", "Services", "Administration", "Ministry", "Department", "Organization", "Organisation", "Union", "Fund", "Bank", "Corporation", "Institute", "Foundation", "Museum", "Court", "Parliament", "Assembly", "Secretariat", "Guard", "Police", "Forces", "Army", "Navy", "Authority", "Directorate", "Programme", "Center", "Centre", "University", "Coalition", "Community", "Government"]);

const isAcronym = (w: string) => /^(?:[A-ZÀ-ÖØ-ÞĀ-ſ]{2,}|(?:[A-ZÀ-ÖØ-ÞĀ-ſ]\.){2,})$/.test(w);
const isKnownAcronym = (w: string) => Object.hasOwn(ORGANISATION_ACRONYMS, w);
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
      out.push(ORGANISATION_ACRONYMS[item] ?? item);
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
    for (const m of allMatches(ACRONYM, sentence)) if (isKnownAcronym(m[0])) found.push(ORGANISATION_ACRONYMS[m[0]]!);
    return found;
  }
  return findInSentence(sentence.replace(/[.!?]["”’)]*$/, "")).filter((o) => o.length > 0 && !/^(?:of|and)\b/.test(o));
}

function findInSentence(text: string): string[] {
  const found: string[] = [];
  for (const m of allMatches(RUN, text)) {
    const w = words(m[0].replace(/[.,;:]+$/, ""));
    // Plural heads introduce a list: read the rest of the clause as one.
    const pluralAt = w.findIndex((x, i) => /^(Departments|Ministries)$/.test(x) && w[i + 1] === "of");
    if (pluralAt >= 0) {
      const rest = text.slice(m.index + m[0].indexOf(w[pluralAt]!)).split(/[.;:]\s|\.$/)[0]!;
      found.push(...readOrganisationList(rest.split(/,?\s+(?:to|in|at|on|who|which|that|were|was|also|as)\s+(?=[a-zß-öø-ÿ])/)[0]!));
      continue;
    }
    found.push(...namedInRun(w));
    for (const x of w) if (isKnownAcronym(x.replace(/[’']s$/, ""))) found.push(ORGANISATION_ACRONYMS[x.replace(/[’']s$/, "")]!);
  }
  return found;
}

/** Removes repeats and names that are the start of a longer name found too ("Ministry of Science" of "Ministry of Science, ICT …"). */
export function dedupe(names: string[]): string[] {
  const unique = [...new Set(names)];
  return unique.filter((n) => !unique.some((o) => o !== n && o.startsWith(`${n},`)));
}
