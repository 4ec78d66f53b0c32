// Test helper: a tiny static file server over a built site, on 127.0.0.1 and a random port.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** A running server: its base URL (no trailing slash) and how to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `root` like a static host: `/dir/` → `dir/index.html`, unknown paths → `404.html` with status 404. With a
 * `prefix` (`/archive/`) the site is served under that sub-path only, as it would be deployed there.
 */
export async function serveStatic(root: string, prefix = "/"): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const full = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    if (!full.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const pathname = `/${full.slice(prefix.length)}`;
    const path = normalize(join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname));
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let file = path;
    let status = 200;
    try {
      if ((await stat(file)).isDirectory()) {
        res.writeHead(301, { location: `${full}/` }).end();
        return;
      }
    } catch {
      file = join(root, "404.html");
      status = 404;
    }
    res.writeHead(status, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
