// Offline manifest check: Microsoft's validator (office-addin-manifest validate) needs the
// network, and no package ships the XSDs. This checks what breaks sideloading in practice:
// well-formed XML, required elements, every resid defined (with an en-US override), one
// HTTPS origin for every URL, icons present at the declared pixel sizes, and the ribbon:
// a shared runtime declared as Microsoft's docs ask, or the classic variant without one.
// Both manifest.xml and the manifest-classic.xml the build derives from it are checked.
// Run: npx tsx scripts/check-manifest.ts [manifest.xml]  (exit code 1 on problems)

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SaxesParser } from "saxes";
import { MANIFEST_MIN_SET } from "../src/adapters/office/requirements";

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses XML into a small element tree; throws on anything not well-formed. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const el: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: "" };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("text", (t) => (stack[stack.length - 1].text += t));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error("expected exactly one root element");
  return root.children[0];
}

export function descendants(el: XmlElement): XmlElement[] {
  return el.children.flatMap((c) => [c, ...descendants(c)]);
}

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export interface ManifestCheckOptions {
  /** Maps an icon URL to a local file (default: …/assets/icon-N.png → assets/icons/icon-N.png). */
  iconFile?: (url: string) => string;
}

const defaultIconFile = (url: string) => join(__dirname, "..", "assets", "icons", url.slice(url.lastIndexOf("/") + 1));

