#!/usr/bin/env node
// Entry point of the `communique` command: runs the compiled runtime (bin/runtime.js), or, when it cannot be compiled, the TypeScript through tsx.
import { compiledMain } from "./runtime.js";

const main = await compiledMain();
if (main) await import(main);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
