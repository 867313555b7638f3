import fc from "fast-check";
import {
  addSynonym,
  labelNameOf,
  mergeProfiles,
  newProfile,
  parseProfile,
  parseProfileText,
  pinsForSheet,
  removePin,
  serializeProfile,
  setPin,
  type TemplateProfile,
} from "../../../src/core/profile";
import { LABEL_NAMES } from "../../../src/core/vocabulary";

const valid = {
  hyokaProfile: 1,
  name: "川崎市 環境局",
  version: 3,
  synonyms: { fiscalYear: ["評価対象年度"] },
  pins: { "indicators[1].table": { range: "N50:Q54" }, "header.fiscalYear": { cell: "B2" } },
};

function errorsOf(json: unknown): string[] {
  const { profile, errors } = parseProfile(json);
  expect(profile).toBeNull();
  return errors;
}

describe("parseProfile", () => {
  it("accepts a valid profile, normalizing addresses", () => {
    const { profile, errors } = parseProfile({
      ...valid,
      $schema: "https://example.org/profile.schema.json",
      pins: { "header.fiscalYear": { cell: "$b$2" }, "budget.table": { range: "i41:a39" } },
      sheets: { 特別: { "texts.goals": { cell: "C12" } } },
    });
    expect(errors).toEqual([]);
    expect(profile).toEqual({
      hyokaProfile: 1,
      name: "川崎市 環境局",
      version: 3,
      synonyms: { fiscalYear: ["評価対象年度"] },
      pins: { "header.fiscalYear": { cell: "B2" }, "budget.table": { range: "A39:I41" } },
      sheets: { 特別: { "texts.goals": { cell: "C12" } } },
    });
  });

  it("names the bad key in one message per mistake", () => {
    expect(
      errorsOf({
        hyokaProfile: 1,
        name: "x",
        version: 1,
        pinz: {},
        synonyms: { fiscalYear: "評価対象年度", nendo: ["年"], department: ["所管課", ""] },
        pins: {
          "header.fiscalYear": { cell: "ZZ" },
          "header.department": { cell: 5 },
          "header.nowhere": { cell: "B2" },
          "indicators[0].table": { cell: "A31" },
          "budget.table": { range: "A39" },
          "texts.goals": "C12",
          "indicators[20].name": { cell: "A1" },
          "header.title": { cell: "XFE1" },
        },
        sheets: { 特別: { "header.measureCode": { cell: "A0" } } },
      }),
    ).toEqual([
      'unknown key "pinz" (expected one of: hyokaProfile, name, version, synonyms, pins, sheets, scales, costRelations)',
      "synonyms.fiscalYear: expected an array of strings",
      'synonyms: unknown label "nendo" (label names are listed in docs/templates.md)',
      "synonyms.department[1]: expected a non-empty string",
      'pins["header.fiscalYear"].cell: "ZZ" is not an A1 address',
      'pins["header.department"].cell: expected an A1 address such as "B2"',
      'pins["header.nowhere"]: unknown model path (pinnable paths are listed in docs/templates.md)',
      'pins["indicators[0].table"]: unknown key "cell" (a table is pinned with "range")',
      'pins["budget.table"].range: "A39" is not a range such as A31:D35',
      'pins["texts.goals"]: expected { "cell": "B2" }',
      'pins["indicators[20].name"]: unknown model path (pinnable paths are listed in docs/templates.md)',
      'pins["header.title"].cell: "XFE1" is not an A1 address',
      'sheets["特別"]["header.measureCode"].cell: "A0" is not an A1 address',
    ]);
  });

  it("reports missing and mistyped top-level keys", () => {
    expect(errorsOf({})).toEqual(['missing key "hyokaProfile" (the format version, 1)', 'missing key "name"', 'missing key "version"']);
    expect(errorsOf({ hyokaProfile: 2, name: " ", version: 1.5, synonyms: [], pins: null, sheets: "x" })).toEqual([
      "hyokaProfile: expected 1, found 2",
      "name: expected a non-empty string",
      "version: expected a whole number ≥ 1",
      "synonyms: expected an object of label name → array of strings",
      'pins: expected an object of model path → { "cell": … } or { "range": … }',
      "sheets: expected an object of sheet name → pins",
    ]);
    expect(errorsOf([valid])).toEqual(["profile: expected a JSON object"]);
    expect(errorsOf(null)).toEqual(["profile: expected a JSON object"]);
  });

  it("reports JSON syntax errors of profile text", () => {
    const { profile, errors } = parseProfileText('{"name": ');
    expect(profile).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^profile: not valid JSON \(/);
  });

  it("keeps a sheet called __proto__ a plain key", () => {
    const { profile } = parseProfileText('{"hyokaProfile":1,"name":"x","version":1,"sheets":{"__proto__":{"header.title":{"cell":"A1"}}}}');
    expect(Object.keys(profile?.sheets ?? {})).toEqual(["__proto__"]);
    expect(pinsForSheet(profile as TemplateProfile, "__proto__")).toEqual({ "header.title": { cell: "A1" } });
    expect(pinsForSheet(profile as TemplateProfile, "other")).toEqual({});
  });

  it("never throws on arbitrary JSON", () => {
    const keys = fc.constantFrom("hyokaProfile", "name", "version", "synonyms", "pins", "sheets", "pinz", "$schema");
    const paths = fc.constantFrom("header.fiscalYear", "indicators[0].table", "budget.table", "indicators[3].name", "x", "__proto__", "constructor");
    const pinLike = fc.oneof(fc.jsonValue(), fc.record({ cell: fc.jsonValue() }), fc.record({ range: fc.string() }), fc.record({ cell: fc.string() }));
    const profileLike = fc.dictionary(keys, fc.oneof(fc.jsonValue(), fc.dictionary(paths, pinLike), fc.dictionary(fc.string(), fc.dictionary(paths, pinLike))));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), profileLike), (json) => {
        const { profile, errors } = parseProfile(json);
        // Either a profile and no errors, or errors and no profile.
        expect(profile === null).toBe(errors.length > 0);
        if (profile) expect(parseProfile(JSON.parse(serializeProfile(profile))).profile).toEqual(profile);
      }),
      { numRuns: 400 },
    );
    fc.assert(fc.property(fc.string(), (text) => void parseProfileText(text)), { numRuns: 200 });
  });

  it("round-trips every valid profile through serializeProfile", () => {
    const text = fc.string({ minLength: 1 }).filter((s) => s.trim() !== "");
    const pins = fc.dictionary(
      fc.constantFrom("header.fiscalYear", "texts.goals", "indicators[0].name", "indicators[12].direction"),
      fc.tuple(fc.constantFrom("A", "B", "XFD"), fc.integer({ min: 1, max: 1048576 })).map(([col, row]) => ({ cell: `${col}${row}` })),
    );
    const tables = fc.dictionary(fc.constantFrom("budget.table", "evaluation.codes", "indicators[3].table"), fc.constant({ range: "A1:D6" }));
    const profiles = fc.record({
      hyokaProfile: fc.constant(1 as const),
      name: text,
      version: fc.integer({ min: 1, max: 1_000_000 }),
      synonyms: fc.dictionary(fc.constantFrom(...LABEL_NAMES), fc.array(text, { maxLength: 3 })),
      pins: fc.tuple(pins, tables).map(([a, b]) => ({ ...a, ...b })),
      sheets: fc.dictionary(fc.string(), pins),
    });
    fc.assert(
      fc.property(profiles, (profile) => {
        const parsed = parseProfile(profile);
        expect(parsed.errors).toEqual([]);
        const again = parseProfileText(serializeProfile(parsed.profile as TemplateProfile)).profile as TemplateProfile;
        expect(serializeProfile(again)).toBe(serializeProfile(parsed.profile as TemplateProfile));
        expect(again.pins).toEqual(profile.pins);
      }),
      { numRuns: 200 },
    );
  });
});

