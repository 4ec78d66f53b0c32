// Delegations to talks: who led each party, which organisations took part, who else joined, from the statement's sentences.
import type { Delegation, Person } from "../model/release.ts";
import { countryCode, countryName, findCountries } from "./countries.ts";
import { allMatches } from "./matches.ts";
import { readOrganisationList } from "./organizations.ts";
import { cutPersonPhrase, findPeople, readPeople } from "./people.ts";

/** A party named before "delegation" or "side": one to four capitalised words or an abbreviation ("U.S.", "ROK", "Thai"). */
const PARTY = String.raw`((?:[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f.'’-]*)(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f.'’-]*){0,3})`;
/** A party written out in full, small words allowed ("the Republic of Iraq", "the United States of America"). */
const FULL_PARTY = String.raw`((?:[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f.'’-]*)(?:\s+(?:of\s+(?:the\s+)?)?[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f.'’-]*){0,5})`;
const ORG_LIST_END = /(?<!\b[A-ZÀ-ÖØ-ÞĀ-ſ])\.(?:\s|$)|;\s|,?\s+(?:to|in|at|on|for|who|which|that|where|while)\s+(?=[a-zß-öø-ÿ]|[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿ])|,\s+(?=[a-zß-öø-ÿ])(?!and\s|the\s)/;
/** Titles that mark a U.S. official when no country is written ("Acting Assistant Secretary of State"). */
const US_OFFICIAL = /\b(?:Secretary of State|Department of State|State Department|White House|Assistant Secretary|Under Secretary|Deputy Secretary|Special Envoy|Special Representative|Special Presidential Envoy|Ambassador-at-Large|Coordinator for|Attorney General)\b/;

