// Words the report formatters print, in both languages (numbers: core/format/number).

import type { Language, Severity } from "../findings";
import type { Grade } from "../summary/types";
import type { Direction } from "../model";
import { directionLabel as coreDirectionLabel, gradeLabel as coreGradeLabel } from "../summary/labels";
import { FORECAST_SETTLEMENT } from "../terms";

const LABELS = {
  file: { ja: "ファイル", en: "File" },
  files: { ja: "ファイル数", en: "Files" },
  filesUnreadable: { ja: "読めなかったファイル", en: "Unreadable files" },
  sheets: { ja: "シート数", en: "Sheets" },
  evaluationSheets: { ja: "評価票シート", en: "Evaluation sheets" },
  projectSheets: { ja: "事務事業評価シート", en: "Project sheets" },
  otherSheets: { ja: "その他のシート", en: "Other sheets" },
  rollupSheets: { ja: "評価票(2)シート", en: "Roll-up (2) sheets" },
  rollupSheet: { ja: "評価票(2)", en: "roll-up (2)" },
  projectCount: { ja: "事業数", en: "Projects" },
  priorityCount: { ja: "うち重点", en: "Priority" },
  total: { ja: "合計", en: "Total" },
  inspection: { ja: "点検結果", en: "Inspection" },
  byMeasure: { ja: "施策別", en: "By measure" },
  measureSheet: { ja: "評価票(1)", en: "Measure sheet (1)" },
  projects: { ja: "事務事業", en: "Projects" },
  projectCode: { ja: "コード", en: "Code" },
  listed: { ja: "一覧", en: "Listed" },
  noSheet: { ja: "シートなし", en: "no sheet" },
  measureCost: { ja: "施策の事業費", en: "Measure" },
  projectsSum: { ja: "事務事業の合計", en: "Projects' sum" },
  difference: { ja: "差", en: "Difference" },
  projectsMissing: { ja: "数字のない事務事業", en: "Projects without a figure" },
  yes: { ja: "あり", en: "yes" },
  no: { ja: "なし", en: "no" },
  sheet: { ja: "シート", en: "Sheet" },
  cell: { ja: "セル", en: "Cell" },
  rule: { ja: "ルール", en: "Rule" },
  severity: { ja: "重要度", en: "Severity" },
  message: { ja: "内容", en: "Message" },
  count: { ja: "件数", en: "Count" },
  raw: { ja: "入力値", en: "Raw" },
  expected: { ja: "期待値", en: "Expected" },
  unreadable: { ja: "読み込めません", en: "could not be read" },
  otherSheet: { ja: "評価票ではないシート", en: "not an evaluation sheet" },
  noIssues: { ja: "指摘なし", en: "no findings" },
  title: { ja: "施策評価票 検証レポート", en: "Evaluation sheet check report" },
  provenance: { ja: "検証の記録", en: "Provenance" },
  tool: { ja: "ツール", en: "Tool" },
  ruleCatalogue: { ja: "ルールカタログ版", en: "Rule catalogue version" },
  settingsHash: { ja: "設定のハッシュ", en: "Settings hash" },
  vocabularyHash: { ja: "語彙のハッシュ", en: "Vocabulary hash" },
  checkedAt: { ja: "検証日時", en: "Checked at" },
  totals: { ja: "集計", en: "Totals" },
  byRule: { ja: "ルール別件数", en: "Findings per rule" },
  findings: { ja: "指摘", en: "Findings" },
  achievement: { ja: "達成率", en: "Achievement" },
  budget: { ja: "事業費", en: "Budget" },
  year: { ja: "年度", en: "Year" },
  indicator: { ja: "指標", en: "Indicator" },
  direction: { ja: "方向性", en: "Direction" },
  plan: { ja: "計画値", en: "Plan" },
  actual: { ja: "実績値", en: "Actual" },
  rate: { ja: "達成率", en: "Rate" },
  grade: { ja: "評価", en: "Grade" },
  progress: { ja: "最終年度計画に対する進捗", en: "Progress to final plan" },
  planned: { ja: "計画事業費", en: "Planned cost" },
  budgetAmount: { ja: "予算", en: "Budget" },
  settlement: { ja: "決算", en: "Settlement" },
  forecast: FORECAST_SETTLEMENT.heading,
  executionRate: { ja: "執行率", en: "Execution" },
  budgetToPlan: { ja: "予算/計画", en: "Budget/plan" },
  cumulative: { ja: "累計", en: "cumulative" },
  fiscalYear: { ja: "評価年度", en: "Fiscal year" },
  evaluation: { ja: "評価区分", en: "Evaluation" },
  unitThousandYen: { ja: "単位:千円", en: "thousand yen" },
  related: { ja: "関連", en: "Related" },
  profile: { ja: "テンプレート", en: "Template profile" },
  profileNone: { ja: "なし(見出しから検索)", en: "none (found by labels)" },
  profileFromFile: { ja: "ブック内に保存", en: "saved in the workbook" },
  profileFromOption: { ja: "--template で指定", en: "given with --template" },
  notFound: { ja: "見つかりません", en: "not found" },
  pinned: { ja: "固定", en: "pinned" },
  field: { ja: "項目", en: "Field" },
  templateShowTitle: { ja: "項目の位置", en: "Where each field was found" },
  projectCosts: { ja: "事業費(事務事業)", en: "Project costs" },
  projectYears: { ja: "年度別の指標", en: "Per year" },
  column: { ja: "区分", en: "Column" },
  projectCost: { ja: "事業費A", en: "Project cost" },
  staffCost: { ja: "人件費B", en: "Staff cost" },
  totalCost: { ja: "総コスト", en: "Total cost" },
  staffYears: { ja: "人工", en: "Staff-years" },
  generalRevenue: { ja: "一般財源", en: "General revenue" },
  generalShare: { ja: "一般財源比率", en: "General revenue share" },
  staffShare: { ja: "人件費比率", en: "Staff cost share" },
  achievementLevel: { ja: "達成度", en: "Achievement level" },
  directionClass: { ja: "方向性区分", en: "Direction class" },
  unitUnknown: { ja: "単位不明", en: "unit unknown" },
  unitYen: { ja: "単位:円", en: "yen" },
} as const;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, language: Language): string {
  return LABELS[key][language];
}

const SEVERITY_LABELS: Record<Severity, { ja: string; en: string }> = {
  error: { ja: "エラー", en: "error" },
  warning: { ja: "警告", en: "warning" },
  info: { ja: "情報", en: "info" },
};

export function severityLabel(s: Severity, language: Language): string {
  return SEVERITY_LABELS[s][language];
}

// Grade and direction words are the summary's own concepts, defined once in core/summary/labels.
export function gradeLabel(g: Grade | null, language: Language): string {
  return g ? coreGradeLabel(g, language) : "";
}

export function directionLabel(d: Direction | null, language: Language): string {
  return d ? coreDirectionLabel(d, language) : "?";
}

/** `name v3 (saved in the workbook)`; the "none" wording when no profile was applied. */
export function profileLabel(profile: { name: string; version: number; source: "file" | "option" } | null, language: Language): string {
  if (!profile) return LABELS.profileNone[language];
  const source = LABELS[profile.source === "file" ? "profileFromFile" : "profileFromOption"][language];
  return `${profile.name} v${profile.version} (${source})`;
}

