// The statement's sentences for the entity rules, split once per release and kept on the context.
import { type ExtractContext, statementParagraphs } from "../context.ts";
import { sentences } from "../sentences.ts";

/** The sentences of the preamble and body, in order. */
export function sentencesOf(ctx: ExtractContext): string[] {
  ctx.sentences ??= statementParagraphs(ctx.fields).flatMap(sentences);
  return ctx.sentences;
}
