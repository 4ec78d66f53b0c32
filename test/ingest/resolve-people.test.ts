// A short given name joins the same official's full one, and a surname with a title the one person of that surname and title named in full in the archive: never a guess.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { MergeResult } from "../../src/ingest/dedupe.ts";
import { type PeopleOfRelease, mentionOffice, nicknameJoins, resolveSurnames, withResolvedPeople } from "../../src/ingest/resolve-people.ts";

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

test("a short given name joins the formal one when the two share an office; otherwise, or when ambiguous, nobody is joined", () => {
  const people = (...list: { id: string; name: string; title: string | null }[]) => ({ people: list });
  const joins = nicknameJoins([
    people(blinken, { id: "joseph-biden", name: "Joseph R. Biden", title: "President" }, { id: "victoria-nuland", name: "Victoria Nuland", title: "Under Secretary for Political Affairs" }),
    people({ id: "tony-blinken", name: "Tony Blinken", title: "Secretary" }, { id: "joe-biden", name: "Joe Biden", title: "President of the United States" }),
    people({ id: "toria-nuland", name: "Toria Nuland", title: "Under Secretary" }),
    // No office in common (a qualifier is not one): apart.
    people({ id: "dan-smith", name: "Dan Smith", title: "Special Envoy" }, { id: "daniel-smith", name: "Daniel Smith", title: "Ambassador" }),
    people({ id: "rob-jones", name: "Rob Jones", title: "Deputy Director" }, { id: "robert-jones", name: "Robert Jones", title: "Deputy Secretary" }),
    // No title: apart. Tony beside both an Antony and an Anthony: apart.
    people({ id: "mike-brown", name: "Mike Brown", title: null }, { id: "michael-brown", name: "Michael Brown", title: "Ambassador" }),
    people({ id: "tony-green", name: "Tony Green", title: "Minister" }, { id: "antony-green", name: "Antony Green", title: "Minister" }, { id: "anthony-green", name: "Anthony Green", title: "Minister" }),
    // A first word that is an object's key, and a formal name with no short form beside it: nothing.
    people({ id: "constructor-smith", name: "Constructor Smith", title: "Minister" }, { id: "valueof", name: "valueOf", title: "Minister" }),
  ]);
  assert.deepEqual([...joins].sort(), [
    ["joe-biden", "joseph-biden"],
    ["tony-blinken", "antony-blinken"],
    ["toria-nuland", "victoria-nuland"],
  ]);
});

test("joined ids keep each release's name as written, and a surname then finds the one person left", () => {
  const release = (people: PeopleOfRelease["people"], surnames: PeopleOfRelease["surnames"] = []) =>
    ({ path: "x.txt", item: null, key: "x", aliases: [], diagnostics: [], surnames, release: { people } }) as unknown as MergeResult["releases"][number];
  const merged = {
    releases: [
      release([{ id: "benjamin-gantz", name: "Benjamin Gantz", title: "Minister of Defense" }]),
      release([{ id: "benny-gantz", name: "Benny Gantz", title: "Defense Minister" }]),
      release([], [{ surname: "Gantz", title: "Defense Minister" }]),
    ],
    merged: [],
    counts: { itemsRead: 3, distinctReleases: 3, duplicatesMerged: 0 },
  } as unknown as MergeResult;
  const people = withResolvedPeople(merged).releases.map((r) => r.release.people);
  assert.deepEqual(people, [
    [{ id: "benjamin-gantz", name: "Benjamin Gantz", title: "Minister of Defense" }],
    [{ id: "benjamin-gantz", name: "Benny Gantz", title: "Defense Minister" }],
    // Before the join, Benny and Benjamin were two candidates with the office: nobody was added.
    [{ id: "benjamin-gantz", name: "Benjamin Gantz", title: "Defense Minister" }],
  ]);
});
