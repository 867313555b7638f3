import * as React from "react";
import { Badge, Field, Select, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding, Language } from "../core/findings";
import type { SheetResult } from "../core/engine";
import type { FindingCounts } from "../core/summary/types";
import { groupFindings, ruleIds, totalCounts, type FindingFilter } from "./state";
import { severityLabel, t } from "./i18n";
import { SEVERITY_COLOR } from "./ui";

const useStyles = makeStyles({
  filters: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap", marginBottom: tokens.spacingVerticalM },
  sheetHeading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
  severityHeading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  finding: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  cell: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export function CountBadges({ counts, lang }: { counts: FindingCounts; lang: Language }) {
  return (
    <>
      {(["error", "warning", "info"] as const).map((severity) => (
        <Badge
          key={severity}
          color={SEVERITY_COLOR[severity]}
          appearance={counts[severity] > 0 ? "filled" : "outline"}
          aria-label={`${severityLabel(lang, severity)} ${counts[severity]}`}
          data-testid={`count-${severity}`}
        >
          {counts[severity]}
        </Badge>
      ))}
    </>
  );
}

interface FindingsTabProps {
  results: SheetResult[];
  filter: FindingFilter;
  lang: Language;
  onFilter(filter: Partial<FindingFilter>): void;
  onSelect(finding: Finding): void;
}

export function FindingsTab({ results, filter, lang, onFilter, onSelect }: FindingsTabProps) {
  const styles = useStyles();
  const counts = totalCounts(results);
  const rules = ruleIds(results);
  const sheets = groupFindings(results, filter);
  const total = counts.error + counts.warning + counts.info;

  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading" className={styles.sheetHeading}>
        {t(lang, "findingsList")} <CountBadges counts={counts} lang={lang} />
      </h2>
      <div className={styles.filters}>
        <Field label={t(lang, "severityFilter")}>
          <Select value={filter.severity} onChange={(_, data) => onFilter({ severity: data.value as FindingFilter["severity"] })}>
            <option value="all">{t(lang, "all")} ({total})</option>
            {(["error", "warning", "info"] as const).map((s) => (
              <option key={s} value={s}>
                {severityLabel(lang, s)} ({counts[s]})
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t(lang, "ruleFilter")}>
          <Select value={filter.rule} onChange={(_, data) => onFilter({ rule: data.value })}>
            <option value="all">{t(lang, "all")}</option>
            {rules.map((rule) => (
              <option key={rule} value={rule}>
                {rule}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {sheets.length === 0 && <p>{t(lang, total === 0 ? "noFindings" : "noFindingsMatch")}</p>}
      {sheets.map((sheet) => (
        <section key={sheet.sheet} aria-label={sheet.sheet}>
          <h3 className={styles.sheetHeading}>
            {sheet.sheet} <CountBadges counts={sheet.counts} lang={lang} />
          </h3>
          {sheet.groups.map((group) => (
            <div key={group.severity}>
              <h4 className={styles.severityHeading}>
                {severityLabel(lang, group.severity)} ({group.findings.length})
              </h4>
              <ul className={styles.list} aria-label={`${sheet.sheet} ${severityLabel(lang, group.severity)}`}>
                {group.findings.map((finding, i) => (
                  <li key={`${finding.rule}-${finding.path}-${i}`}>
                    <FindingItem finding={finding} lang={lang} onSelect={onSelect} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}

function FindingItem({ finding, lang, onSelect }: { finding: Finding; lang: Language; onSelect(f: Finding): void }) {
  const styles = useStyles();
  const body = (
    <>
      <span>
        <span className={styles.cell}>{finding.cell ?? t(lang, "noCell")}</span> {finding.message[lang]}
      </span>
      {finding.raw !== undefined && finding.raw !== "" && (
        <span className={styles.meta}>
          {t(lang, "rawText")}: 「{finding.raw}」
        </span>
      )}
      {finding.expected && (
        <span className={styles.meta}>
          {t(lang, "expected")}: {finding.expected[lang]}
        </span>
      )}
      <span className={styles.meta}>{finding.rule}</span>
    </>
  );
  if (finding.cell === null) return <div className={styles.finding}>{body}</div>;
  const cell = finding.cell;
  return (
    <button
      type="button"
      className={mergeClasses(styles.finding, styles.clickable)}
      title={`${t(lang, "goToCell")} ${finding.sheet}!${cell}`}
      onClick={() => onSelect(finding)}
      onKeyDown={(e) => {
        // Handled here so Enter and Space behave the same in every host; no native click follows.
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onSelect(finding);
        }
      }}
    >
      {body}
    </button>
  );
}
