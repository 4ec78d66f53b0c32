#!/usr/bin/env node
// Entry point of the `communique` command: registers tsx so Node 20 can load the TypeScript CLI, then runs it.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
