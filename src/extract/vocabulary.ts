// Word lists that tell titles, offices and release types apart from names; shared by the header rules.

/** Words that mark a job title ("Secretary", "Minister") and so can never be part of a personal name. */
export const TITLE_WORDS = new Set(
  (
    "secretary minister chancellor president premier ambassador director spokesperson advisor adviser " +
    "administrator coordinator envoy deputy assistant acting under principal special senior foreign prime chief " +
    "counselor counsellor chair chairman chairwoman chairperson head representative consul attaché attache " +
    "undersecretary commissioner governor mayor king queen prince princess emir sultan sheikh general admiral " +
    "colonel officer executive commander leader speaker senator congressman congresswoman delegate member " +
    "charge chargé d'affaires vice lead manager spokesman spokeswoman minister-president foreign-minister " +
    "high ambassador-at-large emissary negotiator"
  ).split(/\s+/),
);

/** Words that belong to organisation names ("Affairs", "Bureau") and so end a name read backwards. */
export const ORGANISATION_WORDS = new Set(
  (
    "affairs bureau office department agency ministry council committee operations resources development " +
    "security health state states nations union organization organisation commission programs program " +
    "services service response policy relations management administration government republic kingdom " +
    "embassy mission coalition isis task force initiative fund foundation trafficking persons migration " +
    "refugees population democracy rights labor environment energy economic economics issues cyber communications " +
    "information technology trade law enforcement narcotics counterterrorism terrorism counternarcotics climate " +
    "justice treasury intelligence planning science education culture agriculture finance budget sector minerals " +
    "land commerce defense homeland cooperation forum dialogue conference group arms control nonproliferation " +
    "verification compliance stabilization conflict humanitarian oceans fisheries consular diplomatic diplomacy " +
    "political military public partnerships partnership assistance crime corruption finance financial sanctions " +
    "counterproliferation proliferation missile nuclear space arctic antarctic water health-security covid-19 " +
    "protocol passport visa services operations staff cabinet parliament congress senate house court"
  ).split(/\s+/),
);

/** Region and scope words that start titles and organisation names ("East Asian and Pacific Affairs"), never names. */
export const GEOGRAPHIC_WORDS = new Set(
  (
    "east west north south central eastern western northern southern near middle far asian pacific atlantic arctic " +
    "european african american hemisphere latin caribbean indo-pacific gulf global international national regional " +
    "federal multilateral bilateral strategic economic political military civil public private"
  ).split(/\s+/),
);

/** Lower-case words that join a title or an organisation name, never a personal name. */
export const JOINING_WORDS = new Set(["of", "for", "the", "and", "to", "on", "in", "at", "&"]);

/** Lower-case particles that may sit inside a personal name ("Alexandra de Hoop Scheffer"). */
export const NAME_PARTICLES = new Set(["de", "da", "di", "del", "der", "den", "van", "von", "bin", "bint", "al", "el", "la", "le", "du", "dos", "das", "ibn", "ben", "y"]);

/** Honorifics that precede a name but are not part of it. */
export const HONORIFICS = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Rev|H\.E|HE)\.?$/;

/** Name suffixes that follow a comma yet belong to the name ("Surangel Whipps, Jr."). */
export const NAME_SUFFIXES = /^(?:Jr|Sr|II|III|IV)\.?$/;

/** Release types the Department uses, matched case-insensitively against a whole header line. */
export const RELEASE_TYPES = [
  "Press Statement",
  "Media Note",
  "Remarks",
  "Fact Sheet",
  "Readout",
  "Joint Statement",
  "Special Briefing",
  "Department Press Briefing",
  "Press Briefing",
  "Background Briefing",
  "Taken Question",
  "Taken Questions",
  "Notice to the Press",
  "Interview",
  "Testimony",
  "Statement",
  "Speech",
  "Op-Ed",
  "Public Schedule",
  "Travel Alert",
  "Travel Warning",
  "Announcement",
  "Letter",
  "Report",
  "Readout of a Call",
  "Remarks to the Press",
  "Press Release",
  "Briefing",
];

/** Each release type by its lower-case form (the first of the list when two share one), looked up for every header line. */
const RELEASE_TYPE_BY_LOWER = new Map<string, string>();
for (const k of RELEASE_TYPES) if (!RELEASE_TYPE_BY_LOWER.has(k.toLowerCase())) RELEASE_TYPE_BY_LOWER.set(k.toLowerCase(), k);

/** Words that may qualify a release type ("Joint Press Statement", "On-the-Record Briefing"). */
const TYPE_FAMILY =
  /^(?:(?:joint|press|special|department|background|on-the-record|on the record|media|fact|taken|daily|public|virtual|telephonic|senior state department official|teleconference)\s+)*(?:statement|note|remarks|sheet|readout|briefing|question|questions|interview|testimony|speech|op-ed|schedule|release|announcement|notice to the press)$/i;

/** Returns the release type a header line names, spelled as the Department spells it, or null. */
export function readReleaseType(line: string): string | null {
  const t = line.trim().replace(/[.:]$/, "");
  const known = RELEASE_TYPE_BY_LOWER.get(t.toLowerCase());
  if (known) return known;
  return t.length <= 48 && TYPE_FAMILY.test(t) ? t : null;
}

/** True for a line naming an issuing office ("Office of the Spokesperson", "Bureau of Consular Affairs"). */
export function isOfficeLine(line: string): boolean {
  const t = line.trim();
  return (
    /^(?:The\s+)?(?:U\.S\.\s+|United States\s+)?(?:Office|Bureau|Department|Mission|Embassy|Consulate(?: General)?|Agency|Secretariat|Delegation|Permanent Mission)\b/.test(t) &&
    !/\d/.test(t) &&
    t.length <= 120
  );
}

/**
 * Header lines are written in title case: every word is capitalised, a number, a joining word ("of", "the") or a
 * name particle. A lower-case verb ("will travel") shows the line is a sentence of the statement, not a header line.
 */
export function isHeaderWord(w: string): boolean {
  return /^[A-ZÀ-ÖØ-ÞĀ-ſ\d(“"'‘&–—-]/.test(w) || JOINING_WORDS.has(w) || NAME_PARTICLES.has(w) || /^d['’][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0300-\u036f]/.test(w);
}
