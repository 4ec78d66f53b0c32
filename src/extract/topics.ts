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

/**
 * The phrases' first words as a trie over lower-cased characters, walked character by character while the text is
 * read, so no word of the text is ever cut out as a string or hashed. Node 1 is the root; node 0 is "no match", and
 * its row is all zeros, so once a walk falls off the trie it stays off without a test.
 */
interface Trie {
  /** `next[node * width + alpha[code]]`: the child of a node by a character; 0 when there is none. */
  next: Int32Array;
  /** A character code (lower-case word character or apostrophe, all below 0x180) → its column, 0 when no first word has it. */
  alpha: Uint16Array;
  width: number;
  /** Phrases whose first word ends at a node (the whole word must end there). */
  exact: (Phrase[] | undefined)[];
  /** Single-word wildcards ("cyber*") whose stem ends at a node: every word passing through the node matches. */
  wild: (Phrase[] | undefined)[];
}

/** A taxonomy ready to match in one pass over a text, whatever the number of topics. */
export interface CompiledTaxonomy {
  slugs: string[];
  /** The phrases, by their first word. */
  trie: Trie;
  /** Acronyms (ISIS, WHO, G7) match only in capitals, so "who" is not the WHO: one pattern, one group per topic. */
  acronyms: RegExp | null;
  /** The topic of each of the acronym pattern's groups. */
  acronymTopics: number[];
}

/** Lower-case words of a text: letters, digits, apostrophes and "+"; hyphens and spaces part them. */
function words(text: string): string[] {
  // An apostrophe inside a word is kept ("women's"); quotes around words are not.
  return text.toLowerCase().replace(/’/g, "'").match(/[a-z0-9à-öø-ÿā-ſ+]+(?:'[a-z0-9à-öø-ÿā-ſ+]+)*/g) ?? [];
}

const APOSTROPHE = 0x27;
/** A character of words(): a-z, 0-9, "+", à-ö, ø-ÿ, ā-ſ (compared as UTF-16 code units, as the pattern does). */
const isWordCode = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || (c >= 0xe0 && c <= 0xf6) || (c >= 0xf8 && c <= 0xff) || (c >= 0x101 && c <= 0x17f);

/**
 * Each UTF-16 code unit as words() reads it after lower-casing: its lower-case code when that is a word character,
 * APOSTROPHE for ' and ’, else 0 (a separator). Filled lazily (0xffff = not yet known), so the text itself is never
 * lower-cased: words() would copy it whole. Lower-casing one unit at a time gives the same characters as lower-casing
 * the text, except "İ" (two characters, "i̇"), which count() handles by lower-casing that text whole.
 */
const FOLD = new Uint16Array(0x10000).fill(0xffff);
function fold(c: number): number {
  const f = FOLD[c]!;
  if (f !== 0xffff) return f;
  const lower = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return (FOLD[c] = c === 0x2019 || lower === APOSTROPHE ? APOSTROPHE : isWordCode(lower) ? lower : 0);
}

/** The only code unit whose lower case is longer than itself (guarded by a test over every code unit). */
const LONGER_IN_LOWER_CASE = "\u0130";

const isAcronym = (p: string) => /[A-Z].*[A-Z]/.test(p) && !/[a-z]/.test(p.replace(/s$/, ""));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Builds the trie of the phrases' first words. */
function buildTrie(phrases: Phrase[]): Trie {
  const alpha = new Uint16Array(0x180);
  let width = 1;
  for (const p of phrases) for (const ch of p.words[0]!) if (alpha[ch.charCodeAt(0)] === 0) alpha[ch.charCodeAt(0)] = width++;
  // Grown as nodes are added: row 0 (no match) and row 1 (the root) first.
  let next = new Int32Array(width * 64);
  let nodes = 2;
  const exact: (Phrase[] | undefined)[] = [];
  const wild: (Phrase[] | undefined)[] = [];
  for (const p of phrases) {
    let node = 1;
    for (const ch of p.words[0]!) {
      const at = node * width + alpha[ch.charCodeAt(0)]!;
      if (next[at] === 0) {
        if (nodes * width >= next.length) {
          const bigger = new Int32Array(next.length * 2);
          bigger.set(next);
          next = bigger;
        }
        next[at] = nodes++;
      }
      node = next[at]!;
    }
    // Only a single-word wildcard of three letters or more matches any word it begins; a shorter or multi-word
    // wildcard is found by its whole first word.
    const list = p.wildcard && p.words.length === 1 && p.words[0]!.length >= 3 ? wild : exact;
    (list[node] ??= []).push(p);
  }
  return { next, alpha, width, exact, wild };
}

/** Compiles a taxonomy into a word index (and one pattern for acronyms). */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const phrases: Phrase[] = [];
  const acronymGroups: string[] = [];
  const acronymTopics: number[] = [];
  taxonomy.topics.forEach((t, topic) => {
    const acronyms: string[] = [];
    for (const raw of t.phrases) {
      if (isAcronym(raw)) {
        acronyms.push(escape(raw));
        continue;
      }
      const wildcard = raw.endsWith("*");
      const w = words(wildcard ? raw.slice(0, -1) : raw);
      if (w.length > 0) phrases.push({ topic, words: w, wildcard });
    }
    if (acronyms.length > 0) {
      acronymGroups.push(`(${acronyms.join("|")})`);
      acronymTopics.push(topic);
    }
  });
  // An acronym must not follow a letter or digit. When every acronym starts with one, that is a word boundary not
  // after "_": a leading \b lets the engine skip to candidate positions, where a leading lookbehind is ten times slower.
  const wordStart = taxonomy.topics.every((t) => t.phrases.filter(isAcronym).every((p) => /^[A-Za-z0-9]/.test(p)));
  const notAfterWord = wordStart ? String.raw`\b(?<!_)` : "(?<![A-Za-z0-9])";
  const acronyms = acronymGroups.length > 0 ? new RegExp(`${notAfterWord}(?:${acronymGroups.join("|")})(?![A-Za-z0-9])`, "g") : null;
  return { slugs: taxonomy.topics.map((t) => t.slug), trie: buildTrie(phrases), acronyms, acronymTopics };
}

/** Where the word that ends at `end` is followed by the next word of `text`: its start, or -1 at the end of text. */
function nextWordStart(text: string, end: number): number {
  for (let i = end; i < text.length; i++) {
    const f = fold(text.charCodeAt(i));
    if (f !== 0 && f !== APOSTROPHE) return i;
  }
  return -1;
}

/** Where the word starting at `start` ends: word characters, and an apostrophe only between two of them. */
function wordEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    while (i < text.length && fold(text.charCodeAt(i)) > APOSTROPHE) i++;
    if (i + 1 < text.length && fold(text.charCodeAt(i)) === APOSTROPHE && fold(text.charCodeAt(i + 1)) > APOSTROPHE) i += 2;
    else return i;
  }
}

