// The README documents every diagnostic code and every front-matter field the code defines.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { DIAGNOSTIC_CODES } from "../src/model/diagnostic.ts";
import { FRONT_MATTER_KEYS } from "../src/model/release.ts";

const readme = readFileSync(join(import.meta.dirname, "../README.md"), "utf8");

test("every diagnostic code has a row in the README's table", () => {
  for (const [code, { severity, summary }] of Object.entries(DIAGNOSTIC_CODES)) {
    assert.ok(readme.includes(`| \`${code}\` | ${severity} | ${summary} |`), `README lacks the row for ${code}`);
  }
});

test("every front-matter field is described in the README", () => {
  for (const key of FRONT_MATTER_KEYS) assert.match(readme, new RegExp(`\\| (?:\`[a-zA-Z]+\`, )*\`${key}\``), `README lacks ${key}`);
});
