// The render thread says when it has read ahead: the build moves the spare site only after that, never while the thread lists it.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { startRenderThread } from "../../src/cli/render-thread.ts";

test("readAhead resolves once the thread has listed the spare, and again after the thread ended", { timeout: 60_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), "communique-render-thread-"));
  try {
    const spare = join(dir, "site.spare");
    for (const folder of ["releases/2021/01/05/a", "types/x/page/2"]) {
      await mkdir(join(spare, folder), { recursive: true });
      await writeFile(join(spare, folder, "index.html"), "<p>page</p>");
    }
    const thread = startRenderThread({ cache: join(dir, "site.cache"), base: spare });
    let done = false;
    const waited = thread.readAhead().then(() => (done = true));
    // The thread loads its modules first (about a second): the spare is not listed yet.
    assert.equal(done, false);
    await waited;
    assert.equal(done, true);
    await thread.stop();
    // A thread that has ended has nothing left to read: the build never waits on it.
    await thread.readAhead();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
