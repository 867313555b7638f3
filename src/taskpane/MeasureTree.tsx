import * as React from "react";
import { Badge, TableCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../core/findings";
import type { LinkGroup } from "../core/link";
import { measureTree, type TreeFigure, type TreeMeasure } from "../core/link/tree";
import { formatNumber, formatRate, t, type StringKey } from "./i18n";
import { FigureTable, ForecastBadge, Marks, NumberCell, useSharedStyles } from "./ui";

const useStyles = makeStyles({
  list: { listStyleType: "none", paddingInlineStart: tokens.spacingHorizontalM, margin: 0 },
  policy: { fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0` },
  measure: { margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS}` },
  figures: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "baseline", fontSize: tokens.fontSizeBase200 },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  wide: { minWidth: "560px" },
  nowrap: { whiteSpace: "nowrap" },
  link: {
    background: "none",
    border: "none",
    padding: 0,
    font: "inherit",
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    cursor: "pointer",
    fontVariantNumeric: "tabular-nums",
  },
  difference: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const PROJECT_COLUMNS: readonly StringKey[] = ["project", "budget", "settlement", "executionRate", "achievementLevel", "directionClass"];

/** A figure that takes the user to its cell; plain text when it has none (or lives in no sheet of this workbook). */
function CellLink({ figure, text, lang, onSelect }: { figure: TreeFigure; text: string; lang: Language; onSelect(sheet: string, address: string): void }) {
  const styles = useStyles();
  if (figure.sheet === null || figure.cell === null) return <span>{text}</span>;
  const { sheet, cell } = figure;
  return (
    <button type="button" className={styles.link} title={`${t(lang, "goToCell")} ${sheet}!${cell}`} onClick={() => onSelect(sheet, cell)}>
      {text}
    </button>
  );
}

const amount = (f: TreeFigure): string => formatNumber(typeof f.value === "number" ? f.value : null);
const code = (f: TreeFigure): string => (f.value === null ? "—" : String(f.value));

function MeasureItem({ m, lang, onSelect }: { m: TreeMeasure; lang: Language; onSelect(sheet: string, address: string): void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const title = [m.code, m.name].filter((x) => x).join(" ");
  const differs = (m.budgetDifference !== null && m.budgetDifference !== 0) || (m.settlementDifference !== null && m.settlementDifference !== 0);
  return (
    <li className={styles.measure} data-testid={`tree-measure-${m.code ?? ""}`}>
      <span className={styles.nowrap}>{title}</span>
      {m.fiscalYear !== null && <span className={shared.meta}> {m.fiscalYear}</span>}
      <div className={styles.figures}>
        <span>
          {t(lang, "budget")} <CellLink figure={m.budget} text={amount(m.budget)} lang={lang} onSelect={onSelect} />
        </span>
        <span>
          {t(lang, "settlement")} <CellLink figure={m.settlement} text={amount(m.settlement)} lang={lang} onSelect={onSelect} />
          {m.forecast && (
            <Marks>
              <ForecastBadge lang={lang} />
            </Marks>
          )}
        </span>
        <span>
          {t(lang, "executionRate")} {formatRate(m.executionRate)}
        </span>
        <span>
          {t(lang, "evaluationCode")} <CellLink figure={m.evaluationCode} text={code(m.evaluationCode)} lang={lang} onSelect={onSelect} />
        </span>
        {m.rollupSheet && <Badge size="small" appearance="outline">{t(lang, "rollupSheet")}</Badge>}
      </div>
      {(m.projectsBudget !== null || m.projectsSettlement !== null) && (
        <p className={shared.meta} data-testid={`tree-sum-${m.code ?? ""}`}>
          {t(lang, "projectsSum")}: {t(lang, "budget")} {formatNumber(m.projectsBudget)} · {t(lang, "settlement")} {formatNumber(m.projectsSettlement)}
          {differs && (
            <span className={styles.difference}>
              {" "}
              ({t(lang, "difference")} {formatNumber(m.budgetDifference)} / {formatNumber(m.settlementDifference)})
            </span>
          )}
        </p>
      )}
      {m.projects.length > 0 && (
        <div className={styles.scroller} tabIndex={0} role="region" aria-label={`${title} ${t(lang, "project")}`}>
          <FigureTable label={`${title} ${t(lang, "project")}`} columns={PROJECT_COLUMNS} lang={lang} className={styles.wide}>
            {m.projects.map((p) => (
              <TableRow key={`${p.name}|${p.code ?? ""}`} data-testid={`tree-project-${p.code ?? p.name}`}>
                <TableCell>
                  {p.name}
                  {(p.missing || !p.listed) && (
                    <Marks>
                      <Badge size="small" color={p.missing ? "warning" : "informative"}>
                        {t(lang, p.missing ? "noProjectSheet" : "notListed")}
                      </Badge>
                    </Marks>
                  )}
                </TableCell>
                <NumberCell className={styles.nowrap}>
                  <CellLink figure={p.budget} text={amount(p.budget)} lang={lang} onSelect={onSelect} />
                </NumberCell>
                <NumberCell className={styles.nowrap}>
                  <CellLink figure={p.settlement} text={amount(p.settlement)} lang={lang} onSelect={onSelect} />
                  {p.forecast && !p.missing && (
                    <Marks>
                      <ForecastBadge lang={lang} />
                    </Marks>
                  )}
                </NumberCell>
                <NumberCell className={styles.nowrap}>{formatRate(p.executionRate)}</NumberCell>
                <TableCell>
                  <CellLink figure={p.achievement} text={code(p.achievement)} lang={lang} onSelect={onSelect} />
                </TableCell>
                <TableCell>
                  <CellLink figure={p.direction} text={code(p.direction)} lang={lang} onSelect={onSelect} />
                </TableCell>
              </TableRow>
            ))}
          </FigureTable>
        </div>
      )}
    </li>
  );
}

/** 政策 → 施策 → 事務事業: the linked sheets of the workbook, every figure a way to its cell. */
export function MeasureTree({ links, lang, onSelect }: { links: readonly LinkGroup[]; lang: Language; onSelect(sheet: string, address: string): void }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const tree = React.useMemo(() => measureTree(links), [links]);
  if (tree.length === 0) return null;
  return (
    <section aria-labelledby="measure-tree-heading" data-testid="measure-tree">
      <h3 id="measure-tree-heading" className={shared.heading}>
        {t(lang, "measureTreeHeading")}
      </h3>
      <p className={shared.meta}>{t(lang, "measureTreeNote")}</p>
      <ul className={styles.list}>
        {tree.map((policy) => (
          <li key={policy.name ?? ""}>
            <p className={styles.policy}>{policy.name ?? t(lang, "noPolicy")}</p>
            <ul className={styles.list}>
              {policy.measures.map((m) => (
                <MeasureItem key={`${m.code ?? ""}|${m.measureSheet?.sheet ?? m.rollupSheet?.sheet ?? ""}`} m={m} lang={lang} onSelect={onSelect} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
