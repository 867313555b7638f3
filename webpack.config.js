// Builds the add-in's web part into dist/web/ (tsc writes dist/cli etc. beside it).
//
// Environment:
//   ADDIN_URL  where the production add-in is hosted; every https://localhost:3000/ of
//              manifest.xml becomes this URL in dist/web/manifest.xml.
//              Default https://hyoka.example.invalid/ (a placeholder that never resolves).
//   OFFICE_JS  cdn   (default) office.js from Microsoft's CDN, which Microsoft supports;
//              local office.js and the files it loads, copied from @microsoft/office-js to
//              dist/web/office-js/: for closed networks without internet access;
//              none  no office.js at all (browser preview build: nothing leaves the host).
//
// `webpack serve` (npm run dev-server) is HTTPS on :3000 with the certificates of
// office-addin-dev-certs; a plain build needs none.

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_ADDIN_URL = "https://hyoka.example.invalid/";
const OFFICE_CDN_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_CDN = `${OFFICE_CDN_ORIGIN}/lib/1/hosted/office.js`;
const DEV_SERVER_SOCKET = "wss://localhost:3000";
const TASKPANE_BUDGET_GZ = 300 * 1024;
const OFFICE_JS_DIR = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");
// office.js loads these from its own folder: without them Office.onReady never fires.
const OFFICE_JS_LOCAL_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "es6-promise.js",
  "excel-*.js",
  "excelwebapp-*.js",
  "en-us/**",
  "ja-jp/**",
  "telemetry/**",
  "ariatelemetry/**",
];

function addinUrl() {
  const url = process.env.ADDIN_URL || DEFAULT_ADDIN_URL;
  return url.endsWith("/") ? url : `${url}/`;
}

/** manifest.xml for production: every dev URL replaced by ADDIN_URL. */
function productionManifest(xml, url = addinUrl()) {
  return xml.split(DEV_URL).join(url).split(DEV_URL.slice(0, -1)).join(url.slice(0, -1));
}

/** Replaces exactly one occurrence, so that an edit of manifest.xml the variant no longer fits fails the build. */
function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern.source, "g")) || [];
  if (matches.length !== 1) throw new Error(`manifest-classic.xml: expected one ${what} in manifest.xml, found ${matches.length}`);
  return text.replace(pattern, replacement);
}

/**
 * manifest-classic.xml, for hosts without a shared runtime (SharedRuntime 1.1: not Excel 2019):
 * no <Runtimes> and no SharedRuntime requirement, the ribbon's functions in commands.html, and
 * 検証 as a ShowTaskpane button opening taskpane.html?action=validate (it checks on open).
 */
function classicManifest(xml) {
  let out = replaceOnce(xml, /\n\s*<Set Name="SharedRuntime" MinVersion="1\.1"\/>/, "", "SharedRuntime requirement");
  out = replaceOnce(out, /\n\s*<Runtimes>[\s\S]*?<\/Runtimes>/, "", "<Runtimes> block");
  out = replaceOnce(out, /<FunctionFile resid="Taskpane\.Url"\/>/, '<FunctionFile resid="Commands.Url"/>', "FunctionFile");
  out = replaceOnce(
    out,
    /<Action xsi:type="ExecuteFunction">(\s*)<FunctionName>validate<\/FunctionName>(\s*)<\/Action>/,
    '<Action xsi:type="ShowTaskpane">$1<TaskpaneId>Hyoka.Taskpane</TaskpaneId>$1<SourceLocation resid="Taskpane.ValidateUrl"/>$2</Action>',
    "validate action",
  );
  return replaceOnce(out, /(<\?xml[^>]*\?>\n)/, "$1<!-- manifest-classic.xml: written by the build from manifest.xml (classicManifest), for hosts without a shared runtime. -->\n", "XML declaration");
}

/**
 * Content-Security-Policy of the pages, per build flavour (OFFICE_JS). Everything comes from
 * the add-in's own origin; only the CDN build also loads office.js and the host scripts it
 * pulls from its own folder on appsforoffice.microsoft.com. 'unsafe-inline' stays in
 * style-src only: Fluent UI's griffel inserts <style> elements at run time (a nonce needs a
 * server that rewrites every response; the add-in is static files), the preview renders its
 * stylesheet as a <style> element, and Excel on the web's host script sets inline styles
 * (OfficeDev/office-js#1687). No 'unsafe-eval' anywhere: production source maps are files,
 * not eval. connect-src is 'self' in every build: office.js needs no fetch of its own; its
 * telemetry posts to *.pipe.aria.microsoft.com and is refused, as this add-in sends nothing
 * off the host. frame-ancestors, report-uri and sandbox are ignored in a <meta> policy: who
 * may frame the pane can only be set by the web server's Content-Security-Policy header.
 */
