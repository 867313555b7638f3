// `npm run preview`: builds the task pane without office.js (OFFICE_JS=none) into
// dist/preview and serves it on http://localhost:3001 with a plain node:http static server,
// so a newcomer sees the sample's findings in any browser, with no network access.
// The browser tests import buildPreview / startStaticServer from here.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..");
export const PREVIEW_DIR = path.join(ROOT, "dist", "preview");
export const SAMPLES_DIR = path.join(ROOT, "assets", "samples");
export const ENTRY_PAGE = "taskpane.html";
const DEFAULT_PORT = 3001;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Newest modification time under the given files and folders (node_modules skipped). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== "node_modules") visit(path.join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  paths.forEach(visit);
  return newest;
}

/** Written after a successful build: webpack leaves unchanged files (and their mtimes) alone. */
const BUILD_STAMP = ".built";

/** True when dist/preview is missing or older than anything the bundle is built from. */
export function previewIsStale(outDir = PREVIEW_DIR): boolean {
  const stamp = path.join(outDir, BUILD_STAMP);
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(outDir, ENTRY_PAGE))) return true;
  const sources = ["src", "webpack.config.js", "tsconfig.json", "package-lock.json"].map((p) => path.join(ROOT, p));
  return newestMtime(sources) > fs.statSync(stamp).mtimeMs;
}

/** Production webpack build without office.js, into outDir. Throws with webpack's output on failure. */
export function buildPreview(outDir = PREVIEW_DIR): void {
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const started = new Date();
  const result = spawnSync(
    process.execPath,
    [cli, "--mode", "production", "--env", "officeJs=none", "--output-path", outDir],
    { cwd: ROOT, env: { ...process.env, OFFICE_JS: "none", NODE_ENV: "production" }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    throw new Error(`preview build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  if (!fs.existsSync(path.join(outDir, ENTRY_PAGE))) {
    throw new Error(`preview build wrote no ${ENTRY_PAGE} into ${outDir}`);
  }
  // Dated at the build's start, so a source edited while webpack ran still counts as newer.
  const stamp = path.join(outDir, BUILD_STAMP);
  fs.writeFileSync(stamp, `${started.toISOString()}\n`);
  fs.utimesSync(stamp, started, started);
}

/** Maps a URL path to a file under root, or null when it would leave root. */
function resolveUnder(root: string, urlPath: string): string | null {
  const file = path.resolve(root, "." + urlPath);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function fileFor(urlPath: string, root: string): string | null {
  const candidates: string[] = [];
  const direct = resolveUnder(root, urlPath === "/" ? `/${ENTRY_PAGE}` : urlPath);
  if (direct) candidates.push(direct);
  // Samples are served from assets/ when the build did not copy them.
  if (urlPath.startsWith("/samples/")) {
    const sample = resolveUnder(SAMPLES_DIR, urlPath.slice("/samples".length));
    if (sample) candidates.push(sample);
  }
  return candidates.find((f) => fs.existsSync(f) && fs.statSync(f).isFile()) ?? null;
}

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves root on 127.0.0.1 (port 0 = any free port). GET and HEAD only. */
export function startStaticServer(root = PREVIEW_DIR, port = DEFAULT_PORT): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = fileFor(urlPath, root);
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": body.length,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://localhost:${actual}/`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  if (!process.argv.includes("--no-build")) {
    process.stdout.write("building the preview (OFFICE_JS=none)…\n");
    const started = Date.now();
    buildPreview();
    process.stdout.write(`built into ${path.relative(ROOT, PREVIEW_DIR)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const server = await startStaticServer(PREVIEW_DIR, port);
  process.stdout.write(`\nhyoka preview: ${server.url}\n(Ctrl+C to stop)\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
