// The pieces the tabs are built of, so that every tab's headings, tables and figures look the same.

import * as React from "react";
import {
  Badge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
  type MessageBarProps,
} from "@fluentui/react-components";
import type { Language, Severity } from "../core/findings";
import type { EvaluationResult, SheetResult } from "../core/engine";
import type { SheetSummary } from "../core/summary/types";
import { sheetHeading, t, type StringKey } from "./i18n";

export const useSharedStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  marks: { display: "inline-flex", gap: "2px", marginInlineStart: tokens.spacingHorizontalXS },
});

/** A severity's badge colour, the same in every tab. */
export const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** A tab's content under its h2 (`${id}-heading` names the section). */
export function TabSection({ id, title, className, children }: { id: string; title: string; className?: string; children: React.ReactNode }) {
  const styles = useSharedStyles();
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <h2 id={`${id}-heading`} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A tab with one section per evaluation sheet (other sheets have no summary to show). */
export function EvaluationSheetsTab({
  id,
  title,
  results,
  lang,
  children,
}: {
  id: string;
  title: string;
  results: SheetResult[];
  lang: Language;
  children: (result: EvaluationResult, summary: SheetSummary) => React.ReactNode;
}) {
  const styles = useSharedStyles();
  const evaluated = results.filter((r): r is EvaluationResult => r.kind === "evaluation");
  if (evaluated.length === 0) return <p>{t(lang, "noEvaluationSheets")}</p>;
  return (
    <TabSection id={id} title={title}>
      {evaluated.map((result) => (
        <section key={result.sheet} aria-label={result.sheet}>
          <h3 className={styles.heading}>{sheetHeading(result.sheet, result.summary)}</h3>
          {children(result, result.summary)}
        </section>
      ))}
    </TabSection>
  );
}

/** A compact table whose header row names the columns; the children are its body rows. */
export function FigureTable({
  label,
  columns,
  lang,
  className,
  children,
}: {
  label: string;
  columns: readonly StringKey[];
  lang: Language;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Table size="extra-small" className={className} aria-label={label}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell key={column}>{t(lang, column)}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
}

/** A cell of figures: aligned at the end, digits of equal width. */
export function NumberCell({ className, children }: { className?: string | false; children: React.ReactNode }) {
  const styles = useSharedStyles();
  return <TableCell className={mergeClasses(styles.number, className)}>{children}</TableCell>;
}

/** Badges set beside a figure. */
export function Marks({ children }: { children: React.ReactNode }) {
  const styles = useSharedStyles();
  return <span className={styles.marks}>{children}</span>;
}

/** 見込: the 決算 is a forecast, not a closed figure. */
export function ForecastBadge({ lang }: { lang: Language }) {
  return (
    <Badge size="small" appearance="tint" color="informative" title={t(lang, "forecastLong")}>
      {t(lang, "forecast")}
    </Badge>
  );
}

/** A message whose title is followed by a list (an invalid template's errors, unused pins…). */
export function ListMessage({
  intent,
  title,
  items,
  className,
  listTestId,
}: {
  intent: MessageBarProps["intent"];
  title: string;
  items: readonly string[];
  className?: string;
  listTestId?: string;
}) {
  return (
    <MessageBar intent={intent} className={className} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul data-testid={listTestId}>
          {items.map((item, i) => (
            <li key={`${i}:${item}`}>{item}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
