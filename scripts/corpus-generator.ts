// Deterministic synthetic releases in our source formats (seed-shaped plain text, state.gov RSS), built from the real corpus's vocabulary.
import { readFileSync } from "node:fs";
import worldCountriesData, { type Country as WorldCountry } from "world-countries";

/** The vocabulary derived from the real corpus by scripts/corpus-vocabulary.ts. */
interface Vocabulary {
  titles: string[];
  sentences: string[];
  /** Transcript turns, `Q|text` for a question and `A|text` for an answer. */
  turns: string[];
}
const vocabulary = JSON.parse(readFileSync(new URL("./data/corpus-vocabulary.json", import.meta.url), "utf8")) as Vocabulary;
const questions = vocabulary.turns.filter((t) => t.startsWith("Q|")).map((t) => t.slice(2));
const answers = vocabulary.turns.filter((t) => t.startsWith("A|")).map((t) => t.slice(2));

/** A small fast PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of release `i`: each release has its own stream, so release i is the same whatever the count. */
function releaseSeed(seed: number, i: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ i, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const between = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** Secretaries of State and spokespeople by the year they took office, so each era names its own officials. */
const SECRETARIES: [number, string, string][] = [
  [1993, "Warren Christopher", "Christopher"],
  [1997, "Madeleine K. Albright", "Albright"],
  [2001, "Colin L. Powell", "Powell"],
  [2005, "Condoleezza Rice", "Rice"],
  [2009, "Hillary Rodham Clinton", "Clinton"],
  [2013, "John Kerry", "Kerry"],
  [2017, "Rex W. Tillerson", "Tillerson"],
  [2018, "Michael R. Pompeo", "Pompeo"],
  [2021, "Antony J. Blinken", "Blinken"],
];
const SPOKESPEOPLE: [number, string, string, string][] = [
  [1995, "Nicholas Burns", "MR BURNS", "Department Spokesman"],
  [1997, "James P. Rubin", "MR RUBIN", "Department Spokesman"],
  [2000, "Richard Boucher", "MR BOUCHER", "Department Spokesman"],
  [2005, "Sean McCormack", "MR MCCORMACK", "Department Spokesman"],
  [2009, "Philip J. Crowley", "MR CROWLEY", "Assistant Secretary for Public Affairs"],
  [2011, "Victoria Nuland", "MS NULAND", "Department Spokesperson"],
  [2013, "Jen Psaki", "MS PSAKI", "Department Spokesperson"],
  [2015, "John Kirby", "MR KIRBY", "Department Spokesperson"],
  [2017, "Heather Nauert", "MS NAUERT", "Department Spokesperson"],
  [2019, "Morgan Ortagus", "MS ORTAGUS", "Department Spokesperson"],
  [2021, "Ned Price", "MR PRICE", "Department Spokesperson"],
];
const inOffice = <T extends [number, ...unknown[]]>(list: T[], year: number): T => list.filter((e) => e[0] <= year).at(-1) ?? list[0]!;

const OFFICES = [
  "Office of the Spokesperson",
  "Office of the Spokesperson",
  "Office of the Spokesperson",
  "Bureau of Consular Affairs",
  "Bureau of Democracy, Human Rights, and Labor",
  "Bureau of Arms Control, Verification and Compliance",
  "Bureau of Economic and Business Affairs",
  "Bureau of Oceans and International Environmental and Scientific Affairs",
  "Office of the Coordinator for Counterterrorism",
  "Bureau of Educational and Cultural Affairs",
  "Office to Monitor and Combat Trafficking in Persons",
];
const OFFICIALS: [string, string][] = [
  ["Deputy Secretary of State", "Deputy Secretary"],
  ["Under Secretary for Political Affairs", "Under Secretary"],
  ["Assistant Secretary for East Asian and Pacific Affairs", "Assistant Secretary"],
  ["Assistant Secretary for European and Eurasian Affairs", "Assistant Secretary"],
  ["Assistant Secretary for African Affairs", "Assistant Secretary"],
  ["Special Envoy for Climate", "Special Envoy"],
  ["Coordinator for Cyber Issues", "Coordinator"],
  ["Ambassador-at-Large for Global Women’s Issues", "Ambassador"],
];
const FIRST = ["Daniel", "Maria", "Robert", "Elena", "Thomas", "Sarah", "David", "Anna", "Michael", "Laura", "James", "Catherine", "Peter", "Helen", "Ahmed", "Yuki", "Carlos", "Ingrid", "Kwame", "Priya", "Jean-Marc", "Olga", "Lars", "Mei", "Rafael", "Amina", "Tomás", "Sofia", "Hiroshi", "Nadia"];
const LAST = ["Reynolds", "Castillo", "Hartman", "Novak", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Kowalski", "Mensah", "Ferreira", "Petrov", "Sato", "Bianchi", "Andersen", "Mbeki", "Rahman", "Silva", "Fischer", "Kim", "Dubois", "Herrera", "Nakamura", "O’Brien", "Vargas", "Schmidt", "Osei", "Lambert", "Costa"];
const VENUES = ["Treaty Room", "Benjamin Franklin Room", "Foreign Ministry", "Press Briefing Room", "Presidential Palace", "Embassy Residence", "United Nations Headquarters"];
const DIALOGUES = ["Strategic Dialogue", "Cyber Policy Consultations", "Economic Dialogue", "Security Consultations", "Energy Dialogue", "Human Rights Dialogue", "Trade and Investment Council", "Science and Technology Joint Committee"];
const ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const JOURS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const DAY_ABBR = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface Country {
  name: string;
  official: string;
  demonym: string;
  capital: string;
}
// world-countries is CommonJS: under Node's ESM its default export is the array itself, which its types do not say.
const COUNTRIES: Country[] = (worldCountriesData as unknown as WorldCountry[])
  .filter((c) => c.independent && c.capital[0] && c.demonyms?.eng?.m && c.cca2 !== "US")
  .map((c) => ({ name: c.name.common, official: c.name.official, demonym: c.demonyms.eng!.m, capital: c.capital[0]! }))
  .sort((a, b) => (a.name < b.name ? -1 : 1));

/** First and last year of generated dates: three decades of releases. */
export const FIRST_YEAR = 1995;
export const LAST_YEAR = 2024;
const FIRST_DAY = Date.UTC(FIRST_YEAR, 0, 1);
const DAY_COUNT = (Date.UTC(LAST_YEAR, 11, 31) - FIRST_DAY) / 86_400_000 + 1;

type Kind = "statement" | "media-note" | "joint" | "remarks" | "briefing";
/** Kinds by weight: most releases are short statements, a fifth are transcripts; ~600 words per release on average. */
const KINDS: [Kind, number][] = [
  ["statement", 45],
  ["media-note", 20],
  ["joint", 8],
  ["remarks", 22],
  ["briefing", 5],
];

/** One synthetic release, before it is written in a source format. */
export interface GeneratedRelease {
  index: number;
  /** `YYYY-MM-DD`. */
  date: string;
  /** State.gov page id: names the text file and the feed item's guid. */
  pageId: number;
  title: string;
  type: string | null;
  /** Office or speaker lines, in order, as the header block and the feed's creator name them. */
  creatorLines: string[];
  places: string[];
  preamble: string | null;
  /** Paragraphs; a transcript turn is `LABEL: text`. */
  paragraphs: string[];
  /** Blogger chrome of the text file: French, English or none. */
  chrome: "fr" | "en" | "none";
  crlf: boolean;
}

/** The date of release `i`: the first draw of its stream, so a feed can sort releases by date cheaply. */
export function releaseDate(seed: number, i: number): string {
  const r = prng(releaseSeed(seed, i));
  return new Date(FIRST_DAY + Math.floor(r() * DAY_COUNT) * 86_400_000).toISOString().slice(0, 10);
}

/** Sentences of the corpus with the 2021 Secretary and spokesperson replaced by those of the release's year. */
function eraSentence(r: Rand, year: number): string {
  const [, secretary, secretarySurname] = inOffice(SECRETARIES, year);
  const [, spokes] = inOffice(SPOKESPEOPLE, year);
  return pick(r, vocabulary.sentences)
    .replace(/Antony J\. Blinken/g, secretary)
    .replace(/Blinken/g, secretarySurname)
    .replace(/Ned Price/g, spokes);
}

function paragraph(r: Rand, year: number): string {
  const n = between(r, 2, 5);
  return Array.from({ length: n }, () => eraSentence(r, year)).join(" ");
}

const words = (s: string): number => s.split(/\s+/).length;

function fillTo(r: Rand, year: number, paragraphs: string[], target: number): void {
  let count = paragraphs.reduce((n, p) => n + words(p), 0);
  while (count < target) {
    const p = paragraph(r, year);
    paragraphs.push(p);
    count += words(p);
  }
}

/** Builds release `i` of the corpus for `seed`: the same (seed, i) always gives the same release. */
export function generateRelease(seed: number, i: number): GeneratedRelease {
  const r = prng(releaseSeed(seed, i));
  const date = new Date(FIRST_DAY + Math.floor(r() * DAY_COUNT) * 86_400_000).toISOString().slice(0, 10);
  const year = Number(date.slice(0, 4));
  const [, secretary, secretarySurname] = inOffice(SECRETARIES, year);
  const [, spokes, spokesLabel, spokesTitle] = inOffice(SPOKESPEOPLE, year);
  const country = pick(r, COUNTRIES);
  const other = pick(r, COUNTRIES);
  const counterpart = `${pick(r, FIRST)} ${pick(r, LAST)}`;
  const counterpartSurname = counterpart.split(" ").at(-1)!;
  const official = pick(r, OFFICIALS);
  const officialName = `${pick(r, FIRST)} ${pick(r, LAST)}`;
  const longDate = `${MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}, ${year}`;
  let total = 0;
  for (const [, w] of KINDS) total += w;
  let roll = r() * total;
  let kind: Kind = "statement";
  for (const [k, w] of KINDS) if ((roll -= w) < 0) { kind = k; break; }
  // The Department printed a type line until the 2017 site redesign (the 2014 seed has one; 2021 releases do not).
  const typed = year < 2017;
  const paragraphs: string[] = [];
  let title: string;
  let type: string | null = null;
  let creatorLines: string[] = [];
  let places: string[] = [];
  let preamble: string | null = null;
  const dialogue = `${pick(r, ORDINALS)} U.S.-${country.name} ${pick(r, DIALOGUES)}`;
  switch (kind) {
    case "statement": {
      type = "Press Statement";
      title = pick(r, [
        () => pick(r, vocabulary.titles),
        () => `${country.name} National Day`,
        () => `On the Anniversary of the ${pick(r, ["Elections", "Peace Agreement", "Independence"])} in ${country.name}`,
        () => `The United States Condemns the Attack in ${country.capital}`,
        () => `Secretary ${secretarySurname}’s Call with ${country.demonym} Foreign Minister ${counterpartSurname}`,
        () => `Welcoming the ${country.demonym} Government’s ${pick(r, ["Reform Agenda", "Commitment to Free and Fair Elections", "Release of Political Prisoners", "Climate Pledge"])}`,
      ])();
      creatorLines = [r() < 0.6 ? "Office of the Spokesperson" : `${secretary}, Secretary of State`];
      if (r() < 0.2) places = ["Washington, DC"];
      fillTo(r, year, paragraphs, between(r, 150, 450));
      break;
    }
    case "media-note": {
      type = "Media Note";
      title = pick(r, [
        () => pick(r, vocabulary.titles),
        () => `${official[0]} ${officialName}’s Travel to ${country.name} and ${other.name}`,
        () => `${official[1]} ${officialName.split(" ")[1]} Visits ${country.name}`,
        () => `The ${dialogue}`,
      ])();
      creatorLines = [pick(r, OFFICES)];
      paragraphs.push(
        `${official[0]} ${officialName} will travel to ${country.capital}, ${country.name}, and ${other.capital}, ${other.name}, from ${longDate}. In ${country.capital}, ${official[1]} ${officialName.split(" ")[1]} will meet with senior ${country.demonym} government officials to discuss regional security, economic cooperation, and shared priorities.`,
      );
      fillTo(r, year, paragraphs, between(r, 250, 600));
      break;
    }
    case "joint": {
      type = "Joint Statement";
      title = `Joint Statement on the ${dialogue}`;
      creatorLines = ["Office of the Spokesperson"];
      places = ["Washington, DC"];
      preamble = `The text of the following statement was released by the Governments of the United States of America and ${country.official} on the occasion of the ${dialogue}.`;
      paragraphs.push("Begin Text:");
      paragraphs.push(
        `The Governments of the United States and ${country.name} held the ${dialogue} in ${country.capital} on ${longDate}. The United States head of delegation was ${officialName}, ${official[0]}, and was joined by representatives of the Departments of Defense, Commerce, and Justice. The ${country.demonym} delegation was led by ${counterpart}, Minister of Foreign Affairs, who was joined by representatives of the Ministry of Finance and the Ministry of Defense.`,
      );
      fillTo(r, year, paragraphs, between(r, 300, 600));
      paragraphs.push(`Both sides agreed to hold the next round of the dialogue in Washington in ${year + 1}.`);
      paragraphs.push("End Text.");
      break;
    }
    case "remarks": {
      type = "Remarks";
      title = `Secretary ${secretary} and ${country.demonym} Foreign Minister ${counterpart} ${pick(r, ["Before Their Meeting", "at a Joint Press Availability", "at a Signing Ceremony", "After Their Meeting"])}`;
      creatorLines = [`${secretary}, Secretary of State`, `${counterpart}, ${country.demonym} Foreign Minister`];
      places = [`${country.capital}, ${country.name}`, pick(r, VENUES)];
      const labels = [`SECRETARY ${secretarySurname.toUpperCase()}`, `FOREIGN MINISTER ${counterpartSurname.toUpperCase()}`];
      turnsTo(r, year, paragraphs, labels, false, between(r, 600, 1500));
      break;
    }
    case "briefing": {
      type = "Department Press Briefing";
      title = `Department Press Briefing – ${longDate}`;
      creatorLines = [`${spokes}, ${spokesTitle}`];
      places = ["Washington, DC"];
      turnsTo(r, year, paragraphs, [spokesLabel], true, between(r, 1800, 3200));
      break;
    }
  }
  const roll2 = r();
  return {
    index: i,
    date,
    pageId: 300_000 + i,
    title,
    type: typed ? type : null,
    creatorLines,
    places,
    preamble,
    paragraphs,
    chrome: roll2 < 0.52 ? "fr" : roll2 < 0.84 ? "en" : "none",
    crlf: r() < 0.14,
  };
}

/** Transcript turns: an opening answer, then questions and answers (briefings) or speakers in turn (remarks). */
function turnsTo(r: Rand, year: number, paragraphs: string[], labels: string[], questions_: boolean, target: number): void {
  let count = 0;
  let turn = 0;
  const push = (p: string) => {
    paragraphs.push(p);
    count += words(p);
  };
  push(`${labels[0]}: ${paragraph(r, year)}`);
  while (count < target) {
    turn++;
    if (questions_) {
      push(`QUESTION: ${pick(r, questions)}`);
      push(`${labels[0]}: ${pick(r, answers)}`);
      if (r() < 0.4) push(paragraph(r, year));
    } else {
      push(`${labels[turn % labels.length]}: ${paragraph(r, year)}`);
      if (r() < 0.3) push(paragraph(r, year));
    }
  }
}

const SITE_FOOTER = [
  "The Office of Website Management, Bureau of Public Affairs, manages this site as a portal for information from the U.S. State Department.",
  "External links to other Internet sites should not be construed as an endorsement of the views or privacy policies contained therein.",
];
const COLLECTION = "Collected Department Releases";

/** The release as a plain-text file in the seed's shape, with its Blogger chrome variant and line endings. */
export function releaseText(g: GeneratedRelease): string {
  const [y, m, d] = g.date.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const blocks: string[] = [];
  if (g.chrome === "fr") blocks.push(`${JOURS[weekday]} ${d} ${MOIS[m - 1]} ${y}`, `${COLLECTION}: ${g.title}`);
  if (g.chrome === "en") blocks.push(`${DAYS[weekday]}, ${MONTHS[m - 1]} ${d}, ${y}`, `${COLLECTION}: ${g.title}`);
  blocks.push(g.title);
  if (g.type) blocks.push(g.type);
  blocks.push(...g.creatorLines, ...g.places, `${MONTHS[m - 1]} ${d}, ${y}`);
  if (g.preamble) blocks.push(g.preamble);
  blocks.push(...g.paragraphs);
  blocks.push(SITE_FOOTER.join("\n"), "Source: Dept. Of State – Releases", "");
  if (g.chrome === "fr") blocks.push(`${COLLECTION}: ${g.title}`, "Aucun commentaire:", "Enregistrer un commentaire");
  if (g.chrome === "en") blocks.push(`${COLLECTION}: ${g.title}`, "No comments:", "Post a Comment");
  const text = `${blocks.join("\n\n")}\n`;
  return g.crlf ? text.replace(/\n/g, "\r\n") : text;
}

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const LABEL = /^([A-Z][A-Z .'’-]+):\s(.*)$/;

/** RFC 822 date of a release's publication: noon, New York time, written in UTC as WordPress does. */
function pubDate(date: string, hour: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d, hour, 30, 0));
  const p2 = (n: number) => String(n).padStart(2, "0");
  return `${DAY_ABBR[t.getUTCDay()]}, ${p2(t.getUTCDate())} ${MONTH_ABBR[t.getUTCMonth()]} ${t.getUTCFullYear()} ${p2(t.getUTCHours())}:30:00 +0000`;
}

/** A slug for the feed item's link, as state.gov's WordPress makes them. */
function linkSlug(title: string): string {
  return title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[’']/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** One RSS item in state.gov's WordPress shape: creator and place lines opening the HTML body, turns in bold. */
function feedItem(g: GeneratedRelease): string {
  const html = [
    ...[g.creatorLines.join(", "), ...g.places].map((l) => `<p>${escapeHtml(l)}</p>`),
    ...(g.preamble ? [`<p><em>${escapeHtml(g.preamble)}</em></p>`] : []),
    ...g.paragraphs.map((p) => {
      const turn = LABEL.exec(p);
      return turn ? `<p><b>${escapeHtml(turn[1]!)}:</b><span style="font-weight: 400;"> ${escapeHtml(turn[2]!)}</span></p>` : `<p>${escapeHtml(p)}</p>`;
    }),
  ].join("\n");
  return `\t<item>
\t\t<title>${escapeHtml(g.title)}</title>
\t\t<link>https://www.state.gov/${linkSlug(g.title)}-${g.pageId}/</link>
\t\t<dc:creator><![CDATA[${g.creatorLines.join(", ")}]]></dc:creator>
\t\t<pubDate>${pubDate(g.date, 16)}</pubDate>
\t\t<category><![CDATA[]]></category>
\t\t<guid isPermaLink="false">https://www.state.gov/?page_id=${g.pageId}</guid>
\t\t<description><![CDATA[${html}]]></description>
\t</item>`;
}

/** An RSS snapshot holding `items` (newest first), built the day of its newest item. */
export function releaseFeed(items: GeneratedRelease[]): string {
  const sorted = [...items].sort((a, b) => (a.date === b.date ? b.index - a.index : a.date < b.date ? 1 : -1));
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:atom="http://www.w3.org/2005/Atom"
\t>

<channel>
\t<title>Press Releases &#8211; United States Department of State</title>
\t<atom:link href="https://www.state.gov/rss-feed/press-releases/feed/" rel="self" type="application/rss+xml" />
\t<link>https://www.state.gov</link>
\t<description></description>
\t<lastBuildDate>${pubDate(sorted[0]!.date, 17)}</lastBuildDate>
\t<language>en-US</language>
${sorted.map(feedItem).join("\n")}
\t</channel>
</rss>
`;
}

/** Source formats the generator writes. */
export type CorpusFormat = "text" | "feed" | "mixed";

/** Items per generated feed snapshot, as state.gov's feed holds. */
export const FEED_ITEMS = 10;

/** One file of a generated corpus: its path under the sources folder and its text. */
export interface CorpusFile {
  path: string;
  text: string;
}

/**
 * Files of an `n`-release corpus, yielded one at a time so a 100,000-release corpus never sits in memory.
 * `text`: one seed-shaped text file per release. `feed`: releases sorted by date, ten to a snapshot. `mixed`: about
 * a third of the releases in feeds, the rest as text. Release i is the same release whatever `n` is.
 */
export function* corpusFiles(n: number, seed: number, format: CorpusFormat): Generator<CorpusFile> {
  const inFeed = (i: number) => format === "feed" || (format === "mixed" && prng(releaseSeed(seed ^ 0x5bd1e995, i))() < 1 / 3);
  const feedIndexes: number[] = [];
  for (let i = 0; i < n; i++) {
    if (inFeed(i)) {
      feedIndexes.push(i);
      continue;
    }
    const g = generateRelease(seed, i);
    yield { path: `${g.pageId}.txt`, text: releaseText(g) };
  }
  // Snapshots of neighbouring dates, as a feed collected over time would give.
  const dated = feedIndexes.map((i) => ({ i, date: releaseDate(seed, i) })).sort((a, b) => (a.date === b.date ? a.i - b.i : a.date < b.date ? -1 : 1));
  for (let k = 0; k < dated.length; k += FEED_ITEMS) {
    const items = dated.slice(k, k + FEED_ITEMS).map((d) => generateRelease(seed, d.i));
    const newest = items.reduce((a, b) => (b.date > a.date ? b : a));
    yield { path: `state-press-releases-${newest.date}-${String(k / FEED_ITEMS).padStart(5, "0")}.rss`, text: releaseFeed(items) };
  }
}
