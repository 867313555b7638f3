// localizeNote: every note a normalizer can write has a Japanese wording, and no English is
// left in it.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { CellValue } from "../../../src/core/grid";
import {
  localizeNote,
  parseDirection,
  parseEvaluationCode,
  parseNumber,
  parseYear,
  UNKNOWN_NOTE_JA,
} from "../../../src/core/normalize";
import { fuzzParameters } from "../../fuzz/runs";
import { englishIn } from "../rules/japaneseText";

const PARSERS = [parseNumber, parseYear, parseEvaluationCode, parseDirection];

describe("localizeNote", () => {
  test.each<[string, string]>([
    ["full-width digits", "全角数字を半角にしました"],
    ["full-width characters", "全角文字を半角にしました"],
    ["thousands separator removed", "桁区切りのカンマを除きました"],
    ["number stored as text", "文字列として入力された数値を数値として読みました"],
    ["△ read as minus; thousands separator removed; footnote mark removed", "「△」をマイナスとして読みました、桁区切りのカンマを除きました、注記の記号(※・*)を除きました"],
    ["full-width digits; percent sign removed", "全角数字を半角にしました、%記号を除きました"],
    ["era year H23 → 2011", "和暦 H23 を 2011 と読みました"],
    ["full-width digits; era year 平成23 → 2011", "全角数字を半角にしました、和暦 平成23 を 2011 と読みました"],
    ["era year H32 out of range (Heisei 1–31)", "和暦 H32 は範囲外です(平成は1〜31年)"],
    ["era year S0 out of range (Showa 1–64)", "和暦 S0 は範囲外です(昭和は1〜64年)"],
    ["western year 2011 and era year H24 (2012) disagree", "西暦 2011 年と和暦 H24(2012年)が一致しません"],
    ["year out of range 1900–2100", "年度が1900〜2100の範囲外です"],
    ["evaluation code aii → AⅡ", "評価区分「aii」を AⅡ と読みました"],
    ["direction 高いほどよい read as higher", "方向性「高いほどよい」を「大きいほどよい」と読みました"],
    ["direction 減少 read as lower", "方向性「減少」を「小さいほどよい」と読みました"],
    ["boolean TRUE; expected a number", "真偽値「TRUE」です、数値が必要です"],
    ["a date; expected a number", "日付が入力されています、数値が必要です"],
    ["Excel error #DIV/0!; expected A/B/C followed by Ⅰ or Ⅱ", "Excel のエラー値「#DIV/0!」です、A・B・C に Ⅰ か Ⅱ を続けた評価区分(例: AⅡ)が必要です"],
    ["not a whole year; expected a fiscal year such as 2013, 2013年度, H25 or 平成25年度", "年度が整数ではありません、2013、2013年度、H25、平成25年度のような年度が必要です"],
  ])("%s → %s", (note, ja) => {
    expect(localizeNote(note)).toEqual({ ja, en: note });
  });

  test("a note nobody wrote a translation for reads as a Japanese sentence, never as English", () => {
    expect(localizeNote("something new")).toEqual({ ja: UNKNOWN_NOTE_JA, en: "something new" });
    expect(localizeNote("full-width digits; something new; more")).toEqual({
      ja: `全角数字を半角にしました、${UNKNOWN_NOTE_JA}`,
      en: "full-width digits; something new; more",
    });
    expect(localizeNote("era year H99 out of range (Meiji 1–45)").ja).toBe(UNKNOWN_NOTE_JA);
  });
});

