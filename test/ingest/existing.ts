// A release file as ingest reads it back for planning (src/ingest/plan.ts, ExistingRelease): the hash of its bytes and its text.
import { createHash } from "node:crypto";

export function onDisk(markdown: string): { digest: string; markdown: () => string } {
  return { digest: createHash("sha256").update(markdown).digest("base64url"), markdown: () => markdown };
}
