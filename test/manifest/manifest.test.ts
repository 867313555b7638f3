import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest, classicManifest, descendants, parseXml, pngSize } from "../../scripts/check-manifest";

const root = join(__dirname, "..", "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
// webpack.config.js is plain CommonJS: its rewrite is the one the build uses.
const { productionManifest, DEFAULT_ADDIN_URL } = require(join(root, "webpack.config.js")) as {
  productionManifest: (xml: string, url?: string) => string;
  DEFAULT_ADDIN_URL: string;
};

describe("manifest.xml (offline check)", () => {
  it("passes every structural check", () => {
    expect(checkManifest(manifest)).toEqual([]);
  });

  it("names the ribbon buttons 検証 and サマリー出力 with English overrides", () => {
    const strings = Object.fromEntries(
      manifest.match(/<bt:String id="[^"]+" DefaultValue="[^"]+">\s*<bt:Override Locale="en-US" Value="[^"]+"/g)!.map((m) => {
        const [, id, ja, en] = /id="([^"]+)" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="([^"]+)"/.exec(m)!;
        return [id, `${ja} / ${en}`];
      }),
    );
    expect(strings["Validate.Label"]).toBe("検証 / Validate");
    expect(strings["Summary.Label"]).toBe("サマリー出力 / Write summary");
  });

  it("catches what would break sideloading", () => {
    expect(checkManifest(manifest.replace("</Hosts>\n  <Requirements>", "</Hosts><Requirements>").replace("<Permissions>", "<Permissions "))[0]).toMatch(/^not well-formed XML/);
    expect(checkManifest(manifest.replace('resid="Summary.Tooltip"', 'resid="Summary.Tooltp"'))).toEqual([
      "resid Summary.Tooltp (in <Description>) is not defined in Resources",
    ]);
    expect(checkManifest(manifest.replace('<bt:Override Locale="en-US" Value="Validate"/>', ""))).toEqual(["string Validate.Label has no en-US override"]);
    expect(checkManifest(manifest.replace("https://localhost:3000/commands.html", "https://localhost:3001/commands.html"))).toEqual([
      "URLs use 2 origins: https://localhost:3000, https://localhost:3001",
    ]);
    expect(checkManifest(manifest.replace('size="80" resid="Icon.80x80"', 'size="80" resid="Icon.32x32"'))).toEqual([
      `image Icon.32x32: ${join(root, "assets", "icons", "icon-32.png")} is 32×32, expected 80×80`,
    ]);
    expect(checkManifest(manifest.replace('MinVersion="1.4"/>', 'MinVersion="1.13"/>'))).toEqual([
      "Requirements ExcelApi MinVersion 1.13 differs from the adapter's 1.4",
    ]);
  });

  it("declares the shared runtime as Microsoft's docs ask, so 検証 reaches an open pane", () => {
    const root = parseXml(manifest);
    const all = descendants(root);
    expect(all.filter((e) => e.name === "Set").map((s) => `${s.attributes.Name} ${s.attributes.MinVersion}`)).toEqual(["ExcelApi 1.4", "SharedRuntime 1.1"]);
    const host = all.find((e) => e.name === "Host" && e.attributes["xsi:type"] === "Workbook")!;
    expect(host.children[0].children.map((r) => r.attributes)).toEqual([{ resid: "Taskpane.Url", lifetime: "long" }]);
    expect(all.find((e) => e.name === "FunctionFile")!.attributes.resid).toBe("Taskpane.Url");
    const validate = all.find((e) => e.name === "Control" && e.attributes.id === "Hyoka.Validate")!;
    expect(descendants(validate).find((e) => e.name === "FunctionName")!.text).toBe("validate");
  });

  it("derives the classic manifest for hosts without a shared runtime (Excel 2019): it passes too", () => {
    const classic = classicManifest(manifest);
    expect(checkManifest(classic)).toEqual([]);
    expect(classic).not.toContain('Name="SharedRuntime"');
    expect(classic).not.toContain("<Runtime ");
    expect(classic).toContain('<FunctionFile resid="Commands.Url"/>');
    const validate = descendants(parseXml(classic)).find((e) => e.name === "Control" && e.attributes.id === "Hyoka.Validate")!;
    expect(descendants(validate).find((e) => e.name === "Action")!.attributes["xsi:type"]).toBe("ShowTaskpane");
    // Everything else is the same manifest: one line of comment added, the rest removed or swapped.
    const lines = (xml: string) => xml.split("\n").filter((l) => !/SharedRuntime|Runtime|FunctionFile|Action|FunctionName|TaskpaneId|SourceLocation resid="Taskpane.ValidateUrl"|manifest-classic.xml: written/.test(l));
    expect(lines(classic)).toEqual(lines(manifest));
    expect(checkManifest(productionManifest(classic, "https://addins.city.example.lg.jp/hyoka/"))).toEqual([]);
  });

  it("refuses a shared runtime declared the way that breaks it, and a classic manifest that asks for one", () => {
    expect(checkManifest(manifest.replace('\n      <Set Name="SharedRuntime" MinVersion="1.1"/>', ""))).toEqual([
      "<Runtimes> needs the SharedRuntime 1.1 requirement set (hosts without it take manifest-classic.xml)",
    ]);
    expect(checkManifest(manifest.replace('lifetime="long"', 'lifetime="short"'))).toEqual(['the shared runtime needs lifetime="long"']);
    expect(checkManifest(manifest.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Commands.Url"/>'))).toEqual([
      "FunctionFile must use the shared runtime's resid (the ribbon's functions run in the pane's page)",
    ]);
    expect(checkManifest(manifest.replace("<FunctionName>validate</FunctionName>", "<FunctionName>check</FunctionName>"))).toEqual([
      "with a shared runtime the 検証 button must run the validate function (a ShowTaskpane button cannot start a check in an open pane)",
    ]);
    const moved = manifest.replace(/\n\s*<Runtimes>[\s\S]*?<\/Runtimes>/, "").replace("</DesktopFormFactor>", "</DesktopFormFactor><Runtimes><Runtime resid=\"Taskpane.Url\" lifetime=\"long\"/></Runtimes>");
    expect(checkManifest(moved)).toEqual(["<Runtimes> must be the first element of the Workbook <Host>"]);
    expect(checkManifest(classicManifest(manifest).replace('<Set Name="ExcelApi" MinVersion="1.4"/>', '<Set Name="ExcelApi" MinVersion="1.4"/><Set Name="SharedRuntime" MinVersion="1.1"/>'))).toEqual([
      "SharedRuntime is required but no <Runtimes> declares the shared runtime",
    ]);
    expect(() => classicManifest(manifest.replace("<FunctionName>validate</FunctionName>", "<FunctionName>check</FunctionName>"))).toThrow(
      "manifest-classic.xml: expected one validate action in manifest.xml, found 0",
    );
  });

  it("has icons of 16, 32, 64 and 80 pixels", () => {
    for (const size of [16, 32, 64, 80])
      expect(pngSize(readFileSync(join(root, "assets", "icons", `icon-${size}.png`)))).toEqual({ width: size, height: size });
  });

  it("rewrites every dev URL to ADDIN_URL for production and still passes", () => {
    const prod = productionManifest(manifest, "https://addins.city.example.lg.jp/hyoka/");
    expect(prod).not.toContain("localhost");
    expect(checkManifest(prod)).toEqual([]);
    const root = parseXml(prod);
    const source = root.children.find((c) => c.name === "DefaultSettings")!.children[0];
    expect(source.attributes.DefaultValue).toBe("https://addins.city.example.lg.jp/hyoka/taskpane.html");
    expect(productionManifest(manifest)).toContain(`<AppDomain>${DEFAULT_ADDIN_URL.slice(0, -1)}</AppDomain>`);
  });
});
