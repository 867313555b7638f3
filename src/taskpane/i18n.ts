// Every string the pane shows, in Japanese and English. Finding messages are not here: the
// core gives each finding its own {ja, en}.

import type { Language, LocalizedText, Severity } from "../core/findings";
import type { Direction } from "../core/model";
import type { Grade } from "../core/summary/types";
import { directionLabel as coreDirectionLabel, gradeLabel as coreGradeLabel, rateReasonLabel } from "../core/summary/labels";
import { formatRate as reportFormatRate, groupedNumber } from "../core/format/number";
import { FORECAST_SETTLEMENT } from "../core/terms";

export { circled as circledNumber } from "../core/format/number";

const STRINGS = {
  appTitle: { ja: "施策評価票チェック", en: "Evaluation sheet check" },
  check: { ja: "検証", en: "Check" },
  writeSummary: { ja: "サマリー出力", en: "Write summary" },
  highlight: { ja: "ハイライト", en: "Highlight" },
  clearHighlights: { ja: "ハイライト解除", en: "Clear highlights" },
  liveMode: { ja: "ライブ検証", en: "Live check" },
  actions: { ja: "操作", en: "Actions" },
  switchLanguage: { ja: "English", en: "日本語" },
  switchLanguageLabel: { ja: "表示言語を英語に切り替え", en: "Switch the display language to Japanese" },
  tabFindings: { ja: "検証", en: "Findings" },
  tabRates: { ja: "達成率", en: "Achievement" },
  tabBudget: { ja: "事業費", en: "Project cost" },
  tabProjects: { ja: "事務事業", en: "Projects" },
  noProjectSheets: { ja: "事務事業評価シートが見つかりません。", en: "No project sheet (事務事業評価シート) was found." },
  projectCosts: { ja: "事業費の表", en: "cost table" },
  costRow: { ja: "区分", en: "Row" },
  costsHold: { ja: "事業費の表の計算はすべて合っています。", en: "Every figure of the cost table adds up." },
  costFindings: { ja: "事業費の指摘", en: "cost findings" },
  achievementLevel: { ja: "達成度", en: "Achievement level" },
  directionClass: { ja: "方向性区分", en: "Direction class" },
  unitUnknown: { ja: "単位不明", en: "unit unknown" },
  generalShare: { ja: "一般財源比率", en: "General revenue share" },
  staffShare: { ja: "人件費比率", en: "Staff cost share" },
  totalCost: { ja: "総コスト", en: "Total cost" },
  projectRollupHeading: { ja: "事務事業(評価年度)", en: "Projects (evaluation year)" },
  projectTotalsHeading: { ja: "所属別の合計", en: "Totals by department" },
  policyTotalsHeading: { ja: "政策分野別の合計", en: "Totals by policy area" },
  distributionHeading: { ja: "達成度・方向性区分の分布", en: "Achievement levels and direction classes" },
  project: { ja: "事務事業", en: "Project" },
  fiscalYear: { ja: "評価年度", en: "Fiscal year" },
  projectDepartment: { ja: "所属", en: "Department" },
  policyArea: { ja: "政策分野", en: "Policy area" },
  projectCount: { ja: "事業数", en: "Projects" },
  notChosen: { ja: "未記入", en: "none" },
  tabSettings: { ja: "設定", en: "Settings" },
  tabsLabel: { ja: "結果の表示", en: "Result views" },
  reading: { ja: "ブックを読み込み中", en: "Reading the workbook" },
  notChecked: { ja: "「検証」を押すとブックを検証します。", en: "Press Check to check the workbook." },
  errorTitle: { ja: "Excel でエラーが発生しました", en: "Excel reported an error" },
  dismiss: { ja: "閉じる", en: "Dismiss" },
  summaryWritten: { ja: "サマリーを書き出しました: ", en: "Summary written to: " },
  highlighted: { ja: "ハイライトしたセル数: ", en: "Cells highlighted: " },
  cleared: { ja: "元に戻したセル数: ", en: "Cells restored: " },
  severityFilter: { ja: "重要度", en: "Severity" },
  ruleFilter: { ja: "ルール", en: "Rule" },
  all: { ja: "すべて", en: "All" },
  noFindings: { ja: "指摘はありません。", en: "No findings." },
  noFindingsMatch: { ja: "条件に合う指摘はありません。", en: "No findings match the filter." },
  findingsList: { ja: "指摘の一覧", en: "Findings" },
  noCell: { ja: "セルなし", en: "no cell" },
  rawText: { ja: "入力値", en: "Entered" },
  expected: { ja: "期待される値", en: "Expected" },
  goToCell: { ja: "セルへ移動", en: "Go to cell" },
  noEvaluationSheets: { ja: "評価票が見つかりません。", en: "No evaluation sheet was found." },
  year: { ja: "年度", en: "Year" },
  plan: { ja: "計画値", en: "Plan" },
  actual: { ja: "実績値", en: "Actual" },
  rate: { ja: "達成率", en: "Rate" },
  cumulativeProgress: { ja: "累計の進捗(最終年度計画比)", en: "Cumulative progress (vs final-year plan)" },
  unit: { ja: "単位", en: "Unit" },
  noIndicators: { ja: "参考指標がありません。", en: "No reference indicators." },
  noBudget: { ja: "事業費がありません。", en: "No project cost table." },
  budgetUnit: { ja: "単位:千円", en: "Unit: thousand yen" },
  planned: { ja: "計画事業費", en: "Planned cost" },
  budget: { ja: "予算", en: "Budget" },
  settlement: { ja: "決算", en: "Settlement" },
  forecast: FORECAST_SETTLEMENT.mark,
  forecastLong: FORECAST_SETTLEMENT.heading,
  executionRate: { ja: "執行率", en: "Execution rate" },
  budgetToPlan: { ja: "予算/計画", en: "Budget/plan" },
  overrun: { ja: "予算超過", en: "Over budget" },
  deviation: { ja: "計画との乖離", en: "Far from plan" },
  settingsRateFormula: { ja: "「小さいほどよい」指標の達成率", en: "Rate of lower-is-better indicators" },
  formulaInverse: { ja: "計画値 ÷ 実績値", en: "plan ÷ actual" },
  formulaTwoMinus: { ja: "2 − 実績値 ÷ 計画値", en: "2 − actual ÷ plan" },
  settingsRateBasis: { ja: "達成率の基準", en: "Rate basis" },
  basisAbsolute: { ja: "実績値 ÷ 計画値", en: "actual ÷ plan" },
  basisChange: { ja: "基準年からの増分で比較", en: "change from the base year" },
  settingsGradeAchieved: { ja: "「達成」とする達成率(%以上)", en: "Achieved from (%)" },
  settingsGradeNearly: { ja: "「概ね達成」とする達成率(%以上)", en: "Nearly achieved from (%)" },
  settingsDeviation: { ja: "予算と計画事業費の乖離の許容幅(±%)", en: "Allowed budget deviation from plan (±%)" },
  settingsLanguage: { ja: "表示言語", en: "Language" },
  settingsInvalid: { ja: "0 以上の数値を入力してください。", en: "Enter a number of 0 or more." },
  settingsOrder: { ja: "「概ね達成」は「達成」以下にしてください。", en: "Nearly achieved must not exceed achieved." },
  settingsSaved: { ja: "設定はこのブラウザーに保存されます。", en: "Settings are kept in this browser." },
  settingsNotSaved: { ja: "設定を保存できません(この環境では保存領域が使えません)。", en: "Settings cannot be saved here (no storage available)." },
  tabRollup: { ja: "全体", en: "Overview" },
  tabTemplate: { ja: "テンプレート", en: "Template" },
  rollupHeading: { ja: "施策ごとの予算と成果", en: "Budget and results by measure" },
  rollupNote: { ja: "各施策の評価年度の数値(単位:千円)。", en: "Figures of each measure's evaluation year (thousand yen)." },
  measure: { ja: "施策課題", en: "Measure" },
  evaluationCode: { ja: "評価区分", en: "Evaluation" },
  meanRate: { ja: "平均達成率", en: "Mean rate" },
  minRate: { ja: "最小達成率", en: "Lowest rate" },
  flags: { ja: "注意", en: "Flags" },
  flagHighSpendLowAchievement: { ja: "高執行・低達成", en: "High spend, low achievement" },
  flagUnderExecution: { ja: "執行残大", en: "Large under-execution" },
  departmentTotals: { ja: "作成課ごとの合計", en: "Totals by department" },
  department: { ja: "作成課", en: "Department" },
  measureCount: { ja: "施策数", en: "Measures" },
  noDepartment: { ja: "(作成課なし)", en: "(no department)" },
  measureTreeHeading: { ja: "施策と事務事業", en: "Measures and their projects" },
  measureTreeNote: {
    ja: "政策 → 施策 → 事務事業。評価年度の数値(単位:千円)。数値・区分を押すとそのセルへ移動します。",
    en: "Policy → measure → project, figures of the evaluation year (thousand yen). Press a figure or a code to go to its cell.",
  },
  rollupSheet: { ja: "評価票(2)あり", en: "Roll-up (2)" },
  projectsSum: { ja: "事務事業の合計", en: "Projects' sum" },
  difference: { ja: "差", en: "difference" },
  noProjectSheet: { ja: "シートなし", en: "no sheet" },
  notListed: { ja: "一覧にない", en: "not listed" },
  noPolicy: { ja: "(政策不明)", en: "(policy unknown)" },
  reportHeading: { ja: "レポート出力", en: "Save report" },
  reportFormat: { ja: "形式", en: "Format" },
  saveReport: { ja: "レポート出力", en: "Save report" },
  copyReport: { ja: "クリップボードにコピー", en: "Copy to clipboard" },
  reportDesktopHint: {
    ja: "Excel デスクトップ版ではファイルのダウンロードが止められることがあります。保存されないときは「クリップボードにコピー」か「画面に表示」を使い、メモ帳などに貼り付けて保存してください。",
    en: "Excel desktop may block downloads from the pane. If no file is saved, use Copy to clipboard or Show in the pane and paste into a text editor.",
  },
  reportSaved: { ja: "レポートを保存しました: ", en: "Report saved: " },
  reportCopied: { ja: "レポートをクリップボードにコピーしました: ", en: "Report copied to the clipboard: " },
  templateHeading: { ja: "項目の読み取り位置", en: "Where each field was read" },
  profileName: { ja: "テンプレート名", en: "Template name" },
  profileVersion: { ja: "版", en: "Version" },
  noProfile: {
    ja: "このブックにはテンプレートがありません。「この位置を使う」か「同義語を追加」で作成します。",
    en: "This workbook has no template yet. Use this position or Add synonym creates one.",
  },
  profileStoredHint: {
    ja: "テンプレートはこのブックの中に保存され、次に開いたときも使われます(ブックの上書き保存をお忘れなく)。",
    en: "The template is kept inside this workbook and applied when it is opened again (remember to save the workbook).",
  },
  defaultProfileName: { ja: "テンプレート", en: "Template" },
  useThisPosition: { ja: "この位置を使う", en: "Use this position" },
  addSynonym: { ja: "同義語を追加", en: "Add synonym" },
  synonymLabel: { ja: "見出し", en: "Label" },
  synonymText: { ja: "同義語(このブックでの見出し)", en: "Synonym (the label as written here)" },
  add: { ja: "追加", en: "Add" },
  notFound: { ja: "見つかりません", en: "not found" },
  pinned: { ja: "固定", en: "pinned" },
  pinThisSheetOnly: { ja: "このシートだけに固定する", en: "Pin for this sheet only" },
  pinHint: {
    ja: "正しいセル(表は見出し行を含む範囲)をブックで選択してから、項目の「この位置を使う」を押します。",
    en: "Select the right cell (for a table, its range including the header row) in the workbook, then press Use this position on the field.",
  },
  exportProfile: { ja: "エクスポート", en: "Export" },
  importProfile: { ja: "インポート", en: "Import" },
  profileJson: { ja: "テンプレートの内容(JSON)", en: "Template (JSON)" },
  importFailed: { ja: "テンプレートを読み込めません", en: "The template cannot be imported" },
  savedProfileInvalid: { ja: "ブックに保存されたテンプレートは正しくないため使っていません", en: "The template saved in this workbook is invalid and is not used" },
  pinnedNotice: { ja: "固定しました: ", en: "Pinned: " },
  synonymAdded: { ja: "同義語を追加しました: ", en: "Synonym added: " },
  profileImported: { ja: "テンプレートを読み込みました: ", en: "Template imported: " },
  profileRenamed: { ja: "テンプレート名を変更しました: ", en: "Template renamed: " },
  rollupForTemplate: {
    ja: "評価票(2)として読みました。見出しの書き方が違う場合は同義語(事業数、うち重点、点検結果など)を追加してください。固定位置は評価票(1)にだけ使えます。",
    en: "Read as a roll-up (2). If its labels are worded differently, add synonyms (事業数, うち重点, 点検結果…); pins apply to measure sheets (1) only.",
  },
  projectForTemplate: {
    ja: "事務事業評価シートです。位置の固定(ピン)は使いません。見出しの言い回し・尺度・事業費の関係式はテンプレートファイル(synonyms、scales、costRelations)で調整し、「インポート」で読み込みます。",
    en: "A project sheet: pins do not apply. Label wordings, code scales and cost relations are set in the template file (synonyms, scales, costRelations) and loaded with Import.",
  },
  notEvaluationForTemplate: {
    ja: "評価票として読めませんでした。見出しの書き方が違う場合は、同義語を追加してください。",
    en: "Not read as an evaluation sheet. If its labels are worded differently, add synonyms.",
  },
  stalePins: { ja: "使われなかった固定位置", en: "Pins not used" },
  showReport: { ja: "画面に表示", en: "Show in the pane" },
  exportViewTitle: { ja: "内容:", en: "Contents of" },
  exportViewHint: {
    ja: "この環境ではファイルを保存できないため、内容を表示しています。「クリップボードにコピー」を押してテキストエディタに貼り付け、保存してください。",
    en: "Files cannot be saved from the pane here, so the contents are shown: use Copy to clipboard, paste into a text editor and save.",
  },
  diagnostics: { ja: "診断", en: "Diagnostics" },
  diagTitle: { ja: "hyoka 診断情報", en: "hyoka diagnostics" },
  diagTool: { ja: "hyoka のバージョン", en: "hyoka version" },
  diagHost: { ja: "ホスト", en: "Host" },
  diagPlatform: { ja: "プラットフォーム", en: "Platform" },
  diagVersion: { ja: "Office のバージョン", en: "Office version" },
  diagSets: { ja: "対応する要件セット", en: "Requirement sets supported" },
  diagMissing: { ja: "対応していない要件セット", en: "Requirement sets not supported" },
  diagDownloads: { ja: "ファイルのダウンロード", en: "File downloads" },
  diagErrors: { ja: "最近のエラー", en: "Recent errors" },
  diagNone: { ja: "なし", en: "none" },
  diagYes: { ja: "可", en: "yes" },
  diagNo: { ja: "不可 (内容を表示してコピー)", en: "no (shown to copy)" },
  diagUnknown: { ja: "不明 (Office の外)", en: "unknown (outside Office)" },
  copyDiagnostics: { ja: "診断情報をコピー", en: "Copy diagnostics" },
  diagnosticsCopied: { ja: "診断情報をクリップボードにコピーしました", en: "Diagnostics copied to the clipboard" },
  profileMerged: {
    ja: "ブックにテンプレートが複数保存されていたため、1 つにまとめて使っています (次の保存で 1 件になります)。件数: ",
    en: "The workbook held several copies of its template; they are merged into one (the next save keeps one). Copies: ",
  },
  protectedLeft: { ja: "保護されたシートは変更していません: ", en: "Protected sheets left unchanged: " },
  hiddenSheetGo: { ja: "再表示して移動", en: "Unhide and go" },
  mergesUnread: {
    ja: "結合セルが 512 を超えるため結合範囲を読み取れなかったシートがあります。結合セル内の項目を読み落とすことがあります: ",
    en: "Merged areas could not be read on sheets with more than 512 of them; fields in merged cells may be missed: ",
  },
} satisfies Record<string, LocalizedText>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Language, key: StringKey): string {
  return STRINGS[key][lang];
}

