// Written dates in several languages, and Blogger's date headers, read with luxon's locale data.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readChromeDate } from "../../src/parse/chrome.ts";
import { readWrittenDate } from "../../src/parse/dates.ts";

test("Blogger date headers in several languages", () => {
  const cases: [string, string | null][] = [
    ["mardi 26 août 2014", "2014-08-26"],
    ["Tuesday, February 1, 2022", "2022-02-01"],
    ["Dienstag, 26. August 2014", "2014-08-26"],
    ["martes, 26 de agosto de 2014", "2014-08-26"],
    ["martedì 26 agosto 2014", "2014-08-26"],
    ["terça-feira, 26 de agosto de 2014", "2014-08-26"],
    ["dinsdag 26 augustus 2014", "2014-08-26"],
    ["August 26, 2014", null], // a date line without a weekday is the statement's date, not chrome
    ["Collected Department Releases: Title", null],
  ];
  for (const [line, iso] of cases) assert.equal(readChromeDate(line), iso, line);
});

test("statement date lines", () => {
  assert.deepEqual(readWrittenDate("August 26, 2014", ["en"]), { iso: "2014-08-26", hasWeekday: false, locale: "en" });
  assert.equal((readWrittenDate("Sept. 3, 2021", ["en"]) as { iso: string }).iso, "2021-09-03");
  assert.equal(readWrittenDate("February 30, 2021", ["en"]), "invalid");
  assert.equal(readWrittenDate("Office of the Spokesperson", ["en"]), null);
  assert.equal(readWrittenDate("On August 26, 2014 the talks began", ["en"]), null);
});
