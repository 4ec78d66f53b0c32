// Writes front matter with the yaml library, remembering what it wrote for each top-level field and one-line string (both recur).
import { Document, type Scalar, type ScalarTag, type Tags } from "yaml";

/** yaml's options for front matter: no line folding, plain scalars where YAML allows them. */
const OPTIONS = { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" } as const;

/** The core schema's string tag, as yaml defines it. */
const STRING_TAG = "tag:yaml.org,2002:str";

/**
 * How yaml wrote each one-line string, by context: keys and most values (field names, people, country codes,
 * topics, offices) recur from release to release, and yaml spends most of its time deciding how to write a string.
 * The context key is what that decision reads of yaml's stringify context: implicit key or not, in a flow
 * collection or not, and the indentation. Multi-line strings (block scalars, whose writing calls back into the
 * collection around them) and strings yaml writes specially at a document's start ("---", "...", "%") are never kept.
 */
const written = new Map<number, Map<string, string>>();
/** Entries kept at most: an archive's unique titles and ids would otherwise grow it without bound. */
const MAX_WRITTEN = 50_000;
let writtenCount = 0;

/**
 * How yaml wrote each top-level field (`key: value` and its nested lines), by the key and the value's content.
 * Most fields of a release (`type`, `office`, empty lists, `corrected: null`, common speakers and countries) are
 * the same as in some earlier release, and building yaml's nodes for them again costs more than the lookup.
 */
const writtenPairs = new Map<string, string>();
/** Characters kept at most (keys and texts together), so unique fields (ids, titles, sources) cannot pile up. */
const MAX_PAIR_CHARS = 4_000_000;
let pairChars = 0;

/** Forgets the strings and fields written so far (for benchmarks that measure a cold run). */
export function clearYamlCache(): void {
  written.clear();
  writtenCount = 0;
  writtenPairs.clear();
  pairChars = 0;
}

/** yaml's core tags with its string tag wrapped so that one-line strings are written once per context. */
function rememberingTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag === "string" || !("tag" in tag) || tag.tag !== STRING_TAG || !("stringify" in tag) || !tag.stringify) return tag;
    const stringify = tag.stringify.bind(tag);
    const remembering: ScalarTag = {
      ...(tag as ScalarTag),
      stringify(item, ctx, onComment, onChompKeep) {
        const value = (item as Scalar).value;
        if (typeof value !== "string" || (item as Scalar).type || value.includes("\n") || /^(?:%|---|\.\.\.)/.test(value)) return stringify(item, ctx, onComment, onChompKeep);
        const key = (ctx.implicitKey ? 1 : 0) + (ctx.inFlow ? 2 : 0) + ctx.indent.length * 4;
        let out = written.get(key)?.get(value);
        if (out === undefined) {
          out = stringify(item, ctx, onComment, onChompKeep);
          if (writtenCount >= MAX_WRITTEN) {
            written.clear();
            writtenCount = 0;
          }
          let byValue = written.get(key);
          if (!byValue) written.set(key, (byValue = new Map()));
          byValue.set(value, out);
          writtenCount++;
        }
        return out;
      },
    };
    return remembering;
  });
}

/** The wrapped tags, made once: yaml asks for them with every Document it builds. */
let tagsMade: Tags | undefined;
const customTags = (tags: Tags): Tags => (tagsMade ??= rememberingTags(tags));

/**
 * A text that stands for a value exactly as yaml sees it: two values with the same text are written the same way.
 * Only JSON-like data has one (strings, finite numbers other than -0, booleans, null, arrays, plain objects without
 * undefined members); anything else (a Date, a Map, a class instance, a hole) gives undefined and is never remembered.
 */
function contentKey(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? String(value) : undefined;
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) {
        let out = "[";
        for (let i = 0; i < value.length; i++) {
          const item = i in value ? contentKey(value[i]) : undefined;
          if (item === undefined) return undefined;
          out += i === 0 ? item : `,${item}`;
        }
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return undefined;
      let out = "{";
      let first = true;
      for (const k of Object.keys(value)) {
        const item = contentKey((value as Record<string, unknown>)[k]);
        if (item === undefined) return undefined;
        out += `${first ? "" : ","}${JSON.stringify(k)}:${item}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      return undefined;
  }
}

/**
 * A value as a YAML document (no anchors or aliases: a value written twice is written out twice, and skipping the
 * search for repeats is faster). No directives are written, so yaml need not walk the tree looking for tags.
 */
function writeDocument(value: unknown): string {
  return new Document(value, { ...OPTIONS, aliasDuplicateObjects: false, customTags }).toString({ ...OPTIONS, directives: false });
}

/**
 * One document whose contents are replaced for each field written: building a Document (options, directives,
 * schema and its tags) costs more than writing a small field, and `new Document(v, o)` is `createNode(v, o)` on a
 * fresh one. Nothing else of the document changes between fields (no comments, directives or anchors).
 */
const fieldDocument = new Document(null, { ...OPTIONS, aliasDuplicateObjects: false, customTags });
const CREATE = { aliasDuplicateObjects: false } as const;
const TO_STRING = { ...OPTIONS, directives: false } as const;

/** One field `key: value` as yaml writes it alone in a document. */
function writeField(key: string, value: unknown): string {
  fieldDocument.contents = fieldDocument.createNode({ [key]: value }, CREATE);
  const text = fieldDocument.toString(TO_STRING);
  fieldDocument.contents = null;
  return text;
}

/**
 * Writes a mapping as a YAML document. yaml writes a top-level block mapping as its pairs, each written on its own
 * and joined by line breaks, so the document of `{a, b}` is the document of `{a}` followed by that of `{b}`: each
 * field is written by yaml as a one-field document, and remembered by its key and content (test/emit/
 * yaml-writer.property.test.ts checks the whole against yaml's own stringify). Anything else is written whole.
 */
export function writeYaml(value: unknown): string {
  if (typeof value !== "object" || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return writeDocument(value);
  const record = value as Record<string, unknown>;
  let out = "";
  for (const key of Object.keys(record)) {
    const field = record[key];
    // yaml leaves out a pair whose value is undefined.
    if (field === undefined) continue;
    const content = contentKey(field);
    const cacheKey = content === undefined ? undefined : `${JSON.stringify(key)}:${content}`;
    let pair = cacheKey === undefined ? undefined : writtenPairs.get(cacheKey);
    if (pair === undefined) {
      pair = writeField(key, field);
      if (cacheKey !== undefined) {
        if (pairChars > MAX_PAIR_CHARS) {
          writtenPairs.clear();
          pairChars = 0;
        }
        writtenPairs.set(cacheKey, pair);
        pairChars += cacheKey.length + pair.length;
      }
    }
    out += pair;
  }
  // An empty mapping is written `{}`, not as nothing.
  return out === "" ? writeDocument(value) : out;
}
