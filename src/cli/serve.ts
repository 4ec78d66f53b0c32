// The serve command: build, serve the site with live reload, and rebuild when sources, corrections or site code change.
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { spawn } from "node:child_process";
import { type FSWatcher, existsSync, watch } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSiteConfig } from "../site/config.ts";
import { SERVING_ENV } from "./build.ts";

export interface ServeOptions {
  sources: string;
  content: string;
  output: string;
  /** The site configuration file; its path prefix is where the site is served (http://localhost:8080/archive/). */
  config?: string;
  /** Port on http://localhost; the dev server tries the next ones when it is taken. Default 8080. */
  port?: number;
  /** False passes `--no-progress` to each build. */
  progress?: boolean;
}

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(REPO, "bin", "communique.js");
/** Quiet time after the last change before rebuilding, so a save of many files triggers one build. */
const DEBOUNCE_MS = 250;

/**
 * Builds once, serves `output` and rebuilds on change. Each build runs in a child process: Node cannot unload
 * modules, so only a fresh process picks up edits to `src/` and `.eleventy.ts`. A build writes a new folder and
 * swaps it in only when complete, so a failed rebuild leaves the last good site being served.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const output = resolve(options.output);
  const port = options.port ?? 8080;
  await runBuild(options);

  const server = EleventyDevServer.getServer("communique", output, {
    port,
    pathPrefix: loadSiteConfig(options.config).pathPrefix,
    domDiff: false,
    showVersion: false,
    logger: { info: log, log, error: (...args: unknown[]) => console.error("[serve]", ...args) },
  });
  server.serve(port);

  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let again = false;
  const rebuild = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    try {
      do {
        again = false;
        const before = await siteIdentity(output);
        const ok = await runBuild(options);
        if ((await siteIdentity(output)) !== before) server.reload();
        else if (!ok) log("Rebuild failed; still serving the last site that built.");
      } while (again);
    } finally {
      building = false;
    }
  };
  const onChange = (path: string) => {
    const name = basename(path);
    // Editors' swap and backup files are not changes to the archive.
    if (name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp")) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), DEBOUNCE_MS);
  };

  const watched = [
    resolve(options.sources),
    join(resolve(options.content), "corrections"),
    join(REPO, "templates"),
    join(REPO, "src"),
    join(REPO, ".eleventy.ts"),
    ...(options.config ? [resolve(options.config)] : []),
  ];
  const watchers = watched.map((path) => watchPath(path, onChange));
  log(`Watching ${watched.join(", ")} — press Ctrl+C to stop.`);

  await new Promise<void>((done) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      void server.close().then(done, done);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** Runs `communique build` in a child process with the same folders; resolves true when it exits 0. */
function runBuild(options: ServeOptions): Promise<boolean> {
  const args = [CLI, "build", "--sources", options.sources, "--content", options.content, "--output", options.output];
  if (options.config) args.push("--config", options.config);
  if (options.progress === false) args.push("--no-progress");
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, [SERVING_ENV]: "1" } });
    child.on("error", (e) => {
      console.error(`[serve] could not start a build: ${e.message}`);
      done(false);
    });
    child.on("exit", (code) => done(code === 0));
  });
}

/** Changes when a build swaps a new site in (a new folder has a new inode); null while there is no site. */
async function siteIdentity(output: string): Promise<string | null> {
  try {
    const s = await stat(output);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** A closable watch on a file or folder (recursive); a folder that does not exist yet is watched for from its parent. */
interface Watch {
  close(): void;
}

function watchPath(path: string, onChange: (path: string) => void): Watch {
  let inner: FSWatcher | undefined;
  let parent: FSWatcher | undefined;
  const start = () => {
    inner = watch(path, { recursive: true }, (_event, file) => onChange(file ? join(path, file.toString()) : path));
    inner.on("error", () => undefined);
  };
  if (existsSync(path)) start();
  else if (existsSync(dirname(path))) {
    // e.g. content/corrections before the first correction: start watching when it appears.
    parent = watch(dirname(path), (_event, file) => {
      if (file?.toString() !== basename(path) || inner || !existsSync(path)) return;
      start();
      onChange(path);
    });
    parent.on("error", () => undefined);
  }
  return {
    close() {
      inner?.close();
      parent?.close();
    },
  };
}

function log(...args: unknown[]): void {
  console.log("[serve]", ...args);
}
