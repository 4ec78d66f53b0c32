// Ranks a release's topics: the taxonomy's phrases counted in its title and text, at most six topics.
import type { Taxonomy } from "../model/taxonomy.ts";

/** How many topics a release gets at most. */
export const MAX_TOPICS = 6;
/** A title mention counts this many times a body mention. */
const TITLE_WEIGHT = 3;
/** A topic must score this much to count: one passing mention is not what a statement is about. */
const MIN_SCORE = 2;

/** One phrase as lower-case words to match in a row; a wildcard's last word matches any word it begins. */
interface Phrase {
  topic: number;
  words: string[];
  wildcard: boolean;
}

/** A taxonomy ready to match in one pass over a text, whatever the number of topics. */
export interface CompiledTaxonomy {
  slugs: string[];
  /** Phrases by the hash of their first word ({@link wordHash}); a hit is checked against the words themselves. */
  byFirstWord: Map<number, Phrase[]>;
  /** Phrases whose first word is a wildcard ("cyber*"), by a number made of that word's first three letters. */
  wildFirst: Map<number, Phrase[]>;
  /** Acronyms (ISIS, WHO, G7) match only in capitals, so "who" is not the WHO: one pattern, one group per topic. */
  acronyms: RegExp | null;
  /** The topic of each of the acronym pattern's groups. */
  acronymTopics: number[];
}

