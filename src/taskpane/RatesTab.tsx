import * as React from "react";
import { Badge, ProgressBar, TableCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../core/findings";
import type { SheetResult } from "../core/engine";
import type { Grade, IndicatorBaseSummary, IndicatorSummary } from "../core/summary/types";
import { circledNumber, directionLabel, formatNumber, formatRate, gradeLabel, rateReasonText, t, type StringKey } from "./i18n";
import { EvaluationSheetsTab, FigureTable, NumberCell, useSharedStyles } from "./ui";

const useStyles = makeStyles({
  indicatorHeading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 2px` },
  rateCell: { display: "flex", flexDirection: "column", gap: "2px", minWidth: "90px", paddingTop: "2px", paddingBottom: "2px" },
  rateLine: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", justifyContent: "space-between" },
  progress: { display: "flex", flexDirection: "column", gap: "2px", marginTop: tokens.spacingVerticalXS },
});

const COLUMNS: readonly StringKey[] = ["year", "plan", "actual", "rate"];

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
  const shared = useSharedStyles();
  return (
    <EvaluationSheetsTab id="rates" title={t(lang, "tabRates")} results={results} lang={lang}>
      {(result, summary) => (
        <>
          {summary.indicators.length === 0 && <p className={shared.meta}>{t(lang, "noIndicators")}</p>}
          {summary.indicators.map((indicator) => (
            <IndicatorTable key={indicator.index} sheet={result.sheet} indicator={indicator} lang={lang} />
          ))}
        </>
      )}
    </EvaluationSheetsTab>
  );
}

function IndicatorTable({ sheet, indicator, lang }: { sheet: string; indicator: IndicatorSummary; lang: Language }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const title = `${circledNumber(indicator.index)} ${indicator.name}`;
  const facts = [directionLabel(lang, indicator.direction), indicator.unit ? `${t(lang, "unit")}: ${indicator.unit}` : ""]
    .filter(Boolean)
    .join(" · ");
  return (
    <div data-testid={`indicator-${sheet}-${indicator.index}`}>
      <h4 className={styles.indicatorHeading}>{title}</h4>
      {facts && <p className={shared.meta}>{facts}</p>}
      <FigureTable label={`${sheet} ${title}`} columns={COLUMNS} lang={lang}>
        {indicator.base && (
          // The base year (before the plan period) is the starting value: shown, never rated.
          <YearRow index={indicator.index} year={indicator.base}>
            <span className={shared.meta}>{rateReasonText(lang, indicator.base.rateUndefinedReason) || "—"}</span>
          </YearRow>
        )}
        {indicator.years.map((y) => (
          <YearRow key={y.year} index={indicator.index} year={y}>
            {y.rate === null ? (
              <span className={shared.meta}>— {rateReasonText(lang, y.rateUndefinedReason)}</span>
            ) : (
              <div className={styles.rateCell}>
                <div className={styles.rateLine}>
                  <span className={shared.number}>{formatRate(y.rate)}</span>
                  {y.grade && (
                    <Badge size="small" color={GRADE_BADGE_COLOR[y.grade]} data-grade={y.grade}>
                      {gradeLabel(lang, y.grade)}
                    </Badge>
                  )}
                </div>
                <RateBar rate={y.rate} grade={y.grade} label={`${y.year} ${t(lang, "rate")} ${formatRate(y.rate)}`} />
              </div>
            )}
          </YearRow>
        ))}
      </FigureTable>
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

/** One year of an indicator: its figures, then what is said of its rate. */
function YearRow({ index, year, children }: { index: number; year: IndicatorBaseSummary; children: React.ReactNode }) {
  return (
    <TableRow data-testid={`rate-row-${index}-${year.year}`}>
      <TableCell>{year.year}</TableCell>
      <NumberCell>{formatNumber(year.plan)}</NumberCell>
      <NumberCell>{formatNumber(year.actual)}</NumberCell>
      <TableCell>{children}</TableCell>
    </TableRow>
  );
}
