// Entry of a worker thread running TypeScript under tsx (src/site/typescript-worker.ts): registers tsx (workers do not inherit the parent's loader), then imports workerData.entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