/** Lower-case words of a text: letters, digits, apostrophes and "+"; hyphens and spaces part them. */
function words(text: string): string[] {
  // An apostrophe inside a word is kept ("women's"); quotes around words are not.
  return lowerText(text).match(/[a-z0-9à-öø-ÿā-ſ+]+(?:'[a-z0-9à-öø-ÿā-ſ+]+)*/g) ?? [];
}

/** The text as words are matched in: lower case, one apostrophe. */
const lowerText = (text: string) => text.toLowerCase().replace(/’/g, "'");

/** True for a character of `words`' class `[a-z0-9à-öø-ÿā-ſ+]` (in lower-cased text). */
function isWordChar(c: number): boolean {
  return c < 0x80 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 : (c >= 0xe0 && c <= 0xff && c !== 0xf7) || (c >= 0x101 && c <= 0x17f);
}

/** A 32-bit hash of `s.slice(start, end)`, computed in place so that words are looked up without being allocated. */
function wordHash(s: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  // Kept within V8's small integers, so maps look it up without allocating a number.
  return h & 0x3fffffff;
}

/** A number standing for a word's first three letters, so looking up wildcards allocates nothing. */
const prefixKey = (w: string, at = 0) => w.charCodeAt(at) * 1_000_000 + w.charCodeAt(at + 1) * 1_000 + w.charCodeAt(at + 2);

const isAcronym = (p: string) => /[A-Z].*[A-Z]/.test(p) && !/[a-z]/.test(p.replace(/s$/, ""));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Compiles a taxonomy into a word index (and one pattern for acronyms). */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const compiled: CompiledTaxonomy = { slugs: taxonomy.topics.map((t) => t.slug), byFirstWord: new Map(), wildFirst: new Map(), acronyms: null, acronymTopics: [] };
  const acronymGroups: string[] = [];
  taxonomy.topics.forEach((t, topic) => {
    const acronyms: string[] = [];
    for (const raw of t.phrases) {
      if (isAcronym(raw)) {
        acronyms.push(escape(raw));
        continue;
      }
      const wildcard = raw.endsWith("*");
      const w = words(wildcard ? raw.slice(0, -1) : raw);
      if (w.length === 0) continue;
      const phrase = { topic, words: w, wildcard };
      const add = (index: Map<number, Phrase[]>, key: number) => index.set(key, [...(index.get(key) ?? []), phrase]);
      if (wildcard && w.length === 1 && w[0]!.length >= 3) add(compiled.wildFirst, prefixKey(w[0]!));
      else add(compiled.byFirstWord, wordHash(w[0]!, 0, w[0]!.length));
    }
    if (acronyms.length > 0) {
      acronymGroups.push(`(${acronyms.join("|")})`);
      compiled.acronymTopics.push(topic);
    }
  });
  // An acronym must not follow a letter or digit. When every acronym starts with one, that is a word boundary not
  // after "_": a leading \b lets the engine skip to candidate positions, where a leading lookbehind is ten times slower.
  const wordStart = taxonomy.topics.every((t) => t.phrases.filter(isAcronym).every((p) => /^[A-Za-z0-9]/.test(p)));
  const notAfterWord = wordStart ? String.raw`\b(?<!_)` : "(?<![A-Za-z0-9])";
  if (acronymGroups.length > 0) compiled.acronyms = new RegExp(`${notAfterWord}(?:${acronymGroups.join("|")})(?![A-Za-z0-9])`, "g");
  return compiled;
}

/**
 * The words of a lower-cased text as offsets: word `i` is `text.slice(starts[i], ends[i])`. Words are cut as
 * `words` cuts them (a run of word characters, an apostrophe inside a word kept) but never allocated: a text's
 * hundreds of words are looked up by hash, and only a hit is compared letter by letter.
 */
class WordRuns {
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  count = 0;
  text = "";
  read(text: string): void {
    this.text = text;
    this.count = 0;
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isWordChar(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      i++;
      for (;;) {
        while (i < n && isWordChar(text.charCodeAt(i))) i++;
        // "'" continues the word only when a word character follows it.
        if (i + 1 < n && text.charCodeAt(i) === 39 && isWordChar(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
      if (this.count === this.starts.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.starts = grow(this.starts);
        this.ends = grow(this.ends);
      }
      this.starts[this.count] = start;
      this.ends[this.count] = i;
      this.count++;
    }
  }
  /** True when word `i` is `w`. */
  is(i: number, w: string): boolean {
    return this.ends[i]! - this.starts[i]! === w.length && this.text.startsWith(w, this.starts[i]!);
  }
  /** True when word `i` begins with `w`. */
  begins(i: number, w: string): boolean {
    return this.ends[i]! - this.starts[i]! >= w.length && this.text.startsWith(w, this.starts[i]!);
  }
}

const runs = new WordRuns();

/** True when phrase `p` occurs at word `i`. */
function matchesAt(p: Phrase, i: number, w: WordRuns): boolean {
  const n = p.words.length;
  if (i + n > w.count) return false;
  for (let k = 0; k < n - 1; k++) if (!w.is(i + k, p.words[k]!)) return false;
  return p.wildcard ? w.begins(i + n - 1, p.words[n - 1]!) : w.is(i + n - 1, p.words[n - 1]!);
}

/** Adds, per topic, how many times its phrases occur in `text`, times `weight`. */
function count(text: string, taxonomy: CompiledTaxonomy, scores: number[], weight: number): void {
  const w = runs;
  w.read(lowerText(text));
  const lower = w.text;
  for (let i = 0; i < w.count; i++) {
    const start = w.starts[i]!;
    const end = w.ends[i]!;
    const exact = taxonomy.byFirstWord.get(wordHash(lower, start, end));
    // The bucket is a hash's: its phrases' first word must be this very word (a short wildcard too).
    if (exact) for (const p of exact) if (w.is(i, p.words[0]!) && matchesAt(p, i, w)) scores[p.topic]! += weight;
    if (end - start >= 3) {
      const wild = taxonomy.wildFirst.get(prefixKey(lower, start));
      if (wild) for (const p of wild) if (matchesAt(p, i, w)) scores[p.topic]! += weight;
    }
  }
  if (taxonomy.acronyms) {
    for (const m of text.matchAll(taxonomy.acronyms)) {
      const group = m.findIndex((g, k) => k > 0 && g !== undefined);
      if (group > 0) scores[taxonomy.acronymTopics[group - 1]!]! += weight;
    }
  }
}

/** The slugs of the topics a release is about, most mentioned first (ties by slug), at most six. */
export function rankTopics(title: string, text: string, taxonomy: CompiledTaxonomy): string[] {
  const scores = taxonomy.slugs.map(() => 0);
  count(title, taxonomy, scores, TITLE_WEIGHT);
  count(text, taxonomy, scores, 1);
  return taxonomy.slugs
    .map((slug, i) => ({ slug, score: scores[i]! }))
    .filter((t) => t.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1))
    .slice(0, MAX_TOPICS)
    .map((t) => t.slug);
}
