import * as React from "react";
import { Badge, TableCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../core/findings";
import type { SheetResult } from "../core/engine";
import type { Settings } from "../core/settings";
import type { BudgetYearSummary } from "../core/summary/types";
import { formatNumber, formatRate, t, type StringKey } from "./i18n";
import { EvaluationSheetsTab, FigureTable, ForecastBadge, Marks, NumberCell, useSharedStyles } from "./ui";

const useStyles = makeStyles({
  overrun: { backgroundColor: tokens.colorPaletteRedBackground2 },
  deviation: { backgroundColor: tokens.colorPaletteYellowBackground2 },
});

const COLUMNS: readonly StringKey[] = ["year", "planned", "budget", "settlement", "executionRate", "budgetToPlan"];

export function isOverrun(year: BudgetYearSummary): boolean {
  return year.budget !== null && year.settlement !== null && year.settlement > year.budget;
}

export function isFarFromPlan(year: BudgetYearSummary, settings: Settings): boolean {
  return year.budgetToPlan !== null && Math.abs(year.budgetToPlan - 1) > settings.budgetPlanDeviation;
}

export function BudgetTab({ results, settings, lang }: { results: SheetResult[]; settings: Settings; lang: Language }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  return (
    <EvaluationSheetsTab id="budget" title={t(lang, "tabBudget")} results={results} lang={lang}>
      {(result, summary) =>
        summary.budget.length === 0 ? (
          <p className={shared.meta}>{t(lang, "noBudget")}</p>
        ) : (
          <>
            <p className={shared.meta}>({t(lang, "budgetUnit")})</p>
            <FigureTable label={`${result.sheet} ${t(lang, "tabBudget")}`} columns={COLUMNS} lang={lang}>
              {summary.budget.map((y) => {
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
                        <Marks>
                          <Badge size="small" color="danger">
                            {t(lang, "overrun")}
                          </Badge>
                        </Marks>
                      )}
                    </TableCell>
                    <NumberCell>{formatNumber(y.planned)}</NumberCell>
                    <NumberCell>{formatNumber(y.budget)}</NumberCell>
                    <NumberCell>
                      {formatNumber(y.settlement)}
                      {y.settlementIsForecast && (
                        <Marks>
                          <ForecastBadge lang={lang} />
                        </Marks>
                      )}
                    </NumberCell>
                    <NumberCell>{formatRate(y.executionRate)}</NumberCell>
                    <NumberCell className={farFromPlan && styles.deviation}>
                      {formatRate(y.budgetToPlan)}
                      {farFromPlan && (
                        <Marks>
                          <Badge size="small" color="warning">
                            {t(lang, "deviation")}
                          </Badge>
                        </Marks>
                      )}
                    </NumberCell>
                  </TableRow>
                );
              })}
            </FigureTable>
          </>
        )
      }
    </EvaluationSheetsTab>
  );
}
