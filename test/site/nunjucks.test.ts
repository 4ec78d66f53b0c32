// The faster frame assignment sets exactly what nunjucks' own `Frame.prototype.set` sets, and templates render the same with it.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import nunjucks from "nunjucks";
import { type NunjucksFrame, setFrameVariable } from "../../src/site/nunjucks.ts";

interface Frame extends NunjucksFrame {
  push(isolateWrites?: boolean): Frame;
  parent: Frame | null;
}
const runtime = (nunjucks as unknown as { runtime: { Frame: { new (): Frame; prototype: NunjucksFrame } } }).runtime;
/** nunjucks' own assignment, taken before anything patches the prototype (nothing in this file does). */
const originalSet = runtime.Frame.prototype.set;

/** A chain of `depth` frames, the innermost returned; each frame's `set` is `set` as an own property. */
function chain(isolated: readonly boolean[], set: NunjucksFrame["set"]): Frame[] {
  const frames: Frame[] = [new runtime.Frame()];
  for (const isolate of isolated) frames.push(frames.at(-1)!.push(isolate));
  for (const frame of frames) frame.set = set;
  return frames;
}

const name = fc.oneof(fc.constantFrom("x", "loop", "loop.index", "loop.last", "a.b.c", "a.b", "a", "", ".", "a..b", ".x", "x."), fc.stringMatching(/^[ab.]{1,5}$/));

test("setFrameVariable leaves every frame's variables as nunjucks' Frame.set does", () => {
  fc.assert(
    fc.property(
      fc.array(fc.boolean(), { minLength: 0, maxLength: 3 }),
      fc.array(fc.record({ frame: fc.nat(3), name, value: fc.oneof(fc.integer(), fc.constant(0), fc.constant(null), fc.constant("")), resolveUp: fc.boolean() }), { maxLength: 25 }),
      (isolated, ops) => {
        const theirs = chain(isolated, originalSet);
        const ours = chain(isolated, setFrameVariable);
        const outcome = (frames: Frame[], op: (typeof ops)[number]) => {
          try {
            frames[op.frame % frames.length]!.set(op.name, op.value, op.resolveUp);
            return "ok";
          } catch (e) {
            return (e as Error).constructor.name;
          }
        };
        for (const op of ops) assert.equal(outcome(ours, op), outcome(theirs, op));
        assert.deepEqual(
          ours.map((f) => f.variables),
          theirs.map((f) => f.variables),
        );
      },
    ),
    { numRuns: 2_000 },
  );
});

test("a template with loops, nested loops and set renders the same with either assignment", () => {
  const source = `{% set outer = "o" %}{% for p in items %}{{ loop.index }}/{{ loop.revindex0 }}{% if loop.first %}F{% endif %}{% if not loop.last %},{% endif %}{% for q in p.kids %}[{{ loop.index0 }}{{ q }}{{ outer }}]{% set outer = q %}{% endfor %}{% endfor %}{% for k, v in map %}{{ k }}={{ v }};{% endfor %}{{ outer }}`;
  const context = { items: [{ kids: ["a", "b"] }, { kids: [] }, { kids: ["c"] }], map: { one: 1, two: 2 } };
  const render = () => new nunjucks.Environment(null, { autoescape: true }).renderString(source, context);
  const before = render();
  const proto = runtime.Frame.prototype;
  proto.set = setFrameVariable;
  try {
    assert.equal(render(), before);
  } finally {
    proto.set = originalSet;
  }
  // Loop variables, a pair loop over an object, and `set` inside a loop writing to the enclosing frame.
  assert.equal(before, "1/2F,[0ao][1ba]2/1,3/0[0cb]one=1;two=2;c");
});
