// The compiled runtime: the TypeScript of src/ bundled once by esbuild (packages left to Node) into node_modules/.cache/communique/, so a run loads plain JavaScript instead of compiling through tsx's loader; bundled again when any of its inputs changed.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO = fileURLToPath(new URL("../", import.meta.url));

/**
 * The modules a run starts from: the command, the threads it starts (each loads its compiled entry, beside the
 * command's: see src/site/typescript-worker.ts) and the Eleventy configuration the render thread loads. Bundled
 * together, so the modules they share are shared chunks: one instance per thread, as when tsx loads them.
 */
const ENTRIES = ["src/cli/main.ts", "src/cli/parse-worker.ts", "src/cli/render-worker.ts", "src/site/citation-worker.ts", ".eleventy.ts"];

/** Files besides the bundled modules whose change may change the bundle (the lock file holds esbuild's version). */
const SETTINGS = ["tsconfig.json", "package.json", "package-lock.json", "bin/runtime.js"];

/** Bundles no longer the latest are removed once this old: a run that started on one may still start threads from it. */
const KEEP_OLD_MS = 24 * 3600 * 1000;

/** Where compiled runtimes live: `<hash of the inputs>/` each, and `latest.json` naming the newest and its inputs. */
export const RUNTIME_DIR = join(REPO, "node_modules", ".cache", "communique", "runtime");

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** Each input's hash, by path relative to the repository; null when one cannot be read. */
function hashInputs(paths) {
  try {
    return Object.fromEntries(paths.map((p) => [p, sha256(readFileSync(join(REPO, p)))]));
  } catch {
    return null;
  }
}

/**
 * The compiled runtime's folder when `latest.json` names one compiled by this Node from this checkout whose inputs
 * (every source file bundled, the settings) are all unchanged; else null. Reads and hashes the inputs: about 1.5 MB,
 * a few milliseconds.
 */
export function currentRuntime(dir = RUNTIME_DIR) {
  let latest;
  try {
    latest = JSON.parse(readFileSync(join(dir, "latest.json"), "utf8"));
  } catch {
    return null;
  }
  // The bundle targets the Node that compiled it, and names the source files of the checkout that compiled it (a
  // checkout moved, or another sharing these packages, compiles its own).
  if (latest.node !== process.version || latest.root !== REPO) return null;
  const now = hashInputs(Object.keys(latest.inputs ?? {}));
  if (!now || JSON.stringify(now) !== JSON.stringify(latest.inputs)) return null;
  try {
    statSync(join(dir, latest.name, "main.mjs"));
  } catch {
    return null;
  }
  return join(dir, latest.name);
}

/**
 * Bundles the entries into a new runtime folder and makes it the latest; returns its folder. Each module's
 * `import.meta.url` is its source file's URL, so the paths it resolves from it (templates, data files, the code it
 * hashes) are the same as when tsx runs it; `import.meta.compiledUrl` is the compiled file's own URL (undefined under
 * tsx), by which the code finds the other entries.
 */
export async function compileRuntime(dir = RUNTIME_DIR) {
  const { build, version } = await import("esbuild");
  const staging = join(dir, `.staging-${process.pid}-${Date.now()}`);
  mkdirSync(staging, { recursive: true });
  try {
    const { metafile } = await build({
      absWorkingDir: REPO,
      entryPoints: ENTRIES,
      outdir: staging,
      entryNames: "[name]",
      chunkNames: "chunk-[hash]",
      outExtension: { ".js": ".mjs" },
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: `node${process.versions.node}`,
      packages: "external",
      sourcemap: "linked",
      metafile: true,
      logLevel: "silent",
      plugins: [sourceUrls],
    });
    const inputs = hashInputs([...Object.keys(metafile.inputs), ...SETTINGS].sort());
    if (!inputs) throw new Error("an input of the runtime changed while it was compiled");
    const name = sha256(JSON.stringify([version, process.version, REPO, inputs])).slice(0, 16);
    try {
      renameSync(staging, join(dir, name));
    } catch {
      // Another run compiled the same inputs first: its folder is the same bundle.
      rmSync(staging, { recursive: true, force: true });
    }
    const pointer = join(dir, `.latest-${process.pid}.json`);
    writeFileSync(pointer, JSON.stringify({ name, node: process.version, root: REPO, inputs }));
    renameSync(pointer, join(dir, "latest.json"));
    removeOld(dir, name);
    return join(dir, name);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Runtime folders other than `keep` not touched for a day (and staging folders left by a killed run). */
function removeOld(dir, keep) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    const path = join(dir, entry.name);
    if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** An esbuild plugin giving each TypeScript module its source's `import.meta.url` (see {@link compileRuntime}). */
const sourceUrls = {
  name: "source-urls",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (relative(REPO, args.path).startsWith("node_modules")) return undefined;
      const text = readFileSync(args.path, "utf8");
      const contents = text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)).replaceAll("import.meta.compiledUrl", "import.meta.url");
      return { contents, loader: "ts" };
    });
  },
};

/**
 * The compiled command's `main.mjs`, compiled now if the latest runtime is stale; null when it cannot be (no esbuild,
 * a folder that cannot be written, a module esbuild rejects): the caller then runs the TypeScript through tsx, which
 * reports any error in the code itself.
 */
export async function compiledMain() {
  if (process.env.COMMUNIQUE_TSX) return null;
  try {
    const dir = currentRuntime() ?? (await compileRuntime());
    return pathToFileURL(join(dir, "main.mjs")).href;
  } catch {
    return null;
  }
}
