import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest, parseXml, pngSize } from "../../scripts/check-manifest";

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
