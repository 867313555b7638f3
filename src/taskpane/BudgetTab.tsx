import * as React from "react";
import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Language } from "../core/findings";
import type { SheetResult } from "../core/engine";
import type { Settings } from "../core/settings";
import type { BudgetYearSummary } from "../core/summary/types";
import { formatNumber, formatRate, sheetHeading, t } from "./i18n";

const useStyles = makeStyles({
  sheetHeading: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  overrun: { backgroundColor: tokens.colorPaletteRedBackground2 },
  deviation: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  marks: { display: "inline-flex", gap: "2px", marginInlineStart: tokens.spacingHorizontalXS },
});

export function isOverrun(year: BudgetYearSummary): boolean {
  return year.budget !== null && year.settlement !== null && year.settlement > year.budget;
}

export function isFarFromPlan(year: BudgetYearSummary, settings: Settings): boolean {
  return year.budgetToPlan !== null && Math.abs(year.budgetToPlan - 1) > settings.budgetPlanDeviation;
}

export function BudgetTab({ results, settings, lang }: { results: SheetResult[]; settings: Settings; lang: Language }) {
  const styles = useStyles();
  const evaluated = results.filter((r) => r.summary !== null);
  if (evaluated.length === 0) return <p>{t(lang, "noEvaluationSheets")}</p>;
  return (
    <section aria-labelledby="budget-heading">
      <h2 id="budget-heading" className={styles.sheetHeading}>
        {t(lang, "tabBudget")}
      </h2>
      {evaluated.map((result) => {
        const years = result.summary!.budget;
        return (
          <section key={result.sheet} aria-label={result.sheet}>
            <h3 className={styles.sheetHeading}>{sheetHeading(result.sheet, result.summary)}</h3>
            {years.length === 0 ? (
              <p className={styles.meta}>{t(lang, "noBudget")}</p>
            ) : (
              <>
                <p className={styles.meta}>({t(lang, "budgetUnit")})</p>
                <Table size="extra-small" aria-label={`${result.sheet} ${t(lang, "tabBudget")}`}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t(lang, "year")}</TableHeaderCell>
                      <TableHeaderCell>{t(lang, "planned")}</TableHeaderCell>
                      <TableHeaderCell>{t(lang, "budget")}</TableHeaderCell>
                      <TableHeaderCell>{t(lang, "settlement")}</TableHeaderCell>
                      <TableHeaderCell>{t(lang, "executionRate")}</TableHeaderCell>
                      <TableHeaderCell>{t(lang, "budgetToPlan")}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {years.map((y) => {
                      const overrun = isOverrun(y);
                      const farFromPlan = isFarFromPlan(y, settings);
                      return (
                        <TableRow
                          key={y.year}
                          className={overrun ? styles.overrun : undefined}
                          data-testid={`budget-row-${result.sheet}-${y.year}`}
                          data-overrun={overrun ? "true" : undefined}
                        >
                          <TableCell>
                            {y.year}
                            {overrun && (
                              <span className={styles.marks}>
                                <Badge size="small" color="danger">
                                  {t(lang, "overrun")}
                                </Badge>
                              </span>
                            )}
                          </TableCell>
                          <TableCell className={styles.number}>{formatNumber(y.planned)}</TableCell>
                          <TableCell className={styles.number}>{formatNumber(y.budget)}</TableCell>
                          <TableCell className={styles.number}>
                            {formatNumber(y.settlement)}
                            {y.settlementIsForecast && (
                              <span className={styles.marks}>
                                <Badge size="small" appearance="tint" color="informative" title={t(lang, "forecastLong")}>
                                  {t(lang, "forecast")}
                                </Badge>
                              </span>
                            )}
                          </TableCell>
                          <TableCell className={styles.number}>{formatRate(y.executionRate)}</TableCell>
                          <TableCell className={mergeClasses(styles.number, farFromPlan && styles.deviation)}>
                            {formatRate(y.budgetToPlan)}
                            {farFromPlan && (
                              <span className={styles.marks}>
                                <Badge size="small" color="warning">
                                  {t(lang, "deviation")}
                                </Badge>
                              </span>
                            )}
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </>
            )}
          </section>
        );
      })}
    </section>
  );
}
