// Rule: the first header lines name the issuing office or the speakers ("Name, Title" lines, several per line allowed).
import { normalizeSpace } from "../../parse/lines.ts";
import { readSpeakerLine } from "../speakers.ts";
import { isOfficeLine } from "../vocabulary.ts";
import type { ExtractRule } from "../context.ts";

export const creatorRule: ExtractRule = {
  name: "creator",
  run(ctx) {
    while (ctx.header.length > 0) {
      const text = normalizeSpace(ctx.header[0]!.text);
      if (ctx.fields.office === null && isOfficeLine(text) && readSpeakerLine(text) === null) {
        ctx.fields.office = text;
      } else {
        const people = readSpeakerLine(text);
        if (!people) break;
        for (const p of people) {
          if (!ctx.fields.speakers.some((s) => s.name === p.name)) ctx.fields.speakers.push(p);
        }
      }
      ctx.header.shift();
    }
  },
};
