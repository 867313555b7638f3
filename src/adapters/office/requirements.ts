// Which ExcelApi requirement set each feature needs. The manifest asks for MANIFEST_MIN_SET
// (reading, the summary sheet, workbook settings: Excel 2019 and later); anything newer is
// checked at run time with isSetSupported and degrades with a message instead of failing.
// Sets from the @types/office-js `[Api set: …]` tags:
//   1.4  Worksheet.getUsedRangeOrNullObject, WorksheetCollection.getItemOrNullObject,
//        Workbook.settings (SettingCollection.add / getItemOrNullObject)
//   1.1  Range.values/valueTypes/numberFormat/formulas, RangeFill.color, tables.add,
//        charts.add, Worksheet.activate, Range.select, getSelectedRange
//   1.5  Workbook.customXmlParts (template profiles)
//   1.6  Range.conditionalFormats (rate colours on the summary)
//   1.7  Worksheet.onChanged (live mode: one subscription per sheet; the collection-wide
//        WorksheetCollection.onChanged would need 1.9 and so shut out Excel 2019's 1.8)
//   1.8  ChartAxis.numberFormat (0.0% on the summary chart's value axis)
//   1.9  Range.getCellProperties, RangeFill.pattern (exact fill memory for highlights)
//   1.13 Range.getMergedAreasOrNullObject (merged areas for the reader)

import type { LocalizedText } from "../../core/findings";

export const MANIFEST_MIN_SET = "1.4";

export type Feature = "profiles" | "conditionalFormats" | "liveMode" | "chartAxisFormat" | "highlights" | "mergedAreas";

export const FEATURE_SETS: Record<Feature, string> = {
  profiles: "1.5",
  conditionalFormats: "1.6",
  liveMode: "1.7",
  chartAxisFormat: "1.8",
  highlights: "1.9",
  mergedAreas: "1.13",
};

const FEATURE_NAMES: Record<Feature, LocalizedText> = {
  profiles: { ja: "テンプレートの保存", en: "Saving template profiles" },
  conditionalFormats: { ja: "サマリーの条件付き書式", en: "Conditional formats on the summary" },
  liveMode: { ja: "ライブ検証", en: "Live validation" },
  chartAxisFormat: { ja: "サマリーのグラフ軸の書式", en: "The summary chart's axis format" },
  highlights: { ja: "指摘セルの強調表示", en: "Highlighting findings" },
  mergedAreas: { ja: "結合セルの読み取り", en: "Reading merged cells" },
};

/** `isSetSupported` for ExcelApi; a host-free default so tests and the preview never touch Office. */
export type SetSupport = (version: string) => boolean;

export function officeSetSupport(): SetSupport {
  return (version) =>
    typeof Office !== "undefined" && !!Office.context?.requirements && Office.context.requirements.isSetSupported("ExcelApi", version);
}

function unsupportedMessage(feature: Feature): LocalizedText {
  const set = FEATURE_SETS[feature];
  const name = FEATURE_NAMES[feature];
  return {
    ja: `${name.ja}には Excel JavaScript API ${set} 以降が必要です (Microsoft 365 版の Excel などをお使いください)。`,
    en: `${name.en} needs Excel JavaScript API ${set} or later (e.g. Excel for Microsoft 365).`,
  };
}

/** Thrown when a feature needs a newer requirement set than the host has; the UI shows `text`. */
export class UnsupportedFeatureError extends Error {
  readonly text: LocalizedText;
  constructor(readonly feature: Feature) {
    const text = unsupportedMessage(feature);
    super(text.en);
    this.text = text;
  }
}