describe("serializeProfile", () => {
  it("writes a stable key order and reads back the same profile", () => {
    const { profile } = parseProfile({
      pins: { "budget.table": { range: "A39:I41" }, "indicators[1].table": { range: "N50:Q54" }, "header.fiscalYear": { cell: "B2" } },
      synonyms: { indicatorName: ["成果目標名"], fiscalYear: ["評価対象年度"] },
      version: 2,
      name: "p",
      hyokaProfile: 1,
    });
    const text = serializeProfile(profile as TemplateProfile);
    expect(text).toBe(
      [
        "{",
        '  "hyokaProfile": 1,',
        '  "name": "p",',
        '  "version": 2,',
        '  "synonyms": {',
        '    "fiscalYear": [',
        '      "評価対象年度"',
        "    ],",
        '    "indicatorName": [',
        '      "成果目標名"',
        "    ]",
        "  },",
        '  "pins": {',
        '    "header.fiscalYear": {',
        '      "cell": "B2"',
        "    },",
        '    "indicators[1].table": {',
        '      "range": "N50:Q54"',
        "    },",
        '    "budget.table": {',
        '      "range": "A39:I41"',
        "    }",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    expect(parseProfileText(text).profile).toEqual(profile);
  });
});

describe("profile edits from the pane", () => {
  it("pins the selection: top-left cell for a field, the range for a table; bumps the version", () => {
    let profile = newProfile("p");
    const a = setPin(profile, "header.measureName", "評価票!C5:H5");
    expect(a.error).toBeNull();
    profile = a.profile as TemplateProfile;
    expect(profile.pins).toEqual({ "header.measureName": { cell: "C5" } });
    expect(profile.version).toBe(2);
    const b = setPin(profile, "indicators[0].table", "A31:D35", "特別");
    profile = b.profile as TemplateProfile;
    expect(profile.sheets).toEqual({ 特別: { "indicators[0].table": { range: "A31:D35" } } });
    expect(profile.version).toBe(3);
    expect(setPin(profile, "indicators[0].table", "A31")).toEqual({
      profile: null,
      error: '"A31": select a range of several cells including the header row for Indicator table (year, plan, actual)',
    });
    expect(setPin(profile, "indicators[0].rows[1].plan", "B33")).toEqual({ profile: null, error: '"indicators[0].rows[1].plan" cannot be pinned' });
    profile = removePin(profile, "header.measureName");
    expect([profile.pins, profile.version]).toEqual([{}, 4]);
    expect(removePin(profile, "header.measureName")).toBe(profile);
    expect(addSynonym(profile, "department", " ")).toBe(profile);
    expect(pinsForSheet(profile, "特別")).toEqual({ "indicators[0].table": { range: "A31:D35" } });
  });

  it("knows which label a field's synonym belongs to", () => {
    expect(labelNameOf("header.fiscalYear")).toBe("fiscalYear");
    expect(labelNameOf("indicators[2].name")).toBe("indicatorName");
    expect(labelNameOf("plan.label")).toBeNull();
    expect(labelNameOf("projects[0].name")).toBeNull();
  });
});

describe("mergeProfiles (copies saved apart in one workbook)", () => {
  it("keeps the newest copy's name and pins, adds pins and synonyms only another copy has, and goes above every version", () => {
    const older = { ...newProfile("旧"), version: 2, synonyms: { indicatorName: ["指標名称"] }, pins: { "header.fiscalYear": { cell: "B2" }, "header.department": { cell: "D2" } } };
    const newer = {
      ...newProfile("新"),
      version: 5,
      synonyms: { indicatorName: ["指標名", "指標名称"] },
      pins: { "header.fiscalYear": { cell: "C3" } },
      sheets: { A: { "header.measureCode": { cell: "E1" } } },
    };
    expect(mergeProfiles([newer, older])).toEqual({
      hyokaProfile: 1,
      name: "新",
      version: 6,
      synonyms: { indicatorName: ["指標名称", "指標名"] },
      pins: { "header.fiscalYear": { cell: "C3" }, "header.department": { cell: "D2" } },
      sheets: { A: { "header.measureCode": { cell: "E1" } } },
    });
  });
});
