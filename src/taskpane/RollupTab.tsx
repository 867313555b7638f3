import * as React from "react";
import { Badge, TableCell, TableRow, makeStyles, tokens, type BadgeProps } from "@fluentui/react-components";
import type { Language } from "../core/findings";
import type { SheetResult } from "../core/engine";
import type { LinkGroup } from "../core/link";
import type { Settings } from "../core/settings";
import { rollUp, type ProjectRollup, type ProjectTotals, type ScaleDistribution } from "../core/summary";
import { ROLLUP_FLAGS } from "../core/summary/rollup";
import type { Rollup, RollupFlag } from "../core/summary/types";
import { formatNumber, formatRate, t, type StringKey } from "./i18n";
import { FigureTable, ForecastBadge, NumberCell, TabSection, useSharedStyles } from "./ui";
import { MeasureTree } from "./MeasureTree";

const FLAG_BADGES: Record<RollupFlag, { key: StringKey; color: BadgeProps["color"] }> = {
  overrun: { key: "overrun", color: "danger" },
  "high-spend-low-achievement": { key: "flagHighSpendLowAchievement", color: "severe" },
  "under-execution": { key: "flagUnderExecution", color: "warning" },
};

const useStyles = makeStyles({
  // Nine columns do not fit a task pane: the table scrolls sideways (and can be focused to do so by keyboard).
  scroller: { overflowX: "auto", maxWidth: "100%" },
  wide: { minWidth: "640px" },
  nowrap: { whiteSpace: "nowrap" },
  name: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  badges: { display: "inline-flex", flexWrap: "wrap", gap: "2px" },
});

const MEASURE_COLUMNS: readonly StringKey[] = [
  "measure",
  "evaluationCode",
  "meanRate",
  "minRate",
  "budget",
  "settlement",
  "executionRate",
  "budgetToPlan",
  "flags",
];

const DEPARTMENT_COLUMNS: readonly StringKey[] = ["department", "measureCount", "budget", "settlement", "executionRate", "flags"];

/** The flags' badges; with counts (a department's), each says how many measures carry it. */
function FlagBadges({ flags, counts, lang }: { flags: readonly RollupFlag[]; counts?: Record<RollupFlag, number>; lang: Language }) {
  const styles = useStyles();
  return (
    <span className={styles.badges}>
      {flags.map((flag) => (
        <Badge key={flag} size="small" color={FLAG_BADGES[flag].color} data-flag={flag}>
          {counts ? `${t(lang, FLAG_BADGES[flag].key)} ${counts[flag]}` : t(lang, FLAG_BADGES[flag].key)}
        </Badge>
      ))}
    </span>
  );
}

const PROJECT_COLUMNS: readonly StringKey[] = ["project", "projectDepartment", "budget", "settlement", "executionRate", "totalCost", "achievementLevel", "directionClass"];
const PROJECT_TOTAL_COLUMNS: readonly StringKey[] = ["projectDepartment", "unit", "projectCount", "budget", "settlement", "executionRate", "totalCost"];

/** A department's or group's 決算 with its 決算見込 (kept apart in the core, shown together here). */
function withForecast(settlement: number | null, forecast: number | null): number | null {
  return settlement === null && forecast === null ? null : (settlement ?? 0) + (forecast ?? 0);
}

/** The project part of 全体: each project's evaluation year, totals by 所属 and policy area, the distributions. */
function ProjectRollupSection({ rollup, lang }: { rollup: ProjectRollup; lang: Language }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const totals = (rows: ProjectTotals[], first: StringKey, testId: string) => (
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={t(lang, first === "policyArea" ? "policyTotalsHeading" : "projectTotalsHeading")}>
      <FigureTable label={t(lang, first === "policyArea" ? "policyTotalsHeading" : "projectTotalsHeading")} columns={[first, ...PROJECT_TOTAL_COLUMNS.slice(1)]} lang={lang}>
        {rows.map((d) => (
          <TableRow key={`${d.group ?? ""}:${d.costUnit ?? ""}`} data-testid={`${testId}-${d.group ?? ""}-${d.costUnit ?? ""}`}>
            <TableCell>{d.group ?? t(lang, "noDepartment")}</TableCell>
            <TableCell>{d.costUnit ?? t(lang, "unitUnknown")}</TableCell>
            <NumberCell className={styles.nowrap}>{d.projects}</NumberCell>
            <NumberCell className={styles.nowrap}>{formatNumber(d.budget)}</NumberCell>
            <NumberCell className={styles.nowrap}>{formatNumber(withForecast(d.settlement, d.settlementForecast))}</NumberCell>
            <NumberCell className={styles.nowrap}>{formatRate(d.executionRate)}</NumberCell>
            <NumberCell className={styles.nowrap}>{formatNumber(d.totalCost)}</NumberCell>
          </TableRow>
        ))}
      </FigureTable>
    </div>
  );
  const distribution = (d: ScaleDistribution) =>
    [...d.values.map((v) => `${v.value}: ${v.count}`), `${t(lang, "notChosen")}: ${d.none}`].join(" · ");
  return (
    <>
      <h3 className={shared.heading}>{t(lang, "projectRollupHeading")}</h3>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={t(lang, "projectRollupHeading")}>
        <FigureTable label={t(lang, "projectRollupHeading")} columns={PROJECT_COLUMNS} lang={lang} className={styles.wide}>
          {rollup.projects.map((p) => (
            <TableRow key={`${p.file ?? ""}:${p.sheet}`} data-testid={`project-rollup-row-${p.sheet}`}>
              <TableCell>
                <span className={styles.nowrap}>{p.projectCode ?? p.sheet}</span>
                {p.projectName && <span className={styles.name}>{p.projectName}</span>}
              </TableCell>
              <TableCell>{p.department ?? "—"}</TableCell>
              <NumberCell className={styles.nowrap}>{formatNumber(p.budget)}</NumberCell>
              <NumberCell className={styles.nowrap}>
                {formatNumber(p.settlement)}
                {p.settlementIsForecast && <ForecastBadge lang={lang} />}
              </NumberCell>
              <NumberCell className={styles.nowrap}>{formatRate(p.executionRate)}</NumberCell>
              <NumberCell className={styles.nowrap}>{formatNumber(p.totalCost)}</NumberCell>
              <TableCell>{p.achievement ?? "—"}</TableCell>
              <TableCell>{p.direction ?? "—"}</TableCell>
            </TableRow>
          ))}
        </FigureTable>
      </div>
      <h3 className={shared.heading}>{t(lang, "projectTotalsHeading")}</h3>
      {totals(rollup.byDepartment, "projectDepartment", "project-department-row")}
      <h3 className={shared.heading}>{t(lang, "policyTotalsHeading")}</h3>
      {totals(rollup.byPolicyArea, "policyArea", "project-policy-row")}
      <h3 className={shared.heading}>{t(lang, "distributionHeading")}</h3>
      <p data-testid="achievement-distribution">
        {t(lang, "achievementLevel")} — {distribution(rollup.achievement)}
      </p>
      <p data-testid="direction-distribution">
        {t(lang, "directionClass")} — {distribution(rollup.direction)}
      </p>
    </>
  );
}

