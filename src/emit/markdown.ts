// Emits a Release as Markdown: YAML front matter written by the yaml library (src/emit/yaml-writer.ts), then the body blocks.
import { FRONT_MATTER_KEYS, type Block, type FrontMatter, type Link, type Release } from "../model/release.ts";
import { escapeMarkdown, linkDestination } from "./escape.ts";
import { writeYaml } from "./yaml-writer.ts";

/**
 * Escapes text that may hold line breaks; each break becomes a Markdown hard break (a backslash at line end).
 * Links (ranges of the plain text) become `[text](href)`, their text escaped like the rest; a link that spans a
 * line break is written once per line.
 */
function inline(text: string, links: readonly Link[] = []): string {
  // Most blocks are one line without links: no need to split and rejoin.
  if (links.length === 0 && !text.includes("\n")) return escapeMarkdown(text);
  let offset = 0;
  return text
    .split("\n")
    .map((line) => {
      const start = offset;
      offset += line.length + 1;
      if (links.length === 0) return escapeMarkdown(line);
      let out = "";
      let at = 0;
      for (const l of [...links].sort((a, b) => a.start - b.start)) {
        const s = Math.max(l.start - start, at);
        const e = Math.min(l.end - start, line.length);
        if (e <= s) continue;
        out += escapeMarkdown(line.slice(at, s), at === 0);
        out += `[${escapeMarkdown(line.slice(s, e), false)}](${linkDestination(l.href)})`;
        at = e;
      }
      return out + escapeMarkdown(line.slice(at), at === 0);
    })
    .join("\\\n");
}

/** The Markdown of one body block. Turns are `**LABEL:** text`, which the site styles as a speaker turn. */
export function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return inline(block.text, block.links);
    case "heading":
      return `## ${inline(block.text, block.links)}`;
    case "list":
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${inline(item, block.itemLinks?.[i])}`).join("\n");
    case "turn":
      return `**${escapeMarkdown(block.speaker)}:**${block.text ? ` ${inline(block.text, block.links)}` : ""}`;
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
  const yaml = writeYaml(frontMatterOf(release));
  const body = release.body.map(blockMarkdown).join("\n\n");
  return `---\n${yaml}---\n\n${body}\n`;
}
