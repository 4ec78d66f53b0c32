// Entry of a parsing worker thread: registers tsx (workers do not inherit the parent's loader), then runs parse-worker.ts.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
