// Writes front matter with the yaml library, remembering how it wrote each one-line string (keys, names, codes recur).
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

/** Forgets the strings written so far (for benchmarks that measure a cold run). */
export function clearYamlCache(): void {
  written.clear();
  writtenCount = 0;
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
          if (writtenCount >= MAX_WRITTEN) clearYamlCache();
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

/**
 * A value as a YAML document (no anchors or aliases: a value written twice is written out twice, and skipping the
 * search for repeats is faster). No directives are written, so yaml need not walk the tree looking for tags.
 */
export function writeYaml(value: unknown): string {
  return new Document(value, { ...OPTIONS, aliasDuplicateObjects: false, customTags: rememberingTags }).toString({ ...OPTIONS, directives: false });
}
