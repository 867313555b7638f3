// A finding: one rule's verdict on one place of one sheet.

export type Severity = "error" | "warning" | "info";

export type Language = "ja" | "en";

export interface LocalizedText {
  ja: string;
  en: string;
}

export interface Finding {
  /** Stable rule ID from the catalogue, e.g. `indicator.unit.missing`. */
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address without `$`; null when the finding is about something that was not found. */
  cell: string | null;
  /** Model path, e.g. `indicators[0].rows[2].actual`. */
  path: string;
  message: LocalizedText;
  /** The raw cell text involved, when there is one. */
  raw?: string;
  /** What was expected there, in words (localized). */
  expected?: LocalizedText;
  /** Further cells involved (e.g. both cells of a cross-year difference), `Sheet!A1`. */
  related?: string[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
