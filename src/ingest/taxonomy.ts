// Reads the curators' topic taxonomy (content/taxonomy/topics.yaml): parsed with yaml, checked by its schema. Pure.
import { LineCounter, parseDocument } from "yaml";
import { type Diagnostic, diagnostic } from "../model/diagnostic.ts";
import { TaxonomySchema } from "../model/taxonomy.ts";
import { formatZodIssues } from "../emit/front-matter.ts";
import { type CompiledTaxonomy, compileTaxonomy } from "../extract/topics.ts";

type TaxonomyRead = { taxonomy: CompiledTaxonomy } | { error: Diagnostic };

/** The last taxonomy read: an ingest checks the file, then parses with it (reading and compiling it once). */
let lastRead: { text: string; path: string; read: TaxonomyRead } | null = null;

/**
 * Parses and compiles a taxonomy file, or returns a BAD_TAXONOMY diagnostic naming the file and line. The same text
 * and path give the same result, which is kept: a compiled taxonomy is only read, never changed.
 */
export function readTaxonomy(text: string, path: string): TaxonomyRead {
  if (lastRead && lastRead.text === text && lastRead.path === path) return lastRead.read;
  const read = readTaxonomyText(text, path);
  lastRead = { text, path, read };
  return read;
}

function readTaxonomyText(text: string, path: string): TaxonomyRead {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) return { error: diagnostic("BAD_TAXONOMY", `Unexpected YAML: ${doc.errors[0]!.message.split("\n")[0]}`, path, at(doc.errors[0]!.pos[0])) };
  let data: unknown;
  try {
    // An alias to no anchor, or too many aliases (a YAML "billion laughs"), throws here rather than in parsing.
    data = doc.toJS();
  } catch (e) {
    return { error: diagnostic("BAD_TAXONOMY", `Unexpected YAML: ${(e as Error).message}`, path, at(0)) };
  }
  const checked = TaxonomySchema.safeParse(data);
  if (!checked.success) return { error: diagnostic("BAD_TAXONOMY", `Unexpected taxonomy: ${formatZodIssues(checked.error.issues)}`, path, at(0)) };
  return { taxonomy: compileTaxonomy(checked.data) };
}