function contentSecurityPolicy(officeJs, { devServer = false } = {}) {
  const cdn = officeJs === "cdn" ? [OFFICE_CDN_ORIGIN] : [];
  return [
    "default-src 'self'",
    ["script-src 'self'", ...cdn].join(" "),
    "style-src 'self' 'unsafe-inline'",
    // webpack-dev-server's live reload socket; CSP3's 'self' covers wss: only in newer engines.
    ["connect-src 'self'", ...(devServer ? [DEV_SERVER_SOCKET] : [])].join(" "),
    "img-src 'self' data: blob:",
    // office.js shows its own error page (AgaveErrorUX/) in a frame from its folder; the preview frames nothing.
    officeJs === "none" ? "frame-src 'none'" : ["frame-src 'self'", ...cdn].join(" "),
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

/**
 * What the task pane shows until React replaces it (createRoot renders over #root). Also a
 * head start: the browser lays this Japanese text out, loading the CJK font, while the
 * bundle still downloads and compiles, instead of during the pane's first render (measured
 * with `npm run bench -- --only preview`). The pane's own font stack (Fluent UI, the preview).
 */
const LOADING_PLACEHOLDER =
  '<p style="margin:0;padding:12px;font-family:\'Segoe UI\',\'Yu Gothic UI\',Meiryo,system-ui,sans-serif;font-size:14px">読み込み中… / Loading…</p>';

function officeScriptTag(mode) {
  if (mode === "none") return "";
  const src = mode === "local" ? "office-js/office.js" : OFFICE_CDN;
  return `<script src="${src}"></script>`;
}

function page(title, mode, body = "", csp = contentSecurityPolicy(mode)) {
  // The policy governs only what follows it: it comes before any script.
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${officeScriptTag(mode)}
</head>
<body>${body}</body>
</html>
`;
}

/** Prints the taskpane's initial JS (gzipped) and fails the build over budget or with exceljs in it. */
class TaskpaneSizeReport {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("TaskpaneSizeReport", (compilation) => {
      const entry = compilation.entrypoints.get("taskpane");
      if (!entry) return;
      const files = entry.getFiles().filter((f) => f.endsWith(".js"));
      const outDir = compilation.outputOptions.path;
      const gz = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(outDir, f))).length, 0);
      const xlsxModules = [];
      for (const chunk of entry.chunks)
        for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          const name = m.nameForCondition && m.nameForCondition();
          if (name && /node_modules[\\/](exceljs|xlsx)[\\/]/.test(name)) xlsxModules.push(name);
        }
      const kb = (gz / 1024).toFixed(1);
      console.log(`taskpane initial JS: ${files.join(", ")} = ${kb} KB gzipped (budget ${TASKPANE_BUDGET_GZ / 1024} KB)`);
      if (xlsxModules.length) compilation.errors.push(new Error(`the .xlsx library is in the taskpane's initial JS: ${xlsxModules[0]}`));
      if (gz > TASKPANE_BUDGET_GZ) compilation.errors.push(new Error(`taskpane initial JS is ${kb} KB gzipped, over the ${TASKPANE_BUDGET_GZ / 1024} KB budget`));
    });
  }
}

function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const read = (f) => fs.readFileSync(path.join(dir, f));
  try {
    return { key: read("localhost.key"), cert: read("localhost.crt"), ca: read("ca.crt") };
  } catch {
    throw new Error(`no dev certificates in ${dir}: run "npx office-addin-dev-certs install" first`);
  }
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  // `--env officeJs=local` works the same on Windows shells, where VAR=value does not.
  const officeJs = env.officeJs || process.env.OFFICE_JS || "cdn";
  if (!["cdn", "local", "none"].includes(officeJs)) throw new Error(`OFFICE_JS must be cdn, local or none (got ${officeJs})`);
  const serving = process.env.WEBPACK_SERVE === "true";
  const csp = contentSecurityPolicy(officeJs, { devServer: serving });
  const taskpaneEntry = path.join(__dirname, "src", "taskpane", "index.tsx");
  const entry = { commands: "./src/commands/commands.ts", dialog: "./src/commands/dialog.ts" };
  if (fs.existsSync(taskpaneEntry)) entry.taskpane = "./src/taskpane/index.tsx";

  const copies = [
    { from: "assets/icons/*.png", to: "assets/[name][ext]" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => (production ? productionManifest(content.toString()) : content),
    },
    {
      from: "manifest.xml",
      to: "manifest-classic.xml",
      transform: (content) => {
        const classic = classicManifest(content.toString());
        return production ? productionManifest(classic) : classic;
      },
    },
  ];
  if (officeJs === "local")
    copies.push(
      ...OFFICE_JS_LOCAL_FILES.map((glob) => ({
        from: glob,
        context: OFFICE_JS_DIR,
        to: "office-js/",
        info: { minimized: true }, // already minified: Terser would spend ~40 s on 8 MB
        globOptions: { ignore: ["**/*.debug.js"] },
      })),
    );

  return {
    mode: production ? "production" : "development",
    // Never an eval-based devtool: the pages' policy has no 'unsafe-eval', in development either.
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry,
    output: {
      path: path.join(__dirname, "dist", "web"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type errors are `npm run typecheck`'s job; ES modules let webpack split chunks.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } },
          },
        },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    performance: { hints: false }, // the size that matters is checked by TaskpaneSizeReport
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", chunks: ["taskpane"], templateContent: page("hyoka", officeJs, `<div id="root">${LOADING_PLACEHOLDER}</div>`, csp) }),
      new HtmlWebpackPlugin({ filename: "commands.html", chunks: ["commands"], templateContent: page("hyoka commands", officeJs, "", csp) }),
      // A ribbon command's error message (src/commands/errorDialog.ts), opened with displayDialogAsync.
      new HtmlWebpackPlugin({ filename: "dialog.html", chunks: ["dialog"], templateContent: page("hyoka", officeJs, "", csp) }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        chunks: [],
        templateContent: page(
          "hyoka",
          "none",
          "<h1>hyoka</h1><p>[ホーム] タブの [検証] で評価票をチェックし、[サマリー出力] で達成率サマリーを書き出します。</p><p>Home tab: Validate checks the evaluation sheets; Write summary writes the 達成率サマリー sheet.</p>",
        ),
      }),
      new CopyWebpackPlugin({ patterns: copies }),
      new TaskpaneSizeReport(),
    ],
    devServer: serving
      ? {
          port: 3000,
          server: { type: "https", options: devCertificates() },
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
        }
      : undefined,
  };
};

module.exports.productionManifest = productionManifest;
module.exports.classicManifest = classicManifest;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.DEV_URL = DEV_URL;
module.exports.DEFAULT_ADDIN_URL = DEFAULT_ADDIN_URL;
