// Lazy bodies: made only when read, read as the plain blocks would be, and hashed as the plain blocks hash without being made.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bodyDigest, lazyBody } from "../../src/ingest/lazy-body.ts";
import { ReleaseSchema, type Block } from "../../src/model/release.ts";

const blocks: Block[] = [
  { kind: "heading", text: "Remarks" },
  { kind: "paragraph", text: "Good morning, everyone." },
  { kind: "turn", speaker: "MR PRICE", text: "Thank you." },
];

/** A lazy copy of `blocks` that counts how often it was made. */
function counted(digest = bodyDigest(structuredClone(blocks))): { body: Block[]; loads: () => number } {
  let loads = 0;
  const body = lazyBody(() => {
    loads++;
    return structuredClone(blocks);
  }, digest);
  return { body, loads: () => loads };
}

test("a lazy body is made on its first read only, and then reads as the plain blocks", () => {
  const { body, loads } = counted();
  assert.equal(loads(), 0);
  // Kept in a record and spread into another, it is still not made.
  const record = { title: "t", body };
  const copy = { ...record, id: "x" };
  assert.equal(copy.body, body);
  assert.equal(loads(), 0);
  assert.ok(Array.isArray(body));
  assert.equal(body.length, 3);
  assert.equal(loads(), 1);
  assert.equal(JSON.stringify(copy.body), JSON.stringify(blocks));
  assert.deepEqual([...body], blocks);
  assert.deepEqual(body.map((b) => b.kind), ["heading", "paragraph", "turn"]);
  assert.equal(loads(), 1);
});

test("the digest of a lazy body is known without making it, and equals the plain blocks' digest", () => {
  const { body, loads } = counted();
  assert.equal(bodyDigest(body), bodyDigest(structuredClone(blocks)));
  assert.equal(loads(), 0);
  // Another body hashes differently.
  assert.notEqual(bodyDigest([{ kind: "paragraph", text: "Other." }]), bodyDigest(blocks));
});

test("the schema checks a lazy body as it checks an array", () => {
  const { body } = counted();
  const checked = ReleaseSchema.shape.body.safeParse(body);
  assert.ok(checked.success);
  assert.deepEqual(checked.data, blocks);
  const bad = lazyBody(() => [{ kind: "nonsense" } as unknown as Block], "x");
  assert.equal(ReleaseSchema.shape.body.safeParse(bad).success, false);
});

test("a write to a lazy body makes its digest unknown again: it is hashed from its blocks", () => {
  const { body } = counted("a stale digest");
  assert.equal(bodyDigest(body), "a stale digest");
  body.push({ kind: "paragraph", text: "Added." });
  assert.equal(bodyDigest(body), bodyDigest([...blocks, { kind: "paragraph", text: "Added." }]));
});
