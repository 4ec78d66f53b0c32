// Every match of a global pattern, as `text.matchAll(re)` gives them, read with `exec` (V8's matchAll is 2-3 times slower).

/**
 * The matches of the global pattern `re` in `text`, in order, exactly as `[...text.matchAll(re)]` (an empty match
 * moves on by one character, or one code point under the `u` or `v` flag). matchAll clones the pattern and goes through
 * an iterator for every match; the entity rules read every word of every release this way, so it matters.
 * `re` is left with `lastIndex` 0; it must not be used by `re`'s other readers while this runs (it returns before
 * any caller reads the matches).
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes("v"));
  }
  re.lastIndex = 0;
  return out;
}

/** The index after the character at `i` (a whole surrogate pair in unicode mode), as the spec's AdvanceStringIndex. */
function advance(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
}
