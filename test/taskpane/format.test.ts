import { circledNumber, directionLabel, formatNumber, formatRate, gradeLabel, rateReasonText, sheetHeading, t } from "../../src/taskpane/i18n";
import { describeError } from "../../src/taskpane/errors";
import { label } from "../../src/core/report/labels";
import { buildSummaryLayout } from "../../src/core/report/summaryLayout";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { isDarkColor, officeThemeName } from "../../src/taskpane/theme";
import { documentFileName, wantsAutoCheck } from "../../src/taskpane/boot";
import { reportFileName } from "../../src/taskpane/ReportPanel";
import { safeFileName } from "../../src/taskpane/download";

describe("formatRate", () => {
  it("shows one decimal", () => {
    expect(formatRate(0.71333)).toBe("71.3%");
    expect(formatRate(428 / 600)).toBe("71.3%");
    expect(formatRate(161 / 130)).toBe("123.8%");
    expect(formatRate(38182 / 43769)).toBe("87.2%");
    expect(formatRate(1)).toBe("100.0%");
  });
  it("rounds halves as the report does, so the pane and its report agree", () => {
    // 23 / 80 = 0.2875: toFixed on 28.749999… gave 28.7%.
    expect(formatRate(23 / 80)).toBe("28.8%");
    expect(formatRate(29 / 400)).toBe("7.3%");
  });
  it("shows a dash for no rate", () => {
    expect(formatRate(null)).toBe("—");
    expect(formatRate(undefined)).toBe("—");
    expect(formatRate(Number.NaN)).toBe("—");
  });
});

describe("formatNumber and labels", () => {
  it("keeps thousands separators", () => {
    expect(formatNumber(43769)).toBe("43,769");
    expect(formatNumber(null)).toBe("—");
  });
  it("reads like toLocaleString en-US (3 decimals at most), whole numbers grouped without Intl", () => {
    const spy = jest.spyOn(Number.prototype, "toLocaleString");
    try {
      expect([formatNumber(-1234567), formatNumber(0), formatNumber(Number.MAX_SAFE_INTEGER)]).toEqual(["-1,234,567", "0", "9,007,199,254,740,991"]);
      expect(spy).not.toHaveBeenCalled();
      expect(formatNumber(1e21)).toBe("1,000,000,000,000,000,000,000"); // past 2^53: Intl's
      expect(formatNumber(1234.56789)).toBe("1,234.568");
      expect(formatNumber(-0)).toBe("-0");
    } finally {
      spy.mockRestore();
    }
  });
  it("numbers indicators with circled digits", () => {
    expect(circledNumber(1)).toBe("①");
    expect(circledNumber(3)).toBe("③");
  });
  it("has both languages", () => {
    expect(t("ja", "check")).toBe("検証");
    expect(t("en", "check")).toBe("Check");
  });
  it("names 決算見込 as the reports and the summary sheet do", () => {
    const summaryHeading = (lang: "ja" | "en") => {
      const { budget } = buildSummaryLayout([], DEFAULT_SETTINGS, { formulas: false, language: lang });
      return budget.headers[budget.columns.forecast];
    };
    const headings = (lang: "ja" | "en") => [t(lang, "forecastLong"), label("forecast", lang), summaryHeading(lang)];
    expect(headings("ja")).toEqual(["決算見込", "決算見込", "決算見込"]);
    expect(headings("en")).toEqual(["Forecast settlement", "Forecast settlement", "Forecast settlement"]);
    expect([t("ja", "forecast"), t("en", "forecast")]).toEqual(["見込", "forecast"]);
  });
  it("translates the core's rate reasons", () => {
    expect(rateReasonText("ja", "plan is 0")).toBe("計画値が0");
    expect(rateReasonText("en", "plan is 0")).toBe("plan is 0");
    expect(rateReasonText("ja", "something new")).toBe("something new");
    expect(rateReasonText("ja", undefined)).toBe("");
  });
  it("shows the core's grade words, capitalized on their own", () => {
    expect(gradeLabel("en", "achieved")).toBe("Achieved");
    expect(gradeLabel("en", "nearly")).toBe("Nearly achieved");
    expect(gradeLabel("en", "not")).toBe("Not achieved");
    expect(gradeLabel("ja", "nearly")).toBe("概ね達成");
  });
  it("shows the core's direction words, nothing for an unknown direction", () => {
    expect(directionLabel("ja", "target")).toBe("目標値に近いほどよい");
    expect(directionLabel("en", "lower")).toBe("lower is better");
    expect(directionLabel("en", null)).toBe("");
  });
});

