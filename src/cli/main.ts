// The communique command line: ingest, build and serve, parsed with commander.
import { Command, CommanderError } from "commander";
import { createProgress, noProgress, type Progress } from "./progress.ts";

/** Progress on standard error (standard output keeps the summary): a bar in a terminal, lines in a log. */
function progressFor(opts: { progress: boolean }): Progress {
  return opts.progress ? createProgress({ stream: process.stderr }) : noProgress;
}

/** The folder options every command shares; `withOutput` adds the site's folder. */
function folders(command: Command, withOutput: boolean): Command {
  command
    .option("--sources <dir>", "folder of collected sources", "content/sources")
    .option("--content <dir>", "folder that receives releases/YYYY/MM/*.md", "content")
    .option("--no-progress", "do not show progress (a bar in a terminal, a line every 5 s otherwise, on standard error)");
  return withOutput
    ? command.option("--output <dir>", "folder that receives the site", "_site").option("--config <file>", "site configuration: name, base URL, path prefix (default: the project's communique.config.json)")
    : command;
}

const program = new Command()
  .name("communique")
  .description("Turn collected State Department releases into a searchable static archive.")
  .exitOverride()
  .showHelpAfterError();

folders(program.command("ingest").description("parse every source into release Markdown files"), false).action(async (opts: { sources: string; content: string; progress: boolean }) => {
    const { ingest } = await import("./ingest.ts");
    const summary = await ingest({ ...opts, progress: progressFor(opts) });
    process.exitCode = summary.reported > 0 ? 1 : 0;
  });

folders(program.command("build").description("ingest, render the site with Eleventy and index it with Pagefind"), true).action(async (opts: { sources: string; content: string; output: string; config?: string; progress: boolean }) => {
    const { build } = await import("./build.ts");
    const result = await build({ ...opts, progress: progressFor(opts) });
    process.exitCode = result.ok ? 0 : 1;
  });

folders(program.command("serve").description("build, then serve the site on http://localhost:8080 and rebuild on change"), true)
  .option("--port <port>", "port to listen on", "8080")
  .action(async (opts: { sources: string; content: string; output: string; config?: string; port: string }) => {
    const { serve } = await import("./serve.ts");
    await serve({ ...opts, port: Number(opts.port) });
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // Help and version exit 0; any other commander error is a usage error.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 1;
  }
}
