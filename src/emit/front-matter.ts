// Reads an emitted release file back: its front matter (parsed with yaml, checked by the schema) and its body.
import { parse } from "yaml";
import { FrontMatterSchema, type FrontMatter } from "../model/release.ts";

/** Splits a Markdown file into its YAML front matter text and body; null when it has no front matter. */
export function splitFrontMatter(markdown: string): { yaml: string; body: string } | null {
  // The closing "---" must stand on a line of its own: a value may hold "---" too.
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/.exec(markdown);
  return m ? { yaml: m[1]!, body: m[2]! } : null;
}

/** Parses and validates a release file's front matter; returns the issues as text when it is not valid. */
export function readFrontMatter(markdown: string): { ok: true; value: FrontMatter } | { ok: false; error: string } {
  const split = splitFrontMatter(markdown);
  if (!split) return { ok: false, error: "no front matter" };
  let data: unknown;
  try {
    data = parse(split.yaml);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const result = FrontMatterSchema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: formatZodIssues(result.error.issues) };
}

/** One line per schema issue: `field.path: message`. */
export function formatZodIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("; ");
}

/** What ingest needs of an existing release file: its id, source path, and every key it answers to. */
export interface ReleaseKey {
  ok: true;
  id: string;
  sourcePath: string;
  /** The source's key (its guid, else its path) first, then those of the other sources merged into it. */
  keys: string[];
}

/**
 * Reads just the id, source path and keys of a release file, as ingest needs them for thousands of files. The
 * file's own layout (written by releaseMarkdown) is read directly, which is far faster than parsing the whole
 * YAML; any other layout, or a release with other sources, falls back to the full, validated parse.
 */
export function readReleaseKey(markdown: string): ReleaseKey | { ok: false; error: string } {
  // Only the front matter is searched (up to its closing "---"), not the statement after it.
  const close = markdown.startsWith("---\n") ? markdown.indexOf("\n---\n", 3) : -1;
  const head = close < 0 ? "" : markdown.slice(0, close + 1);
  const id = /^id: (.+)$/m.exec(head);
  const path = /^source:\n(?: {2}.*\n)*? {2}path: (.+)$/m.exec(head);
  const guid = /^source:\n(?: {2}.*\n)*? {2}guid: (.+)$/m.exec(head);
  if (id && path && guid && /^otherSources: \[\]$/m.test(head)) {
    // A hand-edited line that is not YAML (`id: [`) falls through to the full reader, which reports it.
    const value = (line: string): unknown => {
      try {
        return parse(line);
      } catch {
        return undefined;
      }
    };
    const idValue = value(id[1]!);
    const pathValue = value(path[1]!);
    const guidValue = value(guid[1]!);
    if (typeof idValue === "string" && typeof pathValue === "string" && (guidValue === null || typeof guidValue === "string") && FrontMatterSchema.shape.id.safeParse(idValue).success) {
      return { ok: true, id: idValue, sourcePath: pathValue, keys: [guidValue ?? pathValue] };
    }
  }
  const full = readFrontMatter(markdown);
  return full.ok ? releaseKeyOf(full.value) : full;
}

/** The id, source path and keys of a release's front matter: what {@link readReleaseKey} reads from the file it is emitted as. */
export function releaseKeyOf(data: Pick<FrontMatter, "id" | "source" | "otherSources">): ReleaseKey {
  const keys = [data.source.guid ?? data.source.path, ...data.otherSources.map((o) => o.guid ?? o.path)];
  return { ok: true, id: data.id, sourcePath: data.source.path, keys };
}
