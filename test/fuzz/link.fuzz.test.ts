// Linking on mangled inputs: the 41303000 family's digests with codes, years, names, figures and
// units changed at random, sheets dropped or copied into other files. linkSheets never throws,
// every finding is a catalogue rule on a sheet that was given, and every figure is finite.
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/engine";
import { linkSheets, type LinkDigest, type LinkInput } from "../../src/core/link";
import { digestsOf } from "../../src/core/report";
import { RULES } from "../../src/core/rules";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { familyMistakesWorkbook, familyWorkbook } from "../../src/samples/family41303000";
import { fuzzParameters } from "./runs";

const base: LinkDigest[] = [familyWorkbook(), familyMistakesWorkbook().sheets].flatMap((sheets) =>
  digestsOf(checkWorkbook({ sheets: sheets.map((s) => s.grid) })).filter((d): d is LinkDigest => d !== null),
);
const RULE_SEVERITY = new Map(RULES.filter((r) => r.scope === "link").map((r) => [r.id, r.severity]));
const names = base.flatMap((d) => (d.kind === "project" ? [d.key] : d.projects.map((p) => p.key)));

type Edit =
  | { kind: "code"; which: number; code: string | null }
  | { kind: "year"; which: number; year: number | null }
  | { kind: "rename"; which: number; name: string }
  | { kind: "figure"; which: number; k: number; value: number | null }
  | { kind: "unit"; which: number; unit: string | null }
  | { kind: "drop"; which: number }
  | { kind: "file"; which: number; file: string | null };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("code" as const), which: fc.nat(), code: fc.constantFrom("41303000", "41303001", "", null) }),
  fc.record({ kind: fc.constant("year" as const), which: fc.nat(), year: fc.constantFrom(2013, 2014, 1989, null) }),
  fc.record({ kind: fc.constant("rename" as const), which: fc.nat(), name: fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 4 })) }),
  fc.record({ kind: fc.constant("figure" as const), which: fc.nat(), k: fc.nat(), value: fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.constant(null), fc.double({ min: -1e6, max: 1e6, noNaN: true })) }),
  fc.record({ kind: fc.constant("unit" as const), which: fc.nat(), unit: fc.constantFrom("千円", "円", "ドル", null) }),
  fc.record({ kind: fc.constant("drop" as const), which: fc.nat() }),
  fc.record({ kind: fc.constant("file" as const), which: fc.nat(), file: fc.constantFrom("a.xlsx", "b.xlsx", null) }),
);

function apply(edits: readonly Edit[]): LinkInput[] {
  const inputs: LinkInput[] = base.map((d, i) => ({ file: i < 6 ? "family.xlsx" : "variant.xlsx", digest: structuredClone(d) }));
  for (const e of edits) {
    if (inputs.length === 0) break;
    const input = inputs[e.which % inputs.length];
    const d = input.digest;
    switch (e.kind) {
      case "code":
        if (d.kind === "project") d.measure = d.measure && { ...d.measure, code: e.code };
        else d.measureCode = e.code;
        break;
      case "year":
        d.fiscalYear = e.year;
        break;
      case "rename":
        if (d.kind === "project") d.key = e.name;
        else if (d.projects.length) d.projects[e.which % d.projects.length].key = e.name;
        break;
      case "figure": {
        const figures = d.kind === "project" ? d.costs : d.kind === "evaluation" ? d.budget : [];
        if (figures.length) figures[e.k % figures.length].value = e.value;
        break;
      }
      case "unit":
        if (d.kind === "project") d.costUnit = e.unit;
        else if (d.kind === "evaluation") d.budgetUnit = e.unit;
        break;
      case "drop":
        inputs.splice(e.which % inputs.length, 1);
        break;
      case "file":
        input.file = e.file;
        break;
    }
  }
  return inputs;
}

function wellFormed(inputs: LinkInput[]): boolean {
  const { groups, findings } = linkSheets(inputs, DEFAULT_SETTINGS, { singleFile: false });
  const sheets = new Set(inputs.map((i) => `${i.file}|${i.digest.sheet}`));
  const findingsOk = findings.every(
    (f) =>
      RULE_SEVERITY.has(f.rule) &&
      sheets.has(`${f.file}|${f.sheet}`) &&
      (f.cell === null || /^[A-Z]{1,3}[1-9]\d*$/.test(f.cell)) &&
      f.message.ja.length > 0 &&
      f.message.en.length > 0 &&
      !/undefined|NaN|\[object /.test(f.message.ja + f.message.en),
  );
  const figuresOk = groups.every((g) => g.costs.every((c) => [c.measure, c.projectsSum, c.difference].every((n) => n === null || Number.isFinite(n))));
  return findingsOk && figuresOk;
}

test("linkSheets on mangled family digests: never throws, findings on given sheets, finite figures", () => {
  fc.assert(fc.property(fc.array(edit, { maxLength: 12 }), (edits) => wellFormed(apply(edits))), fuzzParameters(2_000));
});
