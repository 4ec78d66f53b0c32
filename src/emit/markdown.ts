// Emits a Release as Markdown: YAML front matter written by the yaml library, then the body blocks.
import { stringify } from "yaml";
import { FRONT_MATTER_KEYS, type Block, type FrontMatter, type Release } from "../model/release.ts";
import { escapeMarkdown } from "./escape.ts";

/** Escapes text that may hold line breaks; each break becomes a Markdown hard break (a backslash at line end). */
function inline(text: string): string {
  return text.split("\n").map(escapeMarkdown).join("\\\n");
}

/** The Markdown of one body block. Turns are `**LABEL:** text`, which the site styles as a speaker turn. */
export function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return inline(block.text);
    case "heading":
      return `## ${inline(block.text)}`;
    case "list":
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${inline(item)}`).join("\n");
    case "turn":
      return `**${escapeMarkdown(block.speaker)}:**${block.text ? ` ${inline(block.text)}` : ""}`;
  }
}

/** The front matter alone, keys in schema order. */
export function frontMatterOf(release: Release): FrontMatter {
  const fm = {} as Record<string, unknown>;
  for (const key of FRONT_MATTER_KEYS) fm[key] = release[key];
  return fm as FrontMatter;
}

/** The whole Markdown file of a release, byte-identical for identical releases. */
export function releaseMarkdown(release: Release): string {
  const yaml = stringify(frontMatterOf(release), { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" });
  const body = release.body.map(blockMarkdown).join("\n\n");
  return `---\n${yaml}---\n\n${body}\n`;
}
