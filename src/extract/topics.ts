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
 * The phrases' first words as an automaton read one character of the text at a time, so no word is cut out as a string
 * and each character costs one table step. Its states: outside a word, in a word that begins no first word ("dead"),
 * and the nodes of the first words' trie. A step into an "action" state (numbered from `firstAction`) has something
 * to count, or an apostrophe to look past; every other step only moves on.
 */
interface Automaton {
  /** `next[row + column]`: the row of the state after reading a character of `column` in the state starting at `row`. */
  next: Int32Array;
  /** A character as fold() gives it (below 0x180) → its column: SEPARATOR, APOSTROPHE_COLUMN, OTHER_LETTER or a letter's. */
  foldedColumns: Uint8Array;
  /** Any UTF-16 code unit of a text → its column (that of its fold()): a cache filled as met, UNKNOWN_COLUMN until then. */
  columns: Uint8Array;
  /** Columns per row: a state's row starts at its number times this. */
  width: number;
  /** States from here on are action states: wild stems, words just ended with phrases to try, and the apostrophe. */
  firstAction: number;
  /** The state an apostrophe in a word leads to: whether it stays in the word depends on the character after it. */
  apostropheState: number;
  /** By state: the single-word wildcards ("cyber*") whose stem is the state's node; every word through it matches. */
  wild: (Phrase[] | undefined)[];
  /** By state: the phrases whose first word has just ended (the state entered on the character after it). */
  ended: (Phrase[] | undefined)[];
  /** By state of a node: the phrases whose first word ends at the node. */
  exact: (Phrase[] | undefined)[];
  /** By state of a node: the row of its node past an apostrophe ("women's"), or the dead state's row. */
  afterApostrophe: Int32Array;
}

