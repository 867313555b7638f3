// The Content-Security-Policy webpack writes into every page, per build flavour, read from the
// config's HTML plugin options without building anything. test/e2e/csp.e2e.test.ts shows the
// preview build's policy at work in Chromium.

import { join } from "node:path";

interface HtmlPlugin {
  constructor: { name: string };
  userOptions: { filename: string; templateContent: string };
}
type ConfigFn = (env: Record<string, string>, argv: { mode: string }) => { devtool: string; plugins: HtmlPlugin[] };

const webpackConfig = require(join(__dirname, "..", "..", "webpack.config.js")) as ConfigFn & { contentSecurityPolicy: (officeJs: string, o?: { devServer?: boolean }) => string };

function pages(officeJs: string, mode = "production"): Record<string, string> {
  const config = webpackConfig({ officeJs }, { mode });
  return Object.fromEntries(
    config.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin").map((p) => [p.userOptions.filename, p.userOptions.templateContent]),
  );
}

/** The policy of a page, directive → sources, and where its <meta> sits among the head's tags. */
function policyOf(html: string): { directives: Record<string, string>; metaIndex: number; firstScriptIndex: number } {
  const tags: string[] = html.match(/<(meta|script|link|style)\b[^>]*>/g) ?? [];
  const metas = tags.filter((t) => t.includes('http-equiv="Content-Security-Policy"'));
  expect(metas).toHaveLength(1);
  const content = /content="([^"]*)"/.exec(metas[0])![1];
  const directives = Object.fromEntries(
    content.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources.join(" ")];
    }),
  );
  return { directives, metaIndex: tags.indexOf(metas[0]), firstScriptIndex: tags.findIndex((t) => t.startsWith("<script")) };
}

const COMMON = {
  "default-src": "'self'",
  "style-src": "'self' 'unsafe-inline'",
  "connect-src": "'self'",
  "img-src": "'self' data: blob:",
  "object-src": "'none'",
  "base-uri": "'self'",
};

describe("Content-Security-Policy of the pages", () => {
  it("CDN build: office.js's origin is allowed for scripts and office.js's error frame, nothing else", () => {
    const built = pages("cdn");
    expect(Object.keys(built).sort()).toEqual(["commands.html", "dialog.html", "help.html", "taskpane.html"]);
    for (const file of ["taskpane.html", "commands.html", "dialog.html"]) {
      const { directives, metaIndex, firstScriptIndex } = policyOf(built[file]);
      expect(directives).toEqual({ ...COMMON, "script-src": "'self' https://appsforoffice.microsoft.com", "frame-src": "'self' https://appsforoffice.microsoft.com" });
      // The policy governs only what follows it: it precedes office.js's <script>.
      expect(metaIndex).toBe(1);
      expect(firstScriptIndex).toBeGreaterThan(metaIndex);
      expect(built[file]).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    }
  });

  it("closed-network build: office.js from the add-in's own origin, so nothing but 'self'", () => {
    const { directives } = policyOf(pages("local")["taskpane.html"]);
    expect(directives).toEqual({ ...COMMON, "script-src": "'self'", "frame-src": "'self'" });
  });

  it("preview build and the help page: the strictest policy, no frames at all", () => {
    const strict = { ...COMMON, "script-src": "'self'", "frame-src": "'none'" };
    const built = pages("none");
    for (const file of ["taskpane.html", "commands.html", "dialog.html", "help.html"]) expect(policyOf(built[file]).directives).toEqual(strict);
    expect(policyOf(pages("cdn")["help.html"]).directives).toEqual(strict);
  });

  it("never allows eval or inline scripts, and sets nothing a <meta> policy ignores", () => {
    for (const officeJs of ["cdn", "local", "none"])
      for (const [file, html] of Object.entries(pages(officeJs))) {
        const { directives } = policyOf(html);
        expect([file, directives["script-src"]]).toEqual([file, expect.not.stringMatching(/unsafe/)]);
        expect(Object.keys(directives).filter((d) => ["frame-ancestors", "report-uri", "sandbox"].includes(d))).toEqual([]);
      }
  });

  it("adds the dev server's live-reload socket only when serving", () => {
    expect(webpackConfig.contentSecurityPolicy("cdn", { devServer: true })).toContain("connect-src 'self' wss://localhost:3000;");
    expect(webpackConfig.contentSecurityPolicy("cdn")).toContain("connect-src 'self';");
  });

  it("uses no eval-based source maps, in production or development", () => {
    expect(webpackConfig({ officeJs: "none" }, { mode: "production" }).devtool).toBe("source-map");
    expect(webpackConfig({ officeJs: "cdn" }, { mode: "development" }).devtool).toBe("cheap-module-source-map");
  });
});