/** Every problem found, as readable lines; [] when the manifest passes. */
export function checkManifest(xml: string, options: ManifestCheckOptions = {}): string[] {
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message}`];
  }
  const all = descendants(root);
  const byName = (n: string) => all.filter((e) => e.name === n);
  const text = (n: string) => byName(n)[0]?.text.trim();

  if (root.name !== "OfficeApp" || root.attributes["xsi:type"] !== "TaskPaneApp") problems.push("root must be <OfficeApp xsi:type=\"TaskPaneApp\">");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text("Id") ?? "")) problems.push("Id must be a GUID");
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(text("Version") ?? "")) problems.push("Version must be n.n.n.n");
  if (text("DefaultLocale") !== "ja-JP") problems.push("DefaultLocale must be ja-JP");
  if (text("Permissions") !== "ReadWriteDocument") problems.push("Permissions must be ReadWriteDocument");
  if (!byName("Host").some((h) => h.attributes.Name === "Workbook")) problems.push("Hosts must name Workbook");
  const excelSet = byName("Set").find((s) => s.attributes.Name === "ExcelApi");
  if (!excelSet) problems.push("Requirements must name the ExcelApi set");
  else if (excelSet.attributes.MinVersion !== MANIFEST_MIN_SET)
    problems.push(`Requirements ExcelApi MinVersion ${excelSet.attributes.MinVersion} differs from the adapter's ${MANIFEST_MIN_SET}`);
  for (const n of ["DisplayName", "Description"]) {
    const el = byName(n)[0];
    if (!el?.attributes.DefaultValue) problems.push(`${n} is missing`);
    else if (!el.children.some((o) => o.name === "Override" && o.attributes.Locale === "en-US")) problems.push(`${n} has no en-US Override`);
  }

  // Resources: every resid defined once; visible strings with an en-US override.
  const resources = all.filter((e) => /^bt:(Image|Url|String)$/.test(e.name) && e.attributes.id);
  const defined = new Map<string, XmlElement>();
  for (const r of resources) {
    if (defined.has(r.attributes.id)) problems.push(`resource ${r.attributes.id} is defined twice`);
    defined.set(r.attributes.id, r);
    if (r.name === "bt:String" && !r.children.some((o) => o.name === "bt:Override" && o.attributes.Locale === "en-US"))
      problems.push(`string ${r.attributes.id} has no en-US override`);
  }
  for (const ref of all.filter((e) => e.attributes.resid)) {
    if (!defined.has(ref.attributes.resid)) problems.push(`resid ${ref.attributes.resid} (in <${ref.name}>) is not defined in Resources`);
  }

  // URLs: all HTTPS, one origin.
  const urls = [
    ...all.filter((e) => /^https?:/.test(e.attributes.DefaultValue ?? "")).map((e) => e.attributes.DefaultValue),
    ...byName("AppDomain").map((e) => e.text.trim()),
  ];
  const origins = new Set(urls.map((u) => new URL(u).origin));
  if (origins.size !== 1) problems.push(`URLs use ${origins.size} origins: ${[...origins].join(", ")}`);
  for (const u of urls) if (!u.startsWith("https://")) problems.push(`URL is not HTTPS: ${u}`);
  if (!urls.some((u) => new URL(u).pathname.endsWith("/taskpane.html"))) problems.push("no URL points at taskpane.html");

  // Icons: the file exists and has the size its use declares.
  const iconFile = options.iconFile ?? defaultIconFile;
  const expectIcon = (url: string, size: number, what: string) => {
    const file = iconFile(url);
    if (!existsSync(file)) return problems.push(`${what}: icon file ${file} does not exist`);
    const dims = pngSize(readFileSync(file));
    if (!dims) problems.push(`${what}: ${file} is not a PNG`);
    else if (dims.width !== size || dims.height !== size) problems.push(`${what}: ${file} is ${dims.width}×${dims.height}, expected ${size}×${size}`);
  };
  const iconUrl = byName("IconUrl")[0]?.attributes.DefaultValue;
  const hiRes = byName("HighResolutionIconUrl")[0]?.attributes.DefaultValue;
  if (iconUrl) expectIcon(iconUrl, 32, "IconUrl");
  else problems.push("IconUrl is missing");
  if (hiRes) expectIcon(hiRes, 64, "HighResolutionIconUrl");
  else problems.push("HighResolutionIconUrl is missing");
  for (const img of all.filter((e) => e.name === "bt:Image" && e.attributes.resid)) {
    const res = defined.get(img.attributes.resid);
    if (res) expectIcon(res.attributes.DefaultValue, Number(img.attributes.size), `image ${img.attributes.resid}`);
  }

  // The two ribbon buttons on the Home tab, and how the 検証 button reaches the pane.
  const tab = byName("OfficeTab").find((t) => t.attributes.id === "TabHome");
  if (!tab) problems.push("no group on the Home tab (OfficeTab id=TabHome)");
  const actionOf = (id: string) => (tab ? descendants(tab).find((e) => e.name === "Control" && e.attributes.id === id)?.children.find((e) => e.name === "Action") : undefined);
  const functionOf = (action: XmlElement | undefined) => (action ? descendants(action).find((e) => e.name === "FunctionName")?.text.trim() : undefined);
  const urlOf = (resid: string | undefined) => (resid ? (defined.get(resid)?.attributes.DefaultValue ?? "") : "");
  const validate = actionOf("Hyoka.Validate");
  if (functionOf(actionOf("Hyoka.Summary")) !== "writeSummary") problems.push("the サマリー出力 button must run the writeSummary function");
  const functionFile = byName("FunctionFile")[0]?.attributes.resid;
  const sharedRuntimeSet = byName("Set").some((s) => s.attributes.Name === "SharedRuntime");
  const runtimes = byName("Runtimes");
  if (runtimes.length) {
    // Shared runtime (configure-your-add-in-to-use-a-shared-runtime): SharedRuntime 1.1 required,
    // <Runtimes> first in <Host>, lifetime long, the pane's page as runtime and FunctionFile.
    const runtime = runtimes[0].children.find((e) => e.name === "Runtime");
    const host = byName("Host").find((h) => h.attributes["xsi:type"] === "Workbook");
    if (!sharedRuntimeSet) problems.push("<Runtimes> needs the SharedRuntime 1.1 requirement set (hosts without it take manifest-classic.xml)");
    if (runtimes.length > 1 || !runtime) problems.push("declare exactly one <Runtimes> with one <Runtime>");
    if (host?.children[0]?.name !== "Runtimes") problems.push("<Runtimes> must be the first element of the Workbook <Host>");
    if (runtime?.attributes.lifetime !== "long") problems.push('the shared runtime needs lifetime="long"');
    const page = urlOf(runtime?.attributes.resid);
    if (!page.endsWith("/taskpane.html")) problems.push("the shared runtime must be taskpane.html, without a query");
    if (functionFile !== runtime?.attributes.resid) problems.push("FunctionFile must use the shared runtime's resid (the ribbon's functions run in the pane's page)");
    if (validate?.attributes["xsi:type"] !== "ExecuteFunction" || functionOf(validate) !== "validate")
      problems.push("with a shared runtime the 検証 button must run the validate function (a ShowTaskpane button cannot start a check in an open pane)");
  } else {
    if (sharedRuntimeSet) problems.push("SharedRuntime is required but no <Runtimes> declares the shared runtime");
    const source = validate?.attributes["xsi:type"] === "ShowTaskpane" ? descendants(validate).find((e) => e.name === "SourceLocation")?.attributes.resid : undefined;
    if (!urlOf(source).endsWith("taskpane.html?action=validate")) problems.push("the 検証 button must open taskpane.html?action=validate");
    if (!urlOf(functionFile).endsWith("/commands.html")) problems.push("FunctionFile must be commands.html");
  }
  return problems;
}

/** The variant the build writes for hosts without a shared runtime (webpack.config.js). */
export function classicManifest(xml: string): string {
  const config = require(join(__dirname, "..", "webpack.config.js")) as { classicManifest: (xml: string) => string };
  return config.classicManifest(xml);
}

if (require.main === module) {
  const file = process.argv[2] ?? join(__dirname, "..", "manifest.xml");
  const xml = readFileSync(file, "utf8");
  let failed = false;
  for (const [name, text] of [
    [file, xml],
    [`${file} → manifest-classic.xml`, classicManifest(xml)],
  ] as const) {
    const problems = checkManifest(text);
    for (const p of problems) console.error(`manifest: ${p}`);
    console.log(problems.length ? `${name}: ${problems.length} problem(s)` : `${name}: OK`);
    failed ||= problems.length > 0;
  }
  process.exitCode = failed ? 1 : 0;
}