/** A taxonomy ready to match in one pass over a text, whatever the number of topics. */
export interface CompiledTaxonomy {
  slugs: string[];
  /** The phrases, by their first word. */
  words: Automaton;
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

/** A node of the first words' trie while the automaton is built. */
interface TrieNode {
  children: Map<number, TrieNode>;
  exact: Phrase[];
  wild: Phrase[];
  state: number;
}

/** Columns of the automaton's rows: a character parting words, an apostrophe, a word character no first word has. */
const SEPARATOR = 0;
const APOSTROPHE_COLUMN = 1;
const OTHER_LETTER = 2;
/** Not a column: words() has fewer than 250 characters, so every column is below it. */
const UNKNOWN_COLUMN = 0xff;
/** States of the automaton besides the trie's nodes. */
const OUTSIDE = 0;
const DEAD = 1;

/** Builds the automaton of the phrases' first words. */
function buildAutomaton(phrases: Phrase[]): Automaton {
  const foldedColumns = new Uint8Array(0x180).fill(OTHER_LETTER);
  foldedColumns[0] = SEPARATOR;
  foldedColumns[APOSTROPHE] = APOSTROPHE_COLUMN;
  let width = OTHER_LETTER + 1;
  const newNode = (): TrieNode => ({ children: new Map(), exact: [], wild: [], state: 0 });
  const root = newNode();
  const nodes: TrieNode[] = [];
  for (const p of phrases) {
    let node = root;
    for (let k = 0; k < p.words[0]!.length; k++) {
      const code = p.words[0]!.charCodeAt(k);
      if (code !== APOSTROPHE && foldedColumns[code] === OTHER_LETTER) foldedColumns[code] = width++;
      let child = node.children.get(code);
      if (!child) {
        node.children.set(code, (child = newNode()));
        nodes.push(child);
      }
      node = child;
    }
    // Only a single-word wildcard of three letters or more matches any word it begins; a shorter or multi-word
    // wildcard is found by its whole first word.
    (p.wildcard && p.words.length === 1 && p.words[0]!.length >= 3 ? node.wild : node.exact).push(p);
  }
  // Plain nodes first, then the action states: wild stems, one "just ended" state per node ending first words, and
  // the apostrophe's.
  let states = DEAD + 1;
  for (const node of nodes) if (node.wild.length === 0) node.state = states++;
  const firstAction = states;
  for (const node of nodes) if (node.wild.length > 0) node.state = states++;
  const endedState = new Map<TrieNode, number>();
  for (const node of nodes) if (node.exact.length > 0) endedState.set(node, states++);
  const apostropheState = states++;

  const next = new Int32Array(states * width);
  const wild: (Phrase[] | undefined)[] = new Array(states).fill(undefined);
  const ended: (Phrase[] | undefined)[] = new Array(states).fill(undefined);
  const exact: (Phrase[] | undefined)[] = new Array(states).fill(undefined);
  const afterApostrophe = new Int32Array(states).fill(DEAD * width);
  /** Fills a state's row: `into` is the trie node whose children its letters lead to, or null for none (all dead). */
  const fillRow = (state: number, into: TrieNode | null, onSeparator: number, onApostrophe: number) => {
    const row = state * width;
    next.fill(DEAD * width, row, row + width);
    next[row + SEPARATOR] = onSeparator * width;
    next[row + APOSTROPHE_COLUMN] = onApostrophe * width;
    if (into) for (const [code, child] of into.children) if (code !== APOSTROPHE) next[row + foldedColumns[code]!] = child.state * width;
  };
  fillRow(OUTSIDE, root, OUTSIDE, OUTSIDE);
  fillRow(DEAD, null, OUTSIDE, apostropheState);
  for (const node of nodes) {
    fillRow(node.state, node, endedState.get(node) ?? OUTSIDE, apostropheState);
    if (node.wild.length > 0) wild[node.state] = node.wild;
    if (node.exact.length > 0) {
      exact[node.state] = node.exact;
      ended[endedState.get(node)!] = node.exact;
    }
    const pastApostrophe = node.children.get(APOSTROPHE);
    if (pastApostrophe) afterApostrophe[node.state] = pastApostrophe.state * width;
  }
  // A word just ended: what follows reads as outside a word. The apostrophe's state is left at once, never read from.
  for (const state of endedState.values()) fillRow(state, root, OUTSIDE, OUTSIDE);
  const columns = new Uint8Array(0x10000).fill(UNKNOWN_COLUMN);
  return { next, foldedColumns, columns, width, firstAction, apostropheState, wild, ended, exact, afterApostrophe };
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
  return { slugs: taxonomy.topics.map((t) => t.slug), words: buildAutomaton(phrases), acronyms, acronymTopics };
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
  countWords(text.includes(LONGER_IN_LOWER_CASE) ? text.toLowerCase() : text, taxonomy.words, scores, weight);
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

/** Adds the phrases of a first word that ends at `end` and whose other words follow it there. */
function countPhrases(phrases: Phrase[], text: string, end: number, scores: number[], weight: number): void {
  for (const p of phrases) if (restFollows(p, text, end)) scores[p.topic]! += weight;
}

/**
 * Adds the matches of the phrases (not acronyms) in `text` as count() does, one automaton step per character. "İ"
 * becomes two characters in lower case, the second a separator, so a text with it is given here lower-cased whole.
 */
function countWords(text: string, automaton: Automaton, scores: number[], weight: number): void {
  const { next, foldedColumns, columns, width } = automaton;
  const firstActionRow = automaton.firstAction * width;
  const n = text.length;
  let row = OUTSIDE * width;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let column = columns[code]!;
    if (column === UNKNOWN_COLUMN) column = columns[code] = foldedColumns[fold(code)]!;
    const to = next[row + column]!;
    row = to < firstActionRow ? to : act(automaton, text, i, row, to, scores, weight);
  }
  // A word that ends the text ends there.
  const phrases = automaton.exact[row / width];
  if (phrases) countPhrases(phrases, text, n, scores, weight);
}

/** Does what a step from `row` into the action state `to` at character `i` calls for; returns the row to go on from. */
function act(automaton: Automaton, text: string, i: number, row: number, to: number, scores: number[], weight: number): number {
  const { width } = automaton;
  const state = to / width;
  if (state === automaton.apostropheState) {
    // An apostrophe stays in a word only between two word characters ("women's"); else the word ended before it.
    if (i + 1 < text.length && fold(text.charCodeAt(i + 1)) > APOSTROPHE) to = automaton.afterApostrophe[row / width]!;
    else {
      const phrases = automaton.exact[row / width];
      if (phrases) countPhrases(phrases, text, i, scores, weight);
      return OUTSIDE * width;
    }
  }
  const stems = automaton.wild[to / width];
  if (stems) for (const p of stems) scores[p.topic]! += weight;
  const phrases = automaton.ended[to / width];
  if (phrases) countPhrases(phrases, text, i, scores, weight);
  return to;
}

/** Each topic's score in a release: its phrases' mentions, a title mention counting TITLE_WEIGHT times. */
export function topicScores(title: string, text: string, taxonomy: CompiledTaxonomy): number[] {
  const scores: number[] = new Array(taxonomy.slugs.length).fill(0);
  count(title, taxonomy, scores, TITLE_WEIGHT);
  count(text, taxonomy, scores, 1);
  return scores;
}

/** The slugs of the topics a release is about, most mentioned first (ties by slug), at most six. */
export function rankTopics(title: string, text: string, taxonomy: CompiledTaxonomy): string[] {
  const scores = topicScores(title, text, taxonomy);
  const { slugs } = taxonomy;
  const ranked: number[] = [];
  for (let topic = 0; topic < scores.length; topic++) if (scores[topic]! >= MIN_SCORE) ranked.push(topic);
  ranked.sort((a, b) => scores[b]! - scores[a]! || (slugs[a]! < slugs[b]! ? -1 : 1));
  const out: string[] = [];
  for (let k = 0; k < ranked.length && k < MAX_TOPICS; k++) out.push(slugs[ranked[k]!]!);
  return out;
}
