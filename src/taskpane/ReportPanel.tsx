import * as React from "react";
import { Button, Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetResult } from "../core/engine";
import type { Language } from "../core/findings";
import type { Settings } from "../core/settings";
import type { TemplateProfile } from "../core/profile";
import { RULE_CATALOGUE_VERSION, ruleRows } from "../core/rules";
import { buildReport, formatCsv, formatJson, formatMarkdown, sha256Hex, toReportLink, type Report } from "../core/report";
import type { LinkGroup } from "../core/link";
import { copyText, safeFileName } from "./download";
import { ExportView, exportText, type ExportedText } from "./ExportView";
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
  /** SHA-256 of the workbook file's bytes, as the CLI reports it; null when the host gives no bytes. */
  sha256?: string | null;
  /** The workbook's sheets linked by 施策 (the report's links[]); the file is named by `source`. */
  links?: readonly LinkGroup[];
}

/**
 * The CLI's audit report for the open workbook. sha256 is the file's as Excel gives it
 * (WorkbookPort.fileBytes), else null; the profile, when there is one, is the workbook's own.
 */
export function paneReport({ results, settings, profile, source, now, sha256 = null, links = [] }: PaneReportInput): Report {
  // Within the workbook a link names no file; in the report the file is the workbook.
  const named = links.map((g) => toReportLink(g)).map((l) => ({
    ...l,
    measureSheet: l.measureSheet && { ...l.measureSheet, file: source },
    rollupSheet: l.rollupSheet && { ...l.rollupSheet, file: source },
    projects: l.projects.map((p) => (p.sheet === null ? p : { ...p, file: source })),
  }));
  return buildReport({
    files: [
      {
        path: source,
        sha256,
        error: null,
        sheets: results,
        profile: profile ? { name: profile.name, version: profile.version, source: "file" } : null,
      },
    ],
    toolVersion: TOOL_VERSION,
    settings,
    checkedAt: now.toISOString(),
    ruleCatalogueVersion: RULE_CATALOGUE_VERSION,
    // The rules the CLI lists for a check without --cross-year: the pane always applies the profile.
    rules: ruleRows(["sheet", "rollup", "link", "template"]),
  }, named);
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

/** The input with the file's hash, when the host can give the file's bytes. */
export async function withFileHash(input: PaneReportInput, fileBytes?: () => Promise<Uint8Array | null>): Promise<PaneReportInput> {
  const bytes = fileBytes ? await fileBytes() : null;
  return { ...input, sha256: bytes ? sha256Hex(bytes) : null };
}

export interface ReportPanelProps {
  input: () => PaneReportInput;
  /** The workbook file's bytes (WorkbookPort.fileBytes), hashed into the report. */
  fileBytes?: () => Promise<Uint8Array | null>;
  lang: Language;
  onDone: (key: "reportSaved" | "reportCopied", detail: string) => void;
  onError: (error: unknown) => void;
  /** False where a download from the pane saves nothing (Excel for Mac, iPad): the report is shown to copy instead. */
  downloads?: boolean;
}

/** レポート出力: the audit report as a file, on the clipboard, or shown in the pane to copy. */
export function ReportPanel({ input, fileBytes, lang, onDone, onError, downloads = true }: ReportPanelProps) {
  const styles = useStyles();
  const [format, setFormat] = React.useState<PaneReportFormat>("md");
  const [shown, setShown] = React.useState<ExportedText | null>(null);

  /** Runs `use` on the report's input; the file is hashed first only where the host gives its bytes. */
  const withInput = async (use: (data: PaneReportInput) => void | Promise<void>) => {
    try {
      const data = input();
      // Without bytes to read, `use` runs within the click itself (downloads and the clipboard want that).
      await use(fileBytes ? await withFileHash(data, fileBytes) : data);
    } catch (error) {
      onError(error);
    }
  };

  const exported = (data: PaneReportInput): ExportedText => ({ fileName: reportFileName(data.source, data.now, format), text: reportText(data, format), mime: FORMATS[format].mime });

  const save = () =>
    withInput((data) => {
      const file = exported(data);
      if (exportText(file, downloads, setShown)) onDone("reportSaved", file.fileName);
    });

  const show = () => withInput((data) => setShown(exported(data)));

  const copy = () =>
    withInput(async (data) => {
      await copyText(reportText(data, format));
      onDone("reportCopied", FORMATS[format].label);
    });

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
        <Button appearance="primary" onClick={() => void save()}>
          {t(lang, downloads ? "saveReport" : "showReport")}
        </Button>
        <Button onClick={() => void copy()}>{t(lang, "copyReport")}</Button>
        {downloads && <Button onClick={() => void show()}>{t(lang, "showReport")}</Button>}
      </div>
      {downloads && <p className={styles.hint}>{t(lang, "reportDesktopHint")}</p>}
      {shown && (
        <ExportView
          exported={shown}
          lang={lang}
          onCopied={() => onDone("reportCopied", FORMATS[format].label)}
          onClose={() => setShown(null)}
          onError={onError}
        />
      )}
    </section>
  );
}
