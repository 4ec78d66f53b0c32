// The statement's paragraphs and sentences for the entity rules, split once per release and kept on the context.
import { type ExtractContext, statementParagraphs } from "../context.ts";
import { sentences } from "../sentences.ts";

/** The paragraphs (lines) of the preamble and body, in order. */
export function paragraphsOf(ctx: ExtractContext): string[] {
  ctx.paragraphs ??= statementParagraphs(ctx.fields);
  return ctx.paragraphs;
}

/** The sentences of the preamble and body, in order. */
export function sentencesOf(ctx: ExtractContext): string[] {
  if (!ctx.sentences) {
    const out: string[] = [];
    for (const p of paragraphsOf(ctx)) for (const s of sentences(p)) out.push(s);
    ctx.sentences = out;
  }
  return ctx.sentences;
}
