import * as React from "react";
import { Button, Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetResult } from "../core/engine";
import type { Language } from "../core/findings";
import type { Settings } from "../core/settings";
import type { TemplateProfile } from "../core/profile";
import { RULES, RULE_CATALOGUE_VERSION } from "../core/rules";
import { PROFILE_RULE_ROWS, buildReport, formatCsv, formatJson, formatMarkdown, type Report } from "../core/report";
import { copyText, downloadText, safeFileName } from "./download";
import { t } from "./i18n";
import { TOOL_VERSION } from "./version";

export type PaneReportFormat = "md" | "csv" | "json";

const FORMATS: Record<PaneReportFormat, { label: string; mime: string; format: (report: Report) => string }> = {
  md: { label: "Markdown (.md)", mime: "text/markdown;charset=utf-8", format: formatMarkdown },
  csv: { label: "CSV (.csv)", mime: "text/csv;charset=utf-8", format: formatCsv },
  json: { label: "JSON (.json)", mime: "application/json;charset=utf-8", format: formatJson },
};

export interface PaneReportInput {
  results: SheetResult[];
  settings: Settings;
  profile: TemplateProfile | null;
  /** The workbook as the report names it (its file name in Excel). */
  source: string;
  now: Date;
}

/**
 * The CLI's audit report for the open workbook. The pane has no file bytes (Office.js does not
 * give them), so sha256 is null; the profile, when there is one, is the workbook's own.
 */
export function paneReport({ results, settings, profile, source, now }: PaneReportInput): Report {
  return buildReport({
    files: [
      {
        path: source,
        sha256: null,
        error: null,
        sheets: results,
        profile: profile ? { name: profile.name, version: profile.version, source: "file" } : null,
      },
    ],
    toolVersion: TOOL_VERSION,
    settings,
    checkedAt: now.toISOString(),
    ruleCatalogueVersion: RULE_CATALOGUE_VERSION,
    rules: [...RULES.filter((r) => r.scope === "sheet").map((r) => ({ id: r.id, severity: r.severity })), ...PROFILE_RULE_ROWS],
  });
}

export function reportText(input: PaneReportInput, format: PaneReportFormat): string {
  return FORMATS[format].format(paneReport(input));
}

/** `Book1.xlsx` at 2026-11-28T13:28:21Z → `Book1-hyoka-report-20261128-132821.md` */
export function reportFileName(source: string, now: Date, format: PaneReportFormat): string {
  const base = safeFileName(source.replace(/\.(xlsx|xlsm|xls)$/i, ""), "workbook");
  const stamp = now.toISOString().replace(/\.\d+Z$/, "").replace(/[-:]/g, "").replace("T", "-");
  return `${base}-hyoka-report-${stamp}.${format}`;
}

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalXS}` },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXS} 0 0` },
});

export interface ReportPanelProps {
  input: () => PaneReportInput;
  lang: Language;
  onDone: (key: "reportSaved" | "reportCopied", detail: string) => void;
  onError: (error: unknown) => void;
}

/** レポート出力: the audit report as a file, or on the clipboard where downloads are blocked. */
export function ReportPanel({ input, lang, onDone, onError }: ReportPanelProps) {
  const styles = useStyles();
  const [format, setFormat] = React.useState<PaneReportFormat>("md");

  const save = () => {
    try {
      const data = input();
      const name = reportFileName(data.source, data.now, format);
      downloadText(name, reportText(data, format), FORMATS[format].mime);
      onDone("reportSaved", name);
    } catch (error) {
      onError(error);
    }
  };

  const copy = async () => {
    try {
      await copyText(reportText(input(), format));
      onDone("reportCopied", FORMATS[format].label);
    } catch (error) {
      onError(error);
    }
  };

  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading" className={styles.heading}>
        {t(lang, "reportHeading")}
      </h2>
      <Field label={t(lang, "reportFormat")}>
        <RadioGroup layout="horizontal" value={format} onChange={(_, data) => setFormat(data.value as PaneReportFormat)}>
          {(Object.keys(FORMATS) as PaneReportFormat[]).map((f) => (
            <Radio key={f} value={f} label={FORMATS[f].label} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={save}>
          {t(lang, "saveReport")}
        </Button>
        <Button onClick={() => void copy()}>{t(lang, "copyReport")}</Button>
      </div>
      <p className={styles.hint}>{t(lang, "reportDesktopHint")}</p>
    </section>
  );
}