/** True when the word of `text` from `start` to `end` is `word` (or, with `prefix`, begins with it). */
function wordIs(text: string, start: number, end: number, word: string, prefix: boolean): boolean {
  if (prefix ? end - start < word.length : end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (fold(text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** True when the words after a phrase's first word (which ends at `end`) follow it in `text`. */
function restFollows(p: Phrase, text: string, end: number): boolean {
  const n = p.words.length;
  for (let k = 1; k < n; k++) {
    const start = nextWordStart(text, end);
    if (start < 0) return false;
    end = wordEnd(text, start);
    if (!wordIs(text, start, end, p.words[k]!, p.wildcard && k === n - 1)) return false;
  }
  // A one-word phrase ended where the word ended; a one-word short wildcard is looked up by its whole word too.
  return true;
}

/** Adds, per topic, how many times its phrases occur in `text`, times `weight`. */
function count(text: string, taxonomy: CompiledTaxonomy, scores: number[], weight: number): void {
  countWords(text.includes(LONGER_IN_LOWER_CASE) ? text.toLowerCase() : text, taxonomy.trie, scores, weight);
  if (taxonomy.acronyms) {
    const re = taxonomy.acronyms;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      let group = 1;
      while (m[group] === undefined) group++;
      scores[taxonomy.acronymTopics[group - 1]!]! += weight;
    }
  }
}

/**
 * Adds the matches of the phrases (not acronyms) in `text` as count() does. "İ" becomes two characters in lower case,
 * the second a separator, so a text with it is given here lower-cased whole.
 */
function countWords(text: string, trie: Trie, scores: number[], weight: number): void {
  const { next, alpha, width, exact, wild } = trie;
  const n = text.length;
  // Word by word as words() cuts them, walking the trie along each word's characters.
  let i = 0;
  while (i < n) {
    let f = fold(text.charCodeAt(i));
    if (f <= APOSTROPHE) {
      i++;
      continue;
    }
    let node = 1;
    for (;;) {
      // Characters (below 0x180) that no first word has lead to row 0; most words fall off the trie within a letter
      // or two, and their rest is only skipped.
      node = next[node * width + alpha[f]!]!;
      if (node === 0) {
        i = wordEnd(text, i);
        break;
      }
      const stems = wild[node];
      if (stems) for (const p of stems) scores[p.topic]! += weight;
      if (++i >= n) break;
      f = fold(text.charCodeAt(i));
      if (f > APOSTROPHE) continue;
      // An apostrophe stays in the word only between two word characters ("women's").
      if (f === 0 || i + 1 >= n) break;
      const after = fold(text.charCodeAt(i + 1));
      if (after <= APOSTROPHE) break;
      node = next[node * width + alpha[APOSTROPHE]!]!;
      f = after;
      i++;
    }
    const phrases = exact[node];
    if (phrases) for (const p of phrases) if (restFollows(p, text, i)) scores[p.topic]! += weight;
  }
}

/** Each topic's score in a release: its phrases' mentions, a title mention counting TITLE_WEIGHT times. */
export function topicScores(title: string, text: string, taxonomy: CompiledTaxonomy): number[] {
  const scores = taxonomy.slugs.map(() => 0);
  count(title, taxonomy, scores, TITLE_WEIGHT);
  count(text, taxonomy, scores, 1);
  return scores;
}

/** The slugs of the topics a release is about, most mentioned first (ties by slug), at most six. */
export function rankTopics(title: string, text: string, taxonomy: CompiledTaxonomy): string[] {
  const scores = topicScores(title, text, taxonomy);
  return taxonomy.slugs
    .map((slug, i) => ({ slug, score: scores[i]! }))
    .filter((t) => t.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1))
    .slice(0, MAX_TOPICS)
    .map((t) => t.slug);
}
