// docs/templates.md and docs/profile.schema.json must not drift from the code.
import { readFileSync } from "fs";
import { join } from "path";
import { parseProfile, PIN_FAMILIES, pinTarget } from "../../../src/core/profile";
import { SCALE_ROLES, SHIPPED_SCALES } from "../../../src/core/scales";
import { LABEL_NAMES } from "../../../src/core/vocabulary";

const root = join(__dirname, "../../..");
const schema = JSON.parse(readFileSync(join(root, "docs/profile.schema.json"), "utf8"));
const guide = readFileSync(join(root, "docs/templates.md"), "utf8");

describe("profile documentation", () => {
  it("schema lists exactly the vocabulary's label names", () => {
    expect(schema.properties.synonyms.propertyNames.enum).toEqual(LABEL_NAMES);
  });

  it("schema pins every pinnable path with the right kind, and no other", () => {
    const pins = schema.$defs.pins;
    const plain = PIN_FAMILIES.filter((f) => !f.family.startsWith("indicators[]"));
    expect(Object.keys(pins.properties).sort()).toEqual(plain.map((f) => f.family).sort());
    for (const f of plain) expect(pins.properties[f.family].$ref).toBe(f.kind === "cell" ? "#/$defs/cellPin" : "#/$defs/rangePin");
    const patterns = Object.entries(pins.patternProperties as Record<string, { $ref: string }>).map(([p, s]) => [new RegExp(p), s.$ref] as const);
    for (const path of ["indicators[0].name", "indicators[19].description", "indicators[7].direction", "indicators[3].table", "indicators[20].name", "indicators[01].name"]) {
      const kind = pinTarget(path)?.kind ?? null;
      const matched = patterns.filter(([re]) => re.test(path)).map(([, ref]) => ref);
      expect([path, matched]).toEqual([path, kind === null ? [] : [kind === "cell" ? "#/$defs/cellPin" : "#/$defs/rangePin"]]);
    }
  });

  it("schema lists exactly the scale roles and the shipped scales, and the guide names each", () => {
    expect(schema.properties.scales.propertyNames.enum).toEqual(SCALE_ROLES);
    expect(schema.properties.scales.additionalProperties.oneOf[0].enum).toEqual(Object.keys(SHIPPED_SCALES));
    for (const name of [...SCALE_ROLES, ...Object.keys(SHIPPED_SCALES)]) expect([name, guide.includes(`\`${name}\``)]).toEqual([name, true]);
  });

  it("the guide's scale and cost-relation example profiles are valid", () => {
    const blocks = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
    const withScales = blocks.filter((b) => "scales" in b);
    const withCosts = blocks.filter((b) => "costRelations" in b);
    expect([withScales.length, withCosts.length]).toEqual([1, 1]);
    for (const b of [...withScales, ...withCosts]) expect(parseProfile(b).errors).toEqual([]);
    expect(schema.properties.costRelations.properties.packs.items.enum).toEqual(["kawasaki", "suginami", "mie", "kitami", "kaizuka", "suita"]);
  });

  it("the guide's example profile is valid and every pinnable path is documented", () => {
    const example = /## The JSON format\n\n```json\n([\s\S]*?)```/.exec(guide);
    expect(parseProfile(JSON.parse(example?.[1] ?? "null")).errors).toEqual([]);
    for (const f of PIN_FAMILIES) expect([f.family, guide.includes(`\`${f.family.replace("[]", "[n]")}\``)]).toEqual([f.family, true]);
  });
});
