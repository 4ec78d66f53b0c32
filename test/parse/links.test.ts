// Link unwrapping: Outlook safelinks and lnks.gd trackers give their targets; other links stay as written.
import assert from "node:assert/strict";
import { test } from "node:test";
import { isWrapper, unwrapLink } from "../../src/parse/links.ts";

const token = (claims: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.c2ln`;

test("a safelinks URL becomes its url parameter", () => {
  const href = "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwebcast.ec.europa.eu%2Fhigh-level-resettlement-forum&data=04%7C01&sdata=x&reserved=0";
  assert.equal(unwrapLink(href), "https://webcast.ec.europa.eu/high-level-resettlement-forum");
});

test("a lnks.gd tracker becomes the URL in its token, without GovDelivery's #_blank", () => {
  const href = `https://lnks.gd/l/${token({ bulletin_link_id: 100, url: "https://twitter.com/StateDept_NEA#_blank" })}/s/1248191874/br/107454774662-l`;
  assert.equal(unwrapLink(href), "https://twitter.com/StateDept_NEA");
});

test("a tracker without a target, or a non-web link, gives null (the text stays, the link goes)", () => {
  assert.equal(unwrapLink(`https://lnks.gd/l/${token({ bulletin_id: "1" })}/s/1/br/2-l`), null);
  assert.equal(unwrapLink("https://lnks.gd/l/not-a-token"), null);
  assert.equal(unwrapLink("javascript:alert(1)"), null);
  assert.equal(unwrapLink("not a url"), null);
});

test("wrappers nest: a safelink around a tracker gives the tracker's target", () => {
  const tracker = `https://lnks.gd/l/${token({ url: "https://www.state.gov/reports/" })}/s/1`;
  const safe = `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent(tracker)}&data=1`;
  assert.equal(unwrapLink(safe), "https://www.state.gov/reports/");
});

test("ordinary links are kept as written", () => {
  for (const href of ["https://www.state.gov/?page_id=245633", "mailto:partnerships@state.gov", "https://example.org/a(b)"]) assert.equal(unwrapLink(href), href);
  assert.equal(isWrapper("https://www.state.gov/"), false);
  assert.equal(isWrapper("https://lnks.gd/l/x"), true);
});