/** The code of a party phrase, trying its last words first ("The Seventh U.S." → "U.S."). */
function partyCode(phrase: string): string | null {
  const words = phrase.replace(/['’]s$/, "").split(/\s+/);
  for (let k = Math.max(0, words.length - 4); k < words.length; k++) {
    const code = countryCode(words.slice(k).join(" "));
    if (code) return code;
  }
  return null;
}

/** The country an official serves, read from their title: a country it names, or the United States for Department titles. */
export function countryOfTitle(title: string | null): string | null {
  if (!title) return null;
  const named = findCountries(title).map((m) => m.code).filter((c) => c !== "US");
  if (named.length > 0) return named[0]!;
  if (/\bU\.S\.|\bUnited States\b/.test(title) || US_OFFICIAL.test(title)) return "US";
  return null;
}

/** Reads the organisations a clause lists, up to where the sentence moves on. */
function orgList(text: string): string[] {
  const end = text.search(ORG_LIST_END);
  return readOrganisationList(end < 0 ? text : text.slice(0, end));
}

/**
 * Words without which a sentence cannot name a delegation, its leaders, members or participants. Tested on every
 * sentence: "side" and "team" share one word-bounded group, which V8 scans about an eighth faster than two.
 */
const MENTIONS_TALKS = /delegation|\b(?:side|team)\b|led by|co-chaired|represent(?:ed by|atives)|officials (?:of|from)|also (?:joined|participated|attended|took part)/;

/** Collects delegations in order of first mention. */
class Parties {
  private byCode = new Map<string, Delegation>();
  last: string | null = null;
  get(code: string): Delegation {
    let d = this.byCode.get(code);
    if (!d) {
      d = { country: countryName(code), countryCode: code, heads: [], members: [], participants: [] };
      this.byCode.set(code, d);
    }
    this.last = code;
    return d;
  }
  head(code: string | null, p: Person): void {
    if (!code) return;
    const d = this.get(code);
    if (!d.heads.some((h) => h.name === p.name)) d.heads.push(p);
  }
  participant(code: string | null, p: Person): void {
    if (!code) return;
    const d = this.get(code);
    if (!d.heads.some((h) => h.name === p.name) && !d.participants.some((h) => h.name === p.name)) d.participants.push(p);
  }
  members(code: string | null, orgs: string[]): void {
    if (!code || orgs.length === 0) return;
    const d = this.get(code);
    for (const o of orgs) if (!d.members.includes(o)) d.members.push(o);
  }
  list(): Delegation[] {
    return [...this.byCode.values()].filter((d) => d.heads.length + d.members.length + d.participants.length > 0);
  }
}

/** Heads named for a party, or, with no party written, each head's country read from their title. */
function addHeads(parties: Parties, code: string | null, phrase: string): void {
  const cut = cutPersonPhrase(phrase);
  const people = readPeople(cut);
  // "…led by A, and B, Title, also joined the talks": B starts a clause of their own, as a participant.
  if (people.length > 1 && /^[\s,]*also\s+(?:joined|participated|attended|took part)\b/.test(phrase.slice(cut.length)) && /,\s+and\s+/.test(cut)) people.pop();
  for (const p of people) parties.head(code ?? countryOfTitle(p.title), p);
}

/** The delegations of a statement, from its sentences. */
/** The sentence patterns, compiled once; global ones are rewound before each sentence. */
const LED_BY_RE = new RegExp(String.raw`\b(?:the\s+)?${PARTY}\s+(?:(?:interagency\s+)?delegation|side|team)(?:\s+(?:head|leader))?(?:\s*,)?\s+(?:was\s+|were\s+)?(?:(?:co-)?(?:led|headed|chaired)\s+(?:jointly\s+)?by|(?:head|leader)\s+was)\s+`, "g");
const HEAD_WAS_RE = new RegExp(String.raw`\b(?:the\s+)?${PARTY}\s+head\s+of\s+(?:the\s+)?delegation\s+was\s+`, "g");
const LED_THE_RE = new RegExp(String.raw`\s+(?:jointly\s+|co-)?(?:led|headed)\s+(?:the|a|an|his|her)\s+(?:${PARTY}\s+)?(?:interagency\s+|high-level\s+|senior\s+)?delegation`, "g");
const BROUGHT_RE = new RegExp(String.raw`\s+and\s+(?:a|his|her|their)\s+delegation\s+(?:from|of)\s+(?:the\s+Government\s+of\s+)?(?:the\s+)?${PARTY}`, "g");
const REPRESENTED_RE = new RegExp(String.raw`\b(?:the\s+)?${PARTY}\s+(?:delegation\s+|side\s+)?was\s+represented\s+by\s+`, "g");
const EACH_LED_BY_RE = new RegExp(String.raw`(?:^|delegations?\s+of\s+|^(?:the\s+)?)(?:the\s+)?${FULL_PARTY},\s+led\s+by\s+`);
const PARTY_MENTION_RE = new RegExp(String.raw`${PARTY}\s+(?:delegation|side|head of delegation)`, "g");

/** Rewinds a global pattern so it scans a new sentence from its start. */
function reset(re: RegExp): RegExp {
  re.lastIndex = 0;
  return re;
}

export function findDelegations(sentenceList: string[]): Delegation[] {
  const parties = new Parties();
  for (const s of sentenceList) {
    // Most sentences say nothing of delegations: one cheap test skips them.
    if (!MENTIONS_TALKS.test(s)) continue;
    let m: RegExpExecArray | null;
    // "The X head of delegation was NAME, TITLE" / "The X delegation was led by …" / "the X side was co-chaired by …"
    const ledBy = reset(LED_BY_RE);
    const headWas = reset(HEAD_WAS_RE);
    for (const re of [ledBy, headWas]) {
      while ((m = re.exec(s))) addHeads(parties, partyCode(m[1]!), s.slice(m.index + m[0].length));
    }
    // "NAME, TITLE led the X delegation" — the heads are the clause before the verb.
    const ledThe = reset(LED_THE_RE);
    let clauseStart = 0;
    while ((m = ledThe.exec(s))) {
      const before = s.slice(clauseStart, m.index);
      const clause = before.split(/\s+while\s+|;\s+|\bwhere\s+/u).at(-1)!.replace(/^[\s,]*and\s+/, "");
      const code = m[1] ? partyCode(m[1]) : null;
      const heads = readPeople(clause.replace(/^(?:On\s+[^,]+,\s+|In\s+[^,]+,\s+)/, ""));
      for (const p of heads) parties.head(code ?? countryOfTitle(p.title), p);
      const after = s.slice(m.index + m[0].length);
      const from = /^\s+(?:from|of|including representatives from|comprising)\s+(.+)/u.exec(after);
      if (from && heads[0]) parties.members(code ?? countryOfTitle(heads[0].title), orgList(from[1]!));
      clauseStart = m.index + m[0].length;
    }
    // "The delegations of X, led by A, and Y, led by B, …"
    for (const part of s.split(/,\s+and\s+(?=(?:the\s+)?[^,]+,\s+led\s+by\s)/u)) {
      const each = EACH_LED_BY_RE.exec(part);
      if (each && !/delegation|side/.test(each[1]!)) {
        const code = partyCode(each[1]!) ?? countryCode(each[1]!);
        if (code) addHeads(parties, code, part.slice(each.index + each[0].length));
      }
    }
    // "PERSON and a delegation from (the Government of) X"
    const brought = reset(BROUGHT_RE);
    while ((m = brought.exec(s))) {
      const person = findPeople(s.slice(0, m.index)).filter((p) => !p.surnameOnly).at(-1);
      if (person) parties.head(partyCode(m[1]!), { name: person.name, title: person.title });
    }
    // "delegations led by A and B", "co-chaired by A and B" (no party: countries from the titles). When the leaders
    // are organisations ("led by the U.S. Department of State and the Japanese Ministry of …"), they are members.
    const jointly = /\b(?:delegations\s+(?:from\s+both\s+governments,?\s+)?(?:were\s+)?led\s+by|(?:was|were)\s+co-chaired\s+by|,\s+co-chaired\s+by)\s+/g;
    while ((m = jointly.exec(s))) {
      const rest = s.slice(m.index + m[0].length);
      if (readPeople(cutPersonPhrase(rest)).length > 0) addHeads(parties, null, rest);
      else for (const org of orgList(rest)) {
        const code = countryOfTitle(org);
        const bare = org.replace(/^(?:the\s+)?(?:U\.S\.|United States|[A-ZÀ-ÖØ-ÞĀ-ſ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]+(?:an|ese|ish|i))\s+(?=[A-ZÀ-ÖØ-ÞĀ-ſ])/, "");
        parties.members(code, [bare]);
      }
    }
    // "A and B led the delegations"
    const ledTheirs = /^(.+?)\s+(?:co-)?led\s+(?:the(?:ir)?\s+)?(?:respective\s+)?delegations\b/u.exec(s);
    if (ledTheirs) addHeads(parties, null, ledTheirs[1]!);

    // Members: "X was represented by ORG, ORG, and ORG"
    const represented = reset(REPRESENTED_RE);
    while ((m = represented.exec(s))) parties.members(partyCode(m[1]!), orgList(s.slice(m.index + m[0].length)));
    // "… joined by representatives of the Departments of A, B, and C" / "It included representatives from …"
    const reps = /\b(?:joined\s+by|included|includes|including|featured|with)\s+(?:senior\s+)?(?:representatives|officials)\s+(?:of|from)\s+/g;
    while ((m = reps.exec(s))) {
      const before = s.slice(0, m.index);
      const party = allMatches(PARTY_MENTION_RE, before).at(-1);
      const code = (party && partyCode(party[1]!)) ?? parties.last;
      const rest = s.slice(m.index + m[0].length);
      // "… from ORG …, and, from the other side, ORG …"
      const [mine, other] = rest.split(/,?\s+and,?\s+from\s+the\s+other\s+side,\s+/);
      parties.members(code, orgList(mine!));
      if (other) {
        const otherCode = [...parties.list().map((d) => d.countryCode)].find((c) => c !== code) ?? null;
        parties.members(otherCode, orgList(other));
      }
    }
    // Participants: "Ambassador NAME, TITLE, also joined the consultations."
    const joined = /^(.+?),?\s+also\s+(?:joined|participated|attended|took part)\b/u.exec(s);
    if (joined && parties.list().length > 0) {
      const clause = joined[1]!.split(/,\s+and\s+/).at(-1)!;
      for (const p of readPeople(cutPersonPhrase(clause))) parties.participant(countryOfTitle(p.title) ?? parties.last, p);
    }
  }
  return parties.list();
}
