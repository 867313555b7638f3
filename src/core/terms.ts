// The product's names for the sheets' own concepts that the task pane, the reports, the summary
// sheets and the rule messages all print: one wording per form, so that they never drift apart.

import type { LocalizedText } from "./findings";

/** 決算見込: a year's 決算 that is a forecast, not yet closed. Japanese is 決算見込 in every form. */
export const FORECAST_SETTLEMENT = {
  /** A column heading or a label standing on its own. */
  heading: { ja: "決算見込", en: "Forecast settlement" },
  /** Inside a sentence, or after a year (`2013 forecast settlement`). */
  inText: { ja: "決算見込", en: "forecast settlement" },
  /** The short tag beside a 決算 figure that is a forecast (a badge, a summary cell, 執行率(見込含む)). */
  mark: { ja: "見込", en: "forecast" },
} as const satisfies Record<string, LocalizedText>;
