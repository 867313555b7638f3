import * as React from "react";
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import type { ProjectResult, SheetResult } from "../core/engine";
import type { Finding, Language } from "../core/findings";
import { SEVERITY_ORDER } from "../core/findings";
import type { CostCell, CostColumnHeader, ProjectSheet } from "../core/model";
import { formatNumber, formatRate, severityLabel, t } from "./i18n";
import { ForecastBadge, Marks, NumberCell, SEVERITY_COLOR, TabSection, useSharedStyles } from "./ui";

const useStyles = makeStyles({
  // Eleven figure columns do not fit a task pane: the table scrolls sideways (focusable by keyboard).
  scroller: { overflowX: "auto", maxWidth: "100%" },
  nowrap: { whiteSpace: "nowrap" },
  figure: { minWidth: "auto", padding: "0 2px", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightRegular },
  error: { backgroundColor: tokens.colorPaletteRedBackground2 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  info: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  findings: { paddingInlineStart: tokens.spacingHorizontalL, margin: `${tokens.spacingVerticalXS} 0` },
});

/** Width of one figure column (px): room for 119,201 and a header line such as 計画事業費. */
const FIGURE_COLUMN_WIDTH = 80;

/** 予算 / 決算 / 決算見込 / 計画事業費. */
function columnKind(column: CostColumnHeader, lang: Language): string {
  return column.forecast ? t(lang, "forecastLong") : t(lang, column.column === "plan" ? "planned" : column.column);
}

/** `2024 予算`: a column's year and kind. */
function columnHeading(column: CostColumnHeader, lang: Language): string {
  return `${column.year.value ?? "?"} ${columnKind(column, lang)}`;
}

/** The most severe finding at each cell of the sheet. */
function findingsByCell(findings: readonly Finding[]): Map<string, Finding> {
  const byCell = new Map<string, Finding>();
  for (const f of findings) {
    if (!f.cell) continue;
    const known = byCell.get(f.cell);
    if (!known || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[known.severity]) byCell.set(f.cell, f);
  }
  return byCell;
}

/** The cost table as the sheet lays it out (rows by meaning, one column per year and kind); a figure selects its cell. */
function CostTable({ result, lang, onSelect }: { result: ProjectResult; lang: Language; onSelect: (sheet: string, address: string) => void }) {
  const styles = useStyles();
  const model: ProjectSheet = result.model;
  const flagged = React.useMemo(() => findingsByCell(result.findings), [result.findings]);
  const cellAt = (row: string, column: number): CostCell | undefined => model.costs.cells.find((c) => c.row === row && c.columnIndex === column);
  const label = `${result.sheet} ${t(lang, "projectCosts")}`;
  return (
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={label}>
      {/* Wide enough that no figure overflows into its neighbour: the region scrolls instead. */}
      <Table size="extra-small" aria-label={label} style={{ minWidth: `${(model.costs.columns.length + 1) * FIGURE_COLUMN_WIDTH}px` }}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t(lang, "costRow")}</TableHeaderCell>
            {model.costs.columns.map((c, i) => (
              // Year over kind, on two lines: 2024 / 計画事業費.
              <TableHeaderCell key={i} aria-label={columnHeading(c, lang)}>
                {c.year.value ?? "?"}
                <br />
                {columnKind(c, lang)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {model.costs.rows.map((row) => (
            <TableRow key={row.row} data-testid={`cost-row-${result.sheet}-${row.row}`}>
              <TableCell className={styles.nowrap}>{row.label.value}</TableCell>
              {model.costs.columns.map((_, i) => {
                const cell = cellAt(row.row, i);
                const address = cell?.value.cell?.address ?? null;
                const finding = address ? flagged.get(address) : undefined;
                return (
                  <NumberCell key={i} className={finding ? styles[finding.severity] : undefined}>
                    {address ? (
                      <Button
                        size="small"
                        appearance="transparent"
                        className={styles.figure}
                        title={finding ? `${severityLabel(lang, finding.severity)}: ${finding.message[lang]}` : `${t(lang, "goToCell")} ${address}`}
                        data-cell={address}
                        data-severity={finding?.severity}
                        onClick={() => onSelect(result.sheet, address)}
                      >
                        {cell?.value.value === null ? (cell?.value.raw.trim() || "—") : formatNumber(cell?.value.value)}
                      </Button>
                    ) : (
                      "—"
                    )}
                  </NumberCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

const COST_RULE = /^project\.cost\./;

/** The cost findings of a sheet, worst first; each selects its cell. */
function CostFindings({ result, lang, onSelect }: { result: ProjectResult; lang: Language; onSelect: (sheet: string, address: string) => void }) {
  const styles = useStyles();
  const findings = result.findings.filter((f) => COST_RULE.test(f.rule)).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (findings.length === 0) return <p data-testid={`cost-clean-${result.sheet}`}>{t(lang, "costsHold")}</p>;
  return (
    <ul className={styles.findings} aria-label={`${result.sheet} ${t(lang, "costFindings")}`}>
      {findings.map((f, i) => (
        <li key={i} data-testid={`cost-finding-${result.sheet}-${f.cell ?? "none"}`}>
          <Badge size="small" color={SEVERITY_COLOR[f.severity]}>
            {severityLabel(lang, f.severity)}
          </Badge>{" "}
          {f.cell ? (
            <Button size="small" appearance="transparent" onClick={() => onSelect(f.sheet, f.cell!)}>
              {f.cell}
            </Button>
          ) : (
            t(lang, "noCell")
          )}{" "}
          {f.message[lang]}
        </li>
      ))}
    </ul>
  );
}

/** 事務事業: each project sheet with its 達成度, 方向性区分, cost table and the findings on its figures. */
export function ProjectsTab({ results, lang, onSelect }: { results: SheetResult[]; lang: Language; onSelect: (sheet: string, address: string) => void }) {
  const shared = useSharedStyles();
  const projects = results.filter((r): r is ProjectResult => r.kind === "project");
  if (projects.length === 0) return <p>{t(lang, "noProjectSheets")}</p>;
  return (
    <TabSection id="projects" title={t(lang, "tabProjects")}>
      {projects.map((result) => {
        const s = result.summary;
        const thisYear = s.years.find((y) => y.year === s.fiscalYear);
        const name = [s.projectCode, s.projectName].filter(Boolean).join(" ");
        return (
          <section key={result.sheet} aria-label={result.sheet}>
            <h3 className={shared.heading}>{name && name !== result.sheet ? `${result.sheet} — ${s.projectName ?? ""}` : result.sheet}</h3>
            <p className={shared.meta}>
              {[
                s.department,
                s.fiscalYear !== null ? `${t(lang, "fiscalYear")} ${s.fiscalYear}` : null,
                `${t(lang, "achievementLevel")} ${s.achievement ?? "—"}`,
                `${t(lang, "directionClass")} ${s.direction ?? "—"}`,
                s.costUnit ? `${t(lang, "unit")}: ${s.costUnit}` : t(lang, "unitUnknown"),
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {thisYear && (
              // A div: the forecast badge is a block element, which a <p> may not hold.
              <div className={shared.meta} data-testid={`project-year-${result.sheet}`}>
                {t(lang, "executionRate")} {formatRate(thisYear.executionRate)}
                {thisYear.settlementIsForecast && (
                  <Marks>
                    <ForecastBadge lang={lang} />
                  </Marks>
                )}{" "}
                · {t(lang, "generalShare")} {formatRate(thisYear.generalShare)} · {t(lang, "staffShare")} {formatRate(thisYear.staffShare)} · {t(lang, "totalCost")}{" "}
                {formatNumber(thisYear.totalCost)}
              </div>
            )}
            {result.model.costs.columns.length === 0 ? <p className={shared.meta}>{t(lang, "noBudget")}</p> : <CostTable result={result} lang={lang} onSelect={onSelect} />}
            <CostFindings result={result} lang={lang} onSelect={onSelect} />
          </section>
        );
      })}
    </TabSection>
  );
}