const SEVERITY_LABELS: Record<Severity, LocalizedText> = {
  error: { ja: "エラー", en: "Errors" },
  warning: { ja: "警告", en: "Warnings" },
  info: { ja: "情報", en: "Info" },
};

export function severityLabel(lang: Language, severity: Severity): string {
  return SEVERITY_LABELS[severity][lang];
}

/** A grade standing alone (a badge), so capitalized: "Nearly achieved". */
export function gradeLabel(lang: Language, grade: Grade): string {
  const label = coreGradeLabel(grade, lang);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function directionLabel(lang: Language, direction: Direction | null): string {
  return direction ? coreDirectionLabel(direction, lang) : "";
}

export function rateReasonText(lang: Language, reasonEn: string | undefined): string {
  return reasonEn ? rateReasonLabel(reasonEn, lang) : "";
}

export function findingCountText(lang: Language, n: number): string {
  return lang === "ja" ? `${n} 件の指摘` : `${n} finding${n === 1 ? "" : "s"}`;
}

export function progressText(lang: Language, done: number, total: number): string {
  return lang === "ja" ? `${done} / ${total} シート` : `${done} of ${total} sheets`;
}

/** A rate as the report prints it (0.71333 → "71.3%"), and "—" for none. */
export function formatRate(rate: number | null | undefined): string {
  return reportFormatRate(rate ?? null) || "—";
}

/** Figures as entered in the sheets: thousands separators, no forced decimals. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return groupedNumber(value, 3);
}

/**
 * Heading of one sheet's section: the sheet name, then the measure's code and name — without
 * repeating the code when the sheet is named after it (the usual one-sheet-per-measure book).
 */
export function sheetHeading(sheet: string, summary: { measureCode: string | null; measureName: string | null } | null): string {
  if (!summary?.measureCode) return sheet;
  const measure = `${summary.measureCode} ${summary.measureName ?? ""}`.trim();
  return sheet === summary.measureCode ? measure : `${sheet} — ${measure}`;
}