export interface RollupTabProps {
  results: SheetResult[];
  settings: Settings;
  lang: Language;
  /** The workbook's sheets linked by 施策: the 政策 → 施策 → 事務事業 tree. */
  links?: readonly LinkGroup[];
  onSelect?: (sheet: string, address: string) => void;
}

/**
 * 全体: budget against results for every measure of the workbook, flagged for finance, with totals
 * per 作成課; then the project sheets, and the tree of linked 施策 and their projects.
 */
export function RollupTab({ results, settings, lang, links = [], onSelect = () => undefined }: RollupTabProps) {
  const rollup = React.useMemo(() => rollUp(results, settings), [results, settings]);
  const projects = rollup.projects.projects.length > 0 ? <ProjectRollupSection rollup={rollup.projects} lang={lang} /> : null;
  const tree = <MeasureTree links={links} lang={lang} onSelect={onSelect} />;
  if (rollup.measures.length === 0 && !projects && links.length === 0) return <p>{t(lang, "noEvaluationSheets")}</p>;
  return (
    <TabSection id="rollup" title={t(lang, "rollupHeading")}>
      {rollup.measures.length > 0 && <MeasureRollupSection rollup={rollup} lang={lang} />}
      {projects}
      {tree}
    </TabSection>
  );
}

/** The 施策 part of 全体: each measure's rates, budget and flags, and the totals per 作成課. */
function MeasureRollupSection({ rollup, lang }: { rollup: Rollup; lang: Language }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  return (
    <>
      <p className={shared.meta}>{t(lang, "rollupNote")}</p>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={t(lang, "rollupHeading")}>
        <FigureTable label={t(lang, "rollupHeading")} columns={MEASURE_COLUMNS} lang={lang} className={styles.wide}>
          {rollup.measures.map((m) => (
            <TableRow key={m.sheet} data-testid={`rollup-row-${m.sheet}`}>
              <TableCell>
                <span className={styles.nowrap}>{m.measureCode ?? m.sheet}</span>
                {m.measureName && <span className={styles.name}>{m.measureName}</span>}
              </TableCell>
              <TableCell>{m.evaluationCode ?? "—"}</TableCell>
              <NumberCell className={styles.nowrap}>{formatRate(m.meanRate)}</NumberCell>
              <NumberCell className={styles.nowrap}>{formatRate(m.minRate)}</NumberCell>
              <NumberCell className={styles.nowrap}>{formatNumber(m.budget)}</NumberCell>
              <NumberCell className={styles.nowrap}>
                {formatNumber(m.settlement)}
                {m.settlementIsForecast && <ForecastBadge lang={lang} />}
              </NumberCell>
              <NumberCell className={styles.nowrap}>{formatRate(m.executionRate)}</NumberCell>
              <NumberCell className={styles.nowrap}>{formatRate(m.budgetToPlan)}</NumberCell>
              <TableCell>
                <FlagBadges flags={m.flags} lang={lang} />
              </TableCell>
            </TableRow>
          ))}
        </FigureTable>
      </div>

      <h3 className={shared.heading}>{t(lang, "departmentTotals")}</h3>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={t(lang, "departmentTotals")}>
        <FigureTable label={t(lang, "departmentTotals")} columns={DEPARTMENT_COLUMNS} lang={lang}>
          {rollup.departments.map((d) => (
            <TableRow key={d.department ?? ""} data-testid={`department-row-${d.department ?? ""}`}>
              <TableCell>{d.department ?? t(lang, "noDepartment")}</TableCell>
              <NumberCell className={styles.nowrap}>{d.measures}</NumberCell>
              <NumberCell className={styles.nowrap}>{formatNumber(d.budget)}</NumberCell>
              <NumberCell className={styles.nowrap}>{formatNumber(withForecast(d.settlement, d.settlementForecast))}</NumberCell>
              <NumberCell className={styles.nowrap}>{formatRate(d.executionRate)}</NumberCell>
              <TableCell>
                <FlagBadges flags={ROLLUP_FLAGS.filter((flag) => d.flags[flag] > 0)} counts={d.flags} lang={lang} />
              </TableCell>
            </TableRow>
          ))}
        </FigureTable>
      </div>
    </>
  );
}