// Entries as people type them: every branch of every parser that writes a note.
const CORPUS: CellValue[] = [
  "43,769", "１２３", "１，２３４", " 123 ", "123", "-5", "+5", "△123", "▲1,234", "−7", "－7", "45.2%", "４５．２％",
  "123※", "123※1", "123*", "123＊", "△1,234※", "1,23,4", "12-3", "大きい", "9".repeat(400), "1e5",
  true, false, { error: "#DIV/0!" }, { error: "#N/A" }, NaN, Infinity, 2011.5, 1899, 2101,
  "2011", "２０１１", "2011年度", "H23", "h23", "Ｈ２３", "平成23年度", "平成２３年度", "H元", "R5", "令和元年度", "S64", "S65",
  "H0", "H32", "R83", "R99", "2011(H23)年度", "2011(H24)年度", "H23(2011)", "1800(H23)", "2011.5", "19999",
  "AⅡ", "A2", "Ａ２", "ＡⅡ", "A-Ⅱ", "aⅱ", "AII", "a i", "B1", "c・2", "D1", "A3", 7,
  "大きいほどよい", "高いほどよい", "多い方がよい", "小さい方が良い", "少ないほうがいい", "減少", "増加", "目標に近いほどよい", "適正",
  { unexpected: true } as unknown as CellValue,
];

const fragment = fc.constantFrom(
  "2011", "１２３", "H", "h", "R", "S", "平成", "令和", "昭和", "元", "年度", "年", "(", ")", "〜", "-", "－", "△", "▲", "−",
  ",", "，", ".", "%", "％", "※", "*", "A", "Ｂ", "c", "Ⅰ", "Ⅱ", "ⅱ", "I", "ii", "2", "23", "99", " ", "　",
  "大きい", "小さい", "高い", "ほど", "方が", "よい", "良い", "目標値に近い",
);
const fuzzCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ unit: fragment, maxLength: 6 }),
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.integer({ min: 1800, max: 2200 }),
  fc.boolean(),
  fc.constantFrom<CellValue>({ error: "#REF!" }, null),
);

function notesOf(v: CellValue): string[] {
  return PARSERS.map((parse) => parse(v).note).filter((n): n is string => n !== undefined);
}

/** The part of the Japanese that failed: a fallback sentence or English left in it. */
function untranslated(note: string): string | null {
  const { ja } = localizeNote(note);
  if (ja.includes(UNKNOWN_NOTE_JA)) return `${note} → ${ja}`;
  const english = englishIn(ja);
  return english.length > 0 ? `${note} → ${ja} (${english.join(", ")})` : null;
}

describe("every note the normalizers write has a Japanese wording", () => {
  test("over a corpus of real entries (each kind of note at least once)", () => {
    const notes = new Set(CORPUS.flatMap(notesOf));
    expect(notes.size).toBeGreaterThanOrEqual(40);
    expect([...notes].map(untranslated).filter((x) => x !== null)).toEqual([]);
  });

  test("over fuzzed entries", () => {
    const failures = new Set<string>();
    fc.assert(
      fc.property(fuzzCell, (v) => {
        for (const note of notesOf(v)) {
          const failure = untranslated(note);
          if (failure) failures.add(failure);
        }
      }),
      fuzzParameters(5_000),
    );
    expect([...failures]).toEqual([]);
  });

  test("notes written outside the normalizers (reader, profile) are in the table too", () => {
    // Literal notes: `note: "…"` and `.note = "…"` anywhere in the core but the normalizers.
    const root = join(__dirname, "../../../src/core");
    const literals: string[] = [];
    for (const dir of readdirSync(root, { withFileTypes: true })) {
      if (!dir.isDirectory() || dir.name === "normalize") continue;
      for (const file of readdirSync(join(root, dir.name)).filter((f) => f.endsWith(".ts"))) {
        const source = readFileSync(join(root, dir.name, file), "utf8");
        for (const m of source.matchAll(/\bnote(?::|\s*=)\s*"([^"]+)"/g)) literals.push(m[1]);
      }
    }
    expect(literals).toContain("full-width digits");
    expect(literals).toContain("no period (YYYY〜YYYY年度) in the pinned cell");
    expect(literals.map(untranslated).filter((x) => x !== null)).toEqual([]);
  });
});
