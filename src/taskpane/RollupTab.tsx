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
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import type { Language } from "../core/findings";
import type { SheetResult } from "../core/engine";
import type { Settings } from "../core/settings";
import { rollUp } from "../core/summary";
import { ROLLUP_FLAGS } from "../core/summary/rollup";
import type { RollupFlag } from "../core/summary/types";
import { formatNumber, formatRate, t, type StringKey } from "./i18n";

const FLAG_BADGES: Record<RollupFlag, { key: StringKey; color: BadgeProps["color"] }> = {
  overrun: { key: "overrun", color: "danger" },
  "high-spend-low-achievement": { key: "flagHighSpendLowAchievement", color: "severe" },
  "under-execution": { key: "flagUnderExecution", color: "warning" },
};

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  // Nine columns do not fit a task pane: the table scrolls sideways (and can be focused to do so by keyboard).
  scroller: { overflowX: "auto", maxWidth: "100%" },
  wide: { minWidth: "640px" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  code: { whiteSpace: "nowrap" },
  name: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  badges: { display: "inline-flex", flexWrap: "wrap", gap: "2px" },
});

function FlagBadges({ flags, lang }: { flags: readonly RollupFlag[]; lang: Language }) {
  const styles = useStyles();
  return (
    <span className={styles.badges}>
      {flags.map((flag) => (
        <Badge key={flag} size="small" color={FLAG_BADGES[flag].color} data-flag={flag}>
          {t(lang, FLAG_BADGES[flag].key)}
        </Badge>
      ))}
    </span>
  );
}

/** 全体: budget against results for every measure of the workbook, flagged for finance, with totals per 作成課. */
export function RollupTab({ results, settings, lang }: { results: SheetResult[]; settings: Settings; lang: Language }) {
  const styles = useStyles();
  const rollup = React.useMemo(() => rollUp(results, settings), [results, settings]);
  if (rollup.measures.length === 0) return <p>{t(lang, "noEvaluationSheets")}</p>;
  return (
    <section aria-labelledby="rollup-heading">
      <h2 id="rollup-heading" className={styles.heading}>
        {t(lang, "rollupHeading")}
      </h2>
      <p className={styles.meta}>{t(lang, "rollupNote")}</p>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={t(lang, "rollupHeading")}>
        <Table size="extra-small" className={styles.wide} aria-label={t(lang, "rollupHeading")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(lang, "measure")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "evaluationCode")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "meanRate")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "minRate")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "budget")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "settlement")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "executionRate")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "budgetToPlan")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "flags")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rollup.measures.map((m) => (
              <TableRow key={m.sheet} data-testid={`rollup-row-${m.sheet}`}>
                <TableCell>
                  <span className={styles.code}>{m.measureCode ?? m.sheet}</span>
                  {m.measureName && <span className={styles.name}>{m.measureName}</span>}
                </TableCell>
                <TableCell>{m.evaluationCode ?? "—"}</TableCell>
                <TableCell className={styles.number}>{formatRate(m.meanRate)}</TableCell>
                <TableCell className={styles.number}>{formatRate(m.minRate)}</TableCell>
                <TableCell className={styles.number}>{formatNumber(m.budget)}</TableCell>
                <TableCell className={styles.number}>
                  {formatNumber(m.settlement)}
                  {m.settlementIsForecast && (
                    <Badge size="small" appearance="tint" color="informative" title={t(lang, "forecastLong")}>
                      {t(lang, "forecast")}
                    </Badge>
                  )}
                </TableCell>
                <TableCell className={styles.number}>{formatRate(m.executionRate)}</TableCell>
                <TableCell className={styles.number}>{formatRate(m.budgetToPlan)}</TableCell>
                <TableCell>
                  <FlagBadges flags={m.flags} lang={lang} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <h3 className={styles.heading}>{t(lang, "departmentTotals")}</h3>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={t(lang, "departmentTotals")}>
        <Table size="extra-small" aria-label={t(lang, "departmentTotals")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(lang, "department")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "measureCount")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "budget")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "settlement")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "executionRate")}</TableHeaderCell>
              <TableHeaderCell>{t(lang, "flags")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rollup.departments.map((d) => (
              <TableRow key={d.department ?? ""} data-testid={`department-row-${d.department ?? ""}`}>
                <TableCell>{d.department ?? t(lang, "noDepartment")}</TableCell>
                <TableCell className={styles.number}>{d.measures}</TableCell>
                <TableCell className={styles.number}>{formatNumber(d.budget)}</TableCell>
                <TableCell className={styles.number}>{formatNumber(d.settlement)}</TableCell>
                <TableCell className={styles.number}>{formatRate(d.executionRate)}</TableCell>
                <TableCell>
                  <span className={styles.badges}>
                    {ROLLUP_FLAGS.filter((flag) => d.flags[flag] > 0).map((flag) => (
                      <Badge key={flag} size="small" color={FLAG_BADGES[flag].color} data-flag={flag}>
                        {`${t(lang, FLAG_BADGES[flag].key)} ${d.flags[flag]}`}
                      </Badge>
                    ))}
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
