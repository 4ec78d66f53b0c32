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

/** What is remembered of one top-level field: yaml's text by string value, and by the JSON text of other values. */
interface FieldMemory {
  byString: Map<string, string>;
  byJson: Map<string, string>;
  /** Lookups and hits so far: a field that is nearly always new (an id, a title, a source) stops being looked up. */
  lookups: number;
  hits: number;
}

/**
 * How yaml wrote each top-level field (`key: value` and its nested lines), by key, then by the value. Most fields
 * of a release are the same as in some earlier release, and building yaml's nodes for them again costs far more
 * than the lookup. A string is looked up as itself (V8 keeps a string's hash, so that is cheap).
 */
const writtenFields = new Map<string, FieldMemory>();
/** Characters kept at most (contents and texts together), so unique fields cannot pile up. */
const MAX_FIELD_CHARS = 4_000_000;
let fieldChars = 0;
/** A field is no longer looked up once, after this many lookups, fewer than one in {@link MIN_HIT_SHARE} was found. */
const TRIAL_LOOKUPS = 64;
const MIN_HIT_SHARE = 8;

/** Forgets the strings and fields written so far (for benchmarks that measure a cold run). */
export function clearYamlCache(): void {
  written.clear();
  writtenCount = 0;
  writtenFields.clear();
  fieldChars = 0;
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
 * Whether a value is JSON-like data: strings, finite numbers other than -0, booleans, null, arrays without holes
 * and plain objects whose members are all such data (no undefined, no accessors expected). For these, equal JSON
 * text means equal values as yaml sees them (both read an object's own enumerable keys in the same order), so
 * yaml's text can be remembered by the JSON text. Anything else (a Date, a Map, a class instance) is never remembered.
 */
function isPlainData(value: unknown): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainData(value[i])) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const k of Object.keys(value)) if (!isPlainData((value as Record<string, unknown>)[k])) return false;
      return true;
    }
    default:
      return false;
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
 * One document whose contents are replaced for each mapping written: building a Document (options, directives,
 * schema and its tags) costs more than writing a few fields, and `new Document(v, o)` is `createNode(v, o)` on a
 * fresh one. Nothing else of the document changes between writes (no comments, directives or anchors).
 */
const fieldDocument = new Document(null, { ...OPTIONS, aliasDuplicateObjects: false, customTags });
const CREATE = { aliasDuplicateObjects: false } as const;
const TO_STRING = { ...OPTIONS, directives: false } as const;

/** A mapping of the given fields as yaml writes it in a document of its own. */
function writeMapping(fields: readonly (readonly [string, unknown])[]): string {
  // No prototype: a "__proto__" field is a field like any other.
  const mapping = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of fields) mapping[key] = value;
  fieldDocument.contents = fieldDocument.createNode(mapping, CREATE);
  const text = fieldDocument.toString(TO_STRING);
  fieldDocument.contents = null;
  return text;
}

/** A line break followed by a character that starts a top-level line: where yaml begins the next top-level pair. */
const PAIR_START = /\n(?=[^ \n])/g;

/**
 * Each field as yaml writes it in a document of its own (`key: value` and its nested lines, then a line break),
 * from one document of them all. yaml writes a top-level block mapping as its pairs joined by line breaks, and
 * every pair's first line starts at column 0 with a non-space; its other lines are indented or empty, but for an
 * explicit key's `: value` line (keys over 1,024 characters or not scalars). So the document splits before each
 * line that starts at column 0, and when there are exactly as many such lines as fields, each piece is one field's
 * pair; otherwise each field is written alone.
 */
function writeFields(fields: readonly (readonly [string, unknown])[]): string[] {
  if (fields.length > 1) {
    const text = writeMapping(fields);
    const pieces = text.slice(0, -1).split(PAIR_START);
    if (pieces.length === fields.length) return pieces.map((piece) => `${piece}\n`);
  }
  return fields.map((field) => writeMapping([field]));
}

/**
 * Writes a mapping as a YAML document, remembering how yaml wrote each field. yaml writes a top-level block
 * mapping as its pairs joined by line breaks, so the document of `{a, b}` is the document of `{a}` followed by that
 * of `{b}`; most fields of a release (`type`, `office`, empty lists, `corrected: null`, common speakers and
 * countries) are the same as in an earlier release, and only the others are written by yaml, in one document.
 * test/emit/yaml-writer.property.test.ts checks the result against yaml's own stringify. Anything but a plain
 * object is written whole.
 */
export function writeYaml(value: unknown): string {
  if (typeof value !== "object" || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return writeDocument(value);
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  const missing: [string, unknown][] = [];
  /** Where each missing field goes in `parts`, and what it is remembered by (content undefined: not remembered). */
  const missingAt: { at: number; memory: FieldMemory; content: string | undefined }[] = [];
  for (const key of Object.keys(record)) {
    const field = record[key];
    // yaml leaves out a pair whose value is undefined.
    if (field === undefined) continue;
    let memory = writtenFields.get(key);
    if (!memory) writtenFields.set(key, (memory = { byString: new Map(), byJson: new Map(), lookups: 0, hits: 0 }));
    let content: string | undefined;
    let text: string | undefined;
    if (memory.lookups < TRIAL_LOOKUPS || memory.hits * MIN_HIT_SHARE >= memory.lookups) {
      content = contentOf(field);
      if (content !== undefined) {
        memory.lookups++;
        text = (typeof field === "string" ? memory.byString : memory.byJson).get(content);
        if (text !== undefined) memory.hits++;
      }
    }
    if (text === undefined) {
      missingAt.push({ at: parts.length, memory, content });
      missing.push([key, field]);
    }
    parts.push(text ?? "");
  }
  // An empty mapping is written `{}`, not as nothing.
  if (parts.length === 0) return writeDocument(value);
  if (missing.length > 0) {
    const texts = writeFields(missing);
    for (let i = 0; i < missing.length; i++) {
      const { at, memory, content } = missingAt[i]!;
      const text = texts[i]!;
      parts[at] = text;
      if (content !== undefined) remember(memory, typeof missing[i]![1] === "string", content, text);
    }
  }
  return parts.join("");
}

/** What a field's value is remembered by: the string itself, else the JSON text of plain data; undefined for anything else. */
function contentOf(field: unknown): string | undefined {
  if (typeof field === "string") return field;
  // The commonest values, without JSON.stringify.
  if (field === null) return "null";
  if (Array.isArray(field) && field.length === 0) return "[]";
  return isPlainData(field) ? JSON.stringify(field) : undefined;
}

/** Keeps how yaml wrote a field, within {@link MAX_FIELD_CHARS}. */
function remember(memory: FieldMemory, isString: boolean, content: string, text: string): void {
  if (fieldChars > MAX_FIELD_CHARS) {
    for (const m of writtenFields.values()) {
      m.byString.clear();
      m.byJson.clear();
    }
    fieldChars = 0;
  }
  (isString ? memory.byString : memory.byJson).set(content, text);
  fieldChars += content.length + text.length;
}
