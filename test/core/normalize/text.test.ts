import { cellText, isNoValueMarker, labelKey, normalizeText } from "../../../src/core/normalize";
import { nfkc } from "../../../src/core/normalize/text";

describe("cellText", () => {
  test.each<[Parameters<typeof cellText>[0], string]>([
    ["施策課題", "施策課題"],
    [" 123 ", " 123 "],
    [43769, "43769"],
    [0.914, "0.914"],
    [-0, "0"],
    [true, "TRUE"],
    [false, "FALSE"],
    [{ error: "#DIV/0!" }, "#DIV/0!"],
    [{ date: "2013-04-01" }, "2013-04-01"],
    [null, ""],
  ])("%p → %p", (value, expected) => {
    expect(cellText(value)).toBe(expected);
  });
});

describe("normalizeText", () => {
  test.each<[string, string]>([
    ["  環境局地球環境推進室　", "環境局地球環境推進室"],
    ["●課題1\r\n●課題2\r●課題3", "●課題1\n●課題2\n●課題3"],
    ["ＵＮＥＰ（国連環境計画）", "UNEP(国連環境計画)"],
    ["政策の\n基本方向", "政策の\n基本方向"],
    ["\uD800壊れた", "\uD800壊れた"],
    ["", ""],
  ])("%p → %p", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("labelKey", () => {
  test.each<[string, string]>([
    ["計 画 値", "計画値"],
    ["計　画　値", "計画値"],
    ["政策の\n基本方向", "政策の基本方向"],
    ["政策の\r\n基本方向 ", "政策の基本方向"],
    ["施策進行管理・評価表", "施策進行管理・評価票"],
    ["ＵＮＥＰ", "unep"],
    ["第3期実行計画(2011(H23)〜2013(H25)年度)", "第3期実行計画(2011(h23)~2013(h25)年度)"],
    ["第３期実行計画（2011（H23）～2013（H25）年度）", "第3期実行計画(2011(h23)~2013(h25)年度)"],
    ["t－CO2", "t-co2"],
    ["t―CO2", "t-co2"],
    ["エネルギー", "エネルギ-"],
    ["参考指標名①", "参考指標名1"],
  ])("%p → %p", (input, expected) => {
    expect(labelKey(input)).toBe(expected);
  });

  test("spacing, line breaks and width variants of one label share a key", () => {
    expect(labelKey("計 画 値")).toBe(labelKey("計画値"));
    expect(labelKey("政策の\n基本方向")).toBe(labelKey("政策の基本方向"));
    expect(labelKey("評価表")).toBe(labelKey("評価票"));
    expect(labelKey("エネルギ－")).toBe(labelKey("エネルギー"));
  });
});

describe("isNoValueMarker", () => {
  test.each(["", "   ", "\n", "－", "―", "-", "‐", "ー", "—", "--", "…", "‥", "・・・", "･･･", "...", "未集計", "集計中", "未定", "N/A", "n/a", "Ｎ／Ａ", " － "])(
    "%p is a no-value marker",
    (s) => {
      expect(isNoValueMarker(s)).toBe(true);
    },
  );

  test.each(["0", "なし", "・", ".", "A", "集計", "123", "-1", "△", "NA"])("%p is not a no-value marker", (s) => {
    expect(isNoValueMarker(s)).toBe(false);
  });
});

describe("nfkc (remembers short texts)", () => {
  const reference = (s: string) => s.normalize("NFKC");

  test("short, long, repeated and lone-surrogate texts read the same as String.normalize", () => {
    const texts = ["ＡⅡ", "４２８", "ｶﾀｶﾅ", "①", "㈱", "e\u0301", "\uD800", "", "x".repeat(40) + "Ａ", "本市の環境技術を活かし、".repeat(8) + "ﾃｽﾄ"];
    for (const round of [1, 2]) {
      for (const s of texts) expect([round, nfkc(s)]).toEqual([round, reference(s)]);
    }
    expect(nfkc("ＡⅡ")).toBe("AII");
  });

  test("stays right past its size bound (the memo is cleared, not trusted)", () => {
    const many = Array.from({ length: 9000 }, (_, i) => `Ｈ${i}`);
    for (const s of many) expect(nfkc(s)).toBe(`H${s.slice(1)}`);
    expect(nfkc(many[0])).toBe("H0");
    expect(nfkc(many[8999])).toBe("H8999");
  });
});
