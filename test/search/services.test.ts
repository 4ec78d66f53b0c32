// The page budget Pagefind's services share: shards wait until their pages fit, a shard above the limit goes alone.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PageBudget } from "../../src/search/services.ts";

/** Whether a promise has settled once pending callbacks have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

test("a shard waits until its pages fit beside those held, and one above the limit goes alone", async () => {
  const budget = new PageBudget(1_000);
  await budget.take(500);
  assert.equal(await settled(budget.take(500)), true, "500 + 500 fit in 1,000");
  const third = budget.take(200);
  assert.equal(await settled(third), false, "1,200 would not fit");
  budget.give(500);
  assert.equal(await settled(third), true, "700 fits once 500 are given back");
  budget.give(500);
  budget.give(200);
  // Nothing held: a shard larger than the limit starts, and the next waits for it.
  await budget.take(3_000);
  const after = budget.take(1);
  assert.equal(await settled(after), false);
  budget.give(3_000);
  assert.equal(await settled(after), true);
});
