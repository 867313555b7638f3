import * as React from "react";
import {
  Badge,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Language } from "../core/findings";
import type { SheetResult } from "../core/engine";
import type { Grade, IndicatorSummary } from "../core/summary/types";
import { circledNumber, directionLabel, formatNumber, formatRate, gradeLabel, rateReasonText, sheetHeading, t } from "./i18n";

const useStyles = makeStyles({
  sheetHeading: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
  indicatorHeading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 2px` },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  rateCell: { display: "flex", flexDirection: "column", gap: "2px", minWidth: "90px", paddingTop: "2px", paddingBottom: "2px" },
  rateLine: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", justifyContent: "space-between" },
  progress: { display: "flex", flexDirection: "column", gap: "2px", marginTop: tokens.spacingVerticalXS },
});

export const GRADE_BADGE_COLOR: Record<Grade, "success" | "warning" | "danger"> = {
  achieved: "success",
  nearly: "warning",
  not: "danger",
};

const GRADE_BAR_COLOR: Record<Grade, "success" | "warning" | "error"> = {
  achieved: "success",
  nearly: "warning",
  not: "error",
};

/** A bar for a rate: full at 100% and beyond, the figure beside it says how far beyond. */
export function RateBar({ rate, grade, label }: { rate: number; grade: Grade | null; label: string }) {
  return (
    <ProgressBar
      value={Math.max(0, Math.min(rate, 1))}
      max={1}
      thickness="large"
      color={grade ? GRADE_BAR_COLOR[grade] : "brand"}
      aria-label={label}
    />
  );
}

export function RatesTab({ results, lang }: { results: SheetResult[]; lang: Language }) {
  const styles = useStyles();
  const evaluated = results.filter((r) => r.summary !== null);
  if (evaluated.length === 0) return <p>{t(lang, "noEvaluationSheets")}</p>;
  return (
    <section aria-labelledby="rates-heading">
      <h2 id="rates-heading" className={styles.sheetHeading}>
        {t(lang, "tabRates")}
      </h2>
      {evaluated.map((result) => (
        <section key={result.sheet} aria-label={result.sheet}>
          <h3 className={styles.sheetHeading}>
            {sheetHeading(result.sheet, result.summary)}
          </h3>
          {result.summary!.indicators.length === 0 && <p className={styles.meta}>{t(lang, "noIndicators")}</p>}
          {result.summary!.indicators.map((indicator) => (
            <IndicatorTable key={indicator.index} sheet={result.sheet} indicator={indicator} lang={lang} />
          ))}
        </section>
      ))}
    </section>
  );
}

function IndicatorTable({ sheet, indicator, lang }: { sheet: string; indicator: IndicatorSummary; lang: Language }) {
  const styles = useStyles();
  const title = `${circledNumber(indicator.index)} ${indicator.name}`;
  const facts = [directionLabel(lang, indicator.direction), indicator.unit ? `${t(lang, "unit")}: ${indicator.unit}` : ""]
    .filter(Boolean)
    .join(" · ");
  return (
    <div data-testid={`indicator-${sheet}-${indicator.index}`}>
      <h4 className={styles.indicatorHeading}>{title}</h4>
      {facts && <p className={styles.meta}>{facts}</p>}
      <Table size="extra-small" aria-label={`${sheet} ${title}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t(lang, "year")}</TableHeaderCell>
            <TableHeaderCell>{t(lang, "plan")}</TableHeaderCell>
            <TableHeaderCell>{t(lang, "actual")}</TableHeaderCell>
            <TableHeaderCell>{t(lang, "rate")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {indicator.base && (
            // The base year (before the plan period) is the starting value: shown, never rated.
            <TableRow data-testid={`rate-row-${indicator.index}-${indicator.base.year}`}>
              <TableCell>{indicator.base.year}</TableCell>
              <TableCell className={styles.number}>{formatNumber(indicator.base.plan)}</TableCell>
              <TableCell className={styles.number}>{formatNumber(indicator.base.actual)}</TableCell>
              <TableCell>
                <span className={styles.meta}>{rateReasonText(lang, indicator.base.rateUndefinedReason) || "—"}</span>
              </TableCell>
            </TableRow>
          )}
          {indicator.years.map((y) => (
            <TableRow key={y.year} data-testid={`rate-row-${indicator.index}-${y.year}`}>
              <TableCell>{y.year}</TableCell>
              <TableCell className={styles.number}>{formatNumber(y.plan)}</TableCell>
              <TableCell className={styles.number}>{formatNumber(y.actual)}</TableCell>
              <TableCell>
                {y.rate === null ? (
                  <span className={styles.meta}>— {rateReasonText(lang, y.rateUndefinedReason)}</span>
                ) : (
                  <div className={styles.rateCell}>
                    <div className={styles.rateLine}>
                      <span className={styles.number}>{formatRate(y.rate)}</span>
                      {y.grade && (
                        <Badge size="small" color={GRADE_BADGE_COLOR[y.grade]} data-grade={y.grade}>
                          {gradeLabel(lang, y.grade)}
                        </Badge>
                      )}
                    </div>
                    <RateBar rate={y.rate} grade={y.grade} label={`${y.year} ${t(lang, "rate")} ${formatRate(y.rate)}`} />
                  </div>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {indicator.cumulative && indicator.progress !== null && (
        <div className={styles.progress} data-testid={`progress-${indicator.index}`}>
          <span>
            {t(lang, "cumulativeProgress")}: {formatRate(indicator.progress)}
          </span>
          <RateBar rate={indicator.progress} grade={null} label={`${t(lang, "cumulativeProgress")} ${formatRate(indicator.progress)}`} />
        </div>
      )}
    </div>
  );
}
