import JSZip from "jszip";
import { readWorkbook, writeXlsx } from "../../../src/adapters/xlsx";
import { PROFILE_NAMESPACE, profileFromXml, profileToXml, readProfilePart, writeProfilePart } from "../../../src/adapters/xlsx/profilePart";
import { entryData, readZipDirectory } from "../../../src/adapters/xlsx/zip";
import { profileXml as officeProfileXml } from "../../../src/adapters/office/profileStore";
import { checkWorkbook } from "../../../src/core/engine";
import type { WorkbookGrid } from "../../../src/core/grid";
import { newProfile, parseProfileText, serializeProfile, setPin, type TemplateProfile } from "../../../src/core/profile";
import { moveBlock, sampleGrid } from "../../core/profile/support";
import { evaluationResult } from "../../support/kinds";

function movedTableWorkbook(): WorkbookGrid {
  const moved = sampleGrid("41303000");
  moveBlock(moved, "I31:L35", "N50");
  return { sheets: [moved, { name: "目次", top: 0, left: 0, values: [["目次"]], merges: [] }] };
}

function pinnedProfile(): TemplateProfile {
  const pinned = setPin(newProfile("環境局 2013"), "indicators[2].table", "N50:Q54").profile as TemplateProfile;
  return { ...pinned, synonyms: { fiscalYear: ["評価対象年度"] } };
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("profile part in the .xlsx", () => {
  it("round-trips a profile through a saved workbook; the sheets are unchanged", async () => {
    const workbook = movedTableWorkbook();
    const plain = await writeXlsx(workbook);
    expect(await readProfilePart(plain)).toBeNull();

    const json = serializeProfile(pinnedProfile());
    const saved = await writeProfilePart(plain, json);
    expect(await readProfilePart(saved)).toBe(json);
    expect(parseProfileText((await readProfilePart(saved)) as string).profile).toEqual(pinnedProfile());
    expect((await readWorkbook(saved)).sheets).toEqual((await readWorkbook(plain)).sheets);
    expect((await readWorkbook(saved)).sheets.map((s) => s.name)).toEqual(workbook.sheets.map((s) => s.name));
  });

  it("lets the file check clean with the profile it carries (what the CLI does without a flag)", async () => {
    const saved = await writeProfilePart(await writeXlsx(movedTableWorkbook()), serializeProfile(pinnedProfile()));
    const grid = await readWorkbook(saved);
    const withoutProfile = checkWorkbook(grid)[0];
    expect(withoutProfile.findings.map((f) => f.rule)).toContain("indicator.table.missing");

    const { profile } = parseProfileText((await readProfilePart(saved)) as string);
    const withProfile = evaluationResult(checkWorkbook(grid, { profile: profile as TemplateProfile })[0]);
    expect(withProfile.findings.filter((f) => f.path.startsWith("indicators[2]") || f.rule.startsWith("template."))).toEqual([]);
    expect(withProfile.summary?.indicators[2].years.map((y) => [y.year, y.plan, y.actual])).toEqual([
      [2011, 36, 36],
      [2012, 38, 37],
      [2013, 40, 36],
    ]);
  });

  it("adds the custom XML part, its properties and relationships, and keeps every other part's bytes", async () => {
    const plain = await writeXlsx(movedTableWorkbook());
    const saved = await writeProfilePart(plain, "{}");
    const before = readZipDirectory(plain).entries;
    const after = readZipDirectory(saved).entries;
    const changed = ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"];
    for (const entry of before.filter((e) => !changed.includes(e.name))) {
      const same = after.find((e) => e.name === entry.name);
      expect(same && Buffer.from(entryData(saved, same)).equals(Buffer.from(entryData(plain, entry)))).toBe(true);
    }
    expect(after.map((e) => e.name).filter((n) => !before.some((b) => b.name === n))).toEqual([
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
      "customXml/_rels/item1.xml.rels",
    ]);
    const zip = await JSZip.loadAsync(saved);
    const text = async (name: string) => decode(await zip.file(name)!.async("uint8array"));
    expect(await text("customXml/item1.xml")).toBe(`<?xml version="1.0" encoding="UTF-8"?><profile xmlns="urn:hyoka:template-profile:1">{}</profile>`);
    expect(await text("customXml/itemProps1.xml")).toContain(`<ds:schemaRef ds:uri="${PROFILE_NAMESPACE}"/>`);
    expect(await text("customXml/_rels/item1.xml.rels")).toContain('Target="itemProps1.xml"');
    expect(await text("xl/_rels/workbook.xml.rels")).toMatch(
      /<Relationship Id="rId\d+" Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/customXml" Target="..\/customXml\/item1.xml"\/><\/Relationships>$/,
    );
    expect(await text("[Content_Types].xml")).toContain(
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>',
    );
  });

  it("replaces the profile on a second save instead of adding another part; output is reproducible", async () => {
    const plain = await writeXlsx(movedTableWorkbook());
    const first = await writeProfilePart(plain, '{"v":1}');
    const second = await writeProfilePart(first, '{"v":2}');
    expect(await readProfilePart(second)).toBe('{"v":2}');
    expect(readZipDirectory(second).entries.filter((e) => e.name.startsWith("customXml/item"))).toHaveLength(2);
    expect(Buffer.from(await writeProfilePart(plain, '{"v":1}')).equals(Buffer.from(first))).toBe(true);
  });

  it("finds the profile among other custom XML parts and ignores parts of other namespaces", async () => {
    const zip = await JSZip.loadAsync(await writeXlsx(movedTableWorkbook()));
    zip.file("customXml/item1.xml", '<?xml version="1.0"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>');
    const withOther = await zip.generateAsync({ type: "uint8array" });
    expect(await readProfilePart(withOther)).toBeNull();
    const saved = await writeProfilePart(withOther, '{"a":1}');
    expect(readZipDirectory(saved).entries.map((e) => e.name)).toContain("customXml/item2.xml");
    expect(await readProfilePart(saved)).toBe('{"a":1}');
  });

  it("returns null for bytes that are not a zip", async () => {
    expect(await readProfilePart(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

describe("profileToXml / profileFromXml", () => {
  const json = '{"name":"a < b & c > d ]]> 評価"}';

  it("escapes and restores any JSON text", () => {
    expect(profileToXml(json)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><profile xmlns="urn:hyoka:template-profile:1">{"name":"a &lt; b &amp; c &gt; d ]]&gt; 評価"}</profile>',
    );
    expect(profileFromXml(profileToXml(json))).toBe(json);
  });

  it("writes exactly what the Office adapter saves with customXmlParts.add", () => {
    expect(profileToXml(json)).toBe(officeProfileXml(json));
  });

  it("accepts CDATA, a prefixed root, character references; rejects other namespaces", () => {
    expect(profileFromXml(`<profile xmlns="${PROFILE_NAMESPACE}"><![CDATA[{"a":"<b>"}]]></profile>`)).toBe('{"a":"<b>"}');
    expect(profileFromXml(`<?xml version="1.0"?><h:profile xmlns:h='${PROFILE_NAMESPACE}'>{&quot;a&quot;:&#x8A55;}</h:profile>`)).toBe('{"a":評}');
    expect(profileFromXml(`<profile xmlns="urn:other">{}</profile>`)).toBeNull();
    expect(profileFromXml(`<settings xmlns="${PROFILE_NAMESPACE}">{}</settings>`)).toBeNull();
    expect(profileFromXml(`<profile xmlns="${PROFILE_NAMESPACE}"/>`)).toBe("");
  });
});