describe("describeError", () => {
  const editing = Object.assign(new Error("The operation is not allowed in cell-edit mode."), { code: "InvalidOperationInCellEditMode" });
  it("maps Office error codes to one clear sentence", () => {
    expect(describeError(editing, "ja")).toBe("セルを編集中です。Enter キーを押してから、もう一度お試しください。");
    expect(describeError(editing, "en")).toBe("A cell is being edited — press Enter and try again.");
  });
  it("suggests, for Excel on the web's payload cap, only what a user can do (no \"active sheet\" mode exists)", () => {
    const tooLarge = Object.assign(new Error("The request payload size has exceeded the limit."), { code: "RequestPayloadSizeLimitExceeded" });
    expect(describeError(tooLarge, "ja")).toBe("データが大きすぎて Excel とやり取りできませんでした。様式の外にある不要な値や書式を削除してから、もう一度お試しください。");
    expect(describeError({ code: "ResponsePayloadSizeLimitExceeded" }, "en")).toBe(
      "The data is too large to exchange with Excel. Remove stray values and formats outside the forms, then try again.",
    );
  });
  it("uses an adapter error's own localized text", () => {
    const unsupported = Object.assign(new Error("needs 1.9"), { text: { ja: "Excel API 1.9 以降が必要です", en: "needs ExcelApi 1.9" } });
    expect(describeError(unsupported, "ja")).toBe("Excel API 1.9 以降が必要です");
    expect(describeError(unsupported, "en")).toBe("needs ExcelApi 1.9");
  });
  it("keeps the text of unknown errors", () => {
    expect(describeError(Object.assign(new Error("boom"), { code: "GeneralException" }), "en")).toBe("The operation failed (GeneralException): boom");
    expect(describeError(new Error("disk"), "ja")).toBe("操作に失敗しました: disk");
    expect(describeError("x", "en")).toBe("The operation failed: x");
  });
});

describe("theme", () => {
  it("tells dark Office backgrounds from light ones", () => {
    expect(isDarkColor("#262626")).toBe(true);
    expect(isDarkColor("#FFFFFF")).toBe(false);
    expect(isDarkColor("#e6e6e6")).toBe(false);
    expect(isDarkColor("")).toBeNull();
  });
  it("follows Office.context.officeTheme", () => {
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "#1f1f1f" } } };
    try {
      expect(officeThemeName()).toBe("dark");
      g.Office = { context: { officeTheme: { bodyBackgroundColor: "#ffffff" } } };
      expect(officeThemeName()).toBe("light");
    } finally {
      delete g.Office;
    }
    expect(officeThemeName()).toBe("light");
  });
});

describe("boot", () => {
  it("checks on open when the ribbon asks", () => {
    expect(wantsAutoCheck("?action=validate")).toBe(true);
    expect(wantsAutoCheck("?_host_Info=Excel$Win32&action=validate")).toBe(true);
    expect(wantsAutoCheck("")).toBe(false);
    expect(wantsAutoCheck("?action=summary")).toBe(false);
  });
});

describe("file names", () => {
  it("takes the workbook's name from Office's document URL", () => {
    expect(documentFileName("C:\\Users\\kei\\評価票\\41303000-2013.xlsx")).toBe("41303000-2013.xlsx");
    expect(documentFileName("https://contoso.sharepoint.com/sites/x/Shared%20Documents/%E8%A9%95%E4%BE%A1.xlsx?web=1")).toBe("評価.xlsx");
    expect(documentFileName("/Users/kei/100%.xlsx")).toBe("100%.xlsx");
    expect(documentFileName("")).toBeNull();
    expect(documentFileName(undefined)).toBeNull();
  });

  it("names reports after the workbook and the time, safe on every system", () => {
    const now = new Date("2026-11-28T03:04:05.678Z");
    expect(reportFileName("41303000-2013.xlsx", now, "csv")).toBe("41303000-2013-hyoka-report-20261128-030405.csv");
    expect(reportFileName("a/b:c?.XLSM", now, "md")).toBe("a_b_c_-hyoka-report-20261128-030405.md");
    expect(safeFileName("  ", "template")).toBe("template");
  });
});

describe("sheetHeading", () => {
  it("does not repeat the code when the sheet is named after the measure", () => {
    expect(sheetHeading("41303000", { measureCode: "41303000", measureName: "環境技術を活かした国際貢献" })).toBe("41303000 環境技術を活かした国際貢献");
  });
  it("names both when they differ, and the sheet alone without a code", () => {
    expect(sheetHeading("環境局", { measureCode: "41303000", measureName: "環境技術を活かした国際貢献" })).toBe("環境局 — 41303000 環境技術を活かした国際貢献");
    expect(sheetHeading("Sheet1", { measureCode: null, measureName: null })).toBe("Sheet1");
    expect(sheetHeading("Sheet1", null)).toBe("Sheet1");
  });
});
