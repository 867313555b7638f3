// The preview's static server: what it serves, and what it refuses.
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { startStaticServer, type StaticServer } from "../../scripts/preview";

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "hyoka-static-"));
  fs.writeFileSync(path.join(root, "taskpane.html"), "<!doctype html><title>t</title>");
  fs.writeFileSync(path.join(root, "app.js"), "console.log(1)");
  fs.writeFileSync(path.join(os.tmpdir(), "hyoka-outside.txt"), "secret");
  server = await startStaticServer(root, 0);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (p: string, init?: RequestInit) => fetch(new URL(p, server.url), init);

/** A request whose path is sent as written (fetch would normalize `..` away). */
function rawStatus(rawPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: "127.0.0.1", port: server.port, path: rawPath }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", reject);
  });
}

test("serves the entry page at / and files with their content types, uncached", async () => {
  expect(server.url).toBe(`http://localhost:${server.port}/`);
  const page = await get("/");
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(page.headers.get("cache-control")).toBe("no-store");
  expect(await page.text()).toBe("<!doctype html><title>t</title>");
  const js = await get("/app.js?v=1");
  expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  expect(js.headers.get("x-content-type-options")).toBe("nosniff");
});

test("serves the bundled samples from assets/samples when the build did not copy them", async () => {
  const sample = await get("/samples/41303000-2013.xlsx");
  expect(sample.status).toBe(200);
  expect(sample.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const bytes = new Uint8Array(await sample.arrayBuffer());
  expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
  expect(bytes.length).toBe(fs.statSync(path.resolve(__dirname, "../../assets/samples/41303000-2013.xlsx")).size);
});

test("refuses paths outside its folders, unknown files and other methods", async () => {
  expect(await rawStatus("/..%2Fhyoka-outside.txt")).toBe(404);
  expect(await rawStatus("/../hyoka-outside.txt")).toBe(404);
  expect(await rawStatus("/samples/..%2F..%2Fpackage.json")).toBe(404);
  expect(await rawStatus("/samples/..%2FREADME.md")).toBe(404);
  expect(await rawStatus("/samples/README.md")).toBe(200);
  expect((await get("/missing.js")).status).toBe(404);
  expect((await get("/%E0%A4%A")).status).toBe(400);
  expect((await get("/", { method: "POST", body: "x" })).status).toBe(405);
  const head = await get("/app.js", { method: "HEAD" });
  expect(head.status).toBe(200);
  expect(head.headers.get("content-length")).toBe("14");
});
