// Rule: the first header lines name the issuing office or the speakers ("Name, Title" lines, several per line allowed);
// when speakers are named, more speaker lines may follow the date line (state.gov lays long speaker lists out so).
import type { Line } from "../../parse/lines.ts";
import { normalizeSpace } from "../../parse/lines.ts";
import type { Person } from "../../model/release.ts";
import { readSpeakerLine } from "../speakers.ts";
import { isOfficeLine } from "../vocabulary.ts";
import type { ExtractContext, ExtractRule } from "../context.ts";

function addSpeakers(ctx: ExtractContext, people: Person[]): void {
  for (const p of people) if (!ctx.fields.speakers.some((s) => s.name === p.name)) ctx.fields.speakers.push(p);
}

/** Claims leading lines of `lines` that are speaker lines (and, if allowed, one office line). */
function claim(ctx: ExtractContext, lines: Line[], allowOffice: boolean): void {
  while (lines.length > 0) {
    const text = normalizeSpace(lines[0]!.text);
    const people = readSpeakerLine(text);
    if (allowOffice && ctx.fields.office === null && people === null && isOfficeLine(text)) ctx.fields.office = text;
    else if (people) addSpeakers(ctx, people);
    else break;
    lines.shift();
  }
}

export const creatorRule: ExtractRule = {
  name: "creator",
  run(ctx) {
    claim(ctx, ctx.header, true);
    // Only a speaker list continues past the date line, and only while a body line follows it.
    if (ctx.fields.speakers.length > 0 && ctx.header.length === 0 && ctx.parsed.dateLine) {
      const body = ctx.statement.slice(0, -1);
      const before = body.length;
      claim(ctx, body, false);
      ctx.statement.splice(0, before - body.length);
    }
  },
};
