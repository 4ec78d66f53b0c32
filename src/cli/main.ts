// The communique command line: ingest, build and serve, parsed with commander.
import { Command, CommanderError } from "commander";
import { ingest } from "./ingest.ts";

const program = new Command()
  .name("communique")
  .description("Turn collected State Department releases into a searchable static archive.")
  .exitOverride()
  .showHelpAfterError();

program
  .command("ingest")
  .description("parse every source into release Markdown files")
  .option("--sources <dir>", "folder of collected sources", "content/sources")
  .option("--content <dir>", "folder that receives releases/YYYY/MM/*.md", "content")
  .action(async (opts: { sources: string; content: string }) => {
    const summary = await ingest(opts);
    process.exitCode = summary.reported > 0 ? 1 : 0;
  });

program
  .command("build")
  .description("ingest, render the site with Eleventy and index it with Pagefind")
  .option("--sources <dir>", "folder of collected sources", "content/sources")
  .option("--content <dir>", "folder that receives releases/YYYY/MM/*.md", "content")
  .option("--output <dir>", "folder that receives the site", "_site")
  .action(async (opts: { sources: string; content: string; output: string }) => {
    const { build } = await import("./build.ts");
    const result = await build(opts);
    process.exitCode = result.ok ? 0 : 1;
  });

program
  .command("serve")
  .description("build, then serve the site on http://localhost:8080 and rebuild on change")
  .option("--sources <dir>", "folder of collected sources", "content/sources")
  .option("--content <dir>", "folder that receives releases/YYYY/MM/*.md", "content")
  .option("--output <dir>", "folder that receives the site", "_site")
  .option("--port <port>", "port to listen on", "8080")
  .action(async (opts: { sources: string; content: string; output: string; port: string }) => {
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
