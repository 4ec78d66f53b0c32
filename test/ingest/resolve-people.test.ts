// A surname with a title joins the one person of that surname and title named in full in the archive, never a guess.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type PeopleOfRelease, mentionOffice, resolveSurnames } from "../../src/ingest/resolve-people.ts";

const blinken = { id: "antony-blinken", name: "Antony J. Blinken", title: "Secretary of State" };
const price = { id: "ned-price", name: "Ned Price", title: "Department Spokesperson" };

test("Secretary Blinken is Antony J. Blinken when the archive names him in full", () => {
  const releases: PeopleOfRelease[] = [
    { people: [blinken, price], surnames: [] },
    { people: [], surnames: [{ surname: "Blinken", title: "Secretary" }, { surname: "Price", title: "Spokesperson" }] },
  ];
  assert.deepEqual(resolveSurnames(releases), [
    [],
    [
      { id: "antony-blinken", name: "Antony J. Blinken", title: "Secretary" },
      { id: "ned-price", name: "Ned Price", title: "Spokesperson" },
    ],
  ]);
});

test("no one is added for a title the person never had, an ambiguous surname, no title, or a person already there", () => {
  const releases: PeopleOfRelease[] = [
    { people: [blinken, price, { id: "wang-yi", name: "Wang Yi", title: "Foreign Minister" }, { id: "wang-wenbin", name: "Wang Wenbin", title: "Foreign Ministry Spokesperson" }], surnames: [] },
    { people: [{ id: "jane-wang", name: "Jane Wang", title: "Foreign Minister" }], surnames: [] },
    // Wang Yi and Jane Wang are both foreign ministers called Wang: neither is chosen.
    { people: [blinken], surnames: [{ surname: "Price", title: "Ambassador" }, { surname: "Wang", title: "Foreign Minister" }, { surname: "Price", title: null }, { surname: "Blinken", title: "Secretary" }, { surname: "Smith", title: "Secretary" }] },
  ];
  assert.deepEqual(resolveSurnames(releases), [[], [], []]);
});

test("a mention's office is the last part of its title, and must name an office, not only qualify one", () => {
  assert.equal(mentionOffice("Secretary"), "Secretary");
  assert.equal(mentionOffice("President Biden and Secretary"), "Secretary");
  assert.equal(mentionOffice("To Deputy Secretary"), "Deputy Secretary");
  assert.equal(mentionOffice("Tanzanian President"), "Tanzanian President");
  for (const title of ["Foreign", "Special", "Senior", "Meeting", null]) assert.equal(mentionOffice(title), null, String(title));
  // "Foreign Ministers' Meeting" read as a person elsewhere in the archive does not take in "Foreign Meeting".
  const releases: PeopleOfRelease[] = [
    { people: [{ id: "ministers-meeting", name: "Ministers’ Meeting", title: "Foreign" }], surnames: [] },
    { people: [], surnames: [{ surname: "Meeting", title: "Foreign" }] },
  ];
  assert.deepEqual(resolveSurnames(releases), [[], []]);
});

test("among persons who fit, one named in full in 20 times as many releases as the others is chosen, else nobody", () => {
  const tony = { id: "tony-blinken", name: "Tony Blinken", title: "Secretary" };
  const named = (n: number, person: typeof tony): PeopleOfRelease[] => Array.from({ length: n }, () => ({ people: [person], surnames: [] }));
  const mention: PeopleOfRelease = { people: [], surnames: [{ surname: "Blinken", title: "Secretary" }] };
  assert.deepEqual(resolveSurnames([...named(40, blinken), ...named(2, tony), mention]).at(-1), [{ id: "antony-blinken", name: "Antony J. Blinken", title: "Secretary" }]);
  assert.deepEqual(resolveSurnames([...named(39, blinken), ...named(2, tony), mention]).at(-1), []);
});

test("a family name written first (Wang Yi) is found too", () => {
  const releases: PeopleOfRelease[] = [
    { people: [{ id: "wang-yi", name: "Wang Yi", title: "Foreign Minister" }, { id: "yi-sun", name: "Yi Sun", title: "Foreign Minister" }], surnames: [] },
    { people: [], surnames: [{ surname: "Wang", title: "Foreign Minister" }] },
  ];
  assert.deepEqual(resolveSurnames(releases), [[], [{ id: "wang-yi", name: "Wang Yi", title: "Foreign Minister" }]]);
});

test("a hyphenated surname matches the whole of it; the name is the one the archive uses most", () => {
  const releases: PeopleOfRelease[] = [
    { people: [{ id: "linda-thomas-greenfield", name: "Linda Thomas-Greenfield", title: "Ambassador to the United Nations" }], surnames: [] },
    { people: [{ id: "linda-thomas-greenfield", name: "Linda Thomas-Greenfield", title: null }], surnames: [] },
    { people: [{ id: "linda-thomas-greenfield", name: "Linda Thomas Greenfield", title: null }], surnames: [] },
    { people: [{ id: "ann-greenfield", name: "Ann Greenfield", title: "Ambassador" }], surnames: [] },
    { people: [], surnames: [{ surname: "Thomas-Greenfield", title: "Ambassador" }] },
  ];
  assert.deepEqual(resolveSurnames(releases).at(-1), [{ id: "linda-thomas-greenfield", name: "Linda Thomas-Greenfield", title: "Ambassador" }]);
});

const person = fc.record({
  id: fc.constantFrom("antony-blinken", "ned-price", "wang-yi", "jane-wang", "ann-price"),
  name: fc.constantFrom("Antony J. Blinken", "Antony Blinken", "Ned Price", "Wang Yi", "Jane Wang", "Ann Price"),
  title: fc.constantFrom(null, "Secretary of State", "Spokesperson", "Foreign Minister", "Ambassador"),
});
const mention = fc.record({ surname: fc.constantFrom("Blinken", "Price", "Wang", "Smith"), title: fc.constantFrom(null, "Secretary", "Spokesperson", "Foreign Minister", "Ambassador") });
const archive = fc.array(fc.record({ people: fc.uniqueArray(person, { selector: (p) => p.id, maxLength: 4 }), surnames: fc.array(mention, { maxLength: 4 }) }), { maxLength: 12 });

test("the same releases in any order resolve the same; nobody added is already there, twice, or of another surname (property)", () => {
  fc.assert(
    fc.property(archive, fc.nat(), (releases, seed) => {
      const resolved = resolveSurnames(releases);
      const order = releases.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
      const shuffled = resolveSurnames(order.map((i) => releases[i]!));
      order.forEach((i, k) => assert.deepEqual(shuffled[k], resolved[i]));
      resolved.forEach((added, i) => {
        const ids = [...releases[i]!.people.map((p) => p.id), ...added.map((p) => p.id)];
        assert.equal(new Set(ids).size, ids.length);
        for (const p of added) assert.ok(releases[i]!.surnames.some((m) => p.id.split("-").includes(m.surname.toLowerCase()) && m.title === p.title));
      });
    }),
    { numRuns: 500 },
  );
});
