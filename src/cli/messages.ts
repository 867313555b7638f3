// Every sentence the CLI itself prints (usage errors, notes, progress), in both languages.
// --lang picks one (Japanese by default), like the report's messages.

import type { Language } from "../core/findings";

export interface Text {
  ja: string;
  en: string;
}

const list = (items: readonly string[]) => items.join(", ");

export const MSG = {
  unknownCommand: (command: string): Text => ({
    ja: `不明なコマンド「${command}」です(check、summary、template show のいずれかを指定してください)`,
    en: `unknown command "${command}" (use check, summary or template show)`,
  }),
  templateSubcommand: {
    ja: "template のサブコマンドは show だけです(hyoka template show <file.xlsx>)",
    en: 'template: the only subcommand is "show" (hyoka template show <file.xlsx>)',
  },
  needsValue: (option: string): Text => ({ ja: `${option} には値が必要です`, en: `${option} needs a value` }),
  oneOf: (option: string, values: readonly string[]): Text => ({
    ja: `${option} は ${list(values)} のいずれかです`,
    en: `${option} must be one of ${list(values)}`,
  }),
  crossYearCheckOnly: { ja: "--cross-year は check のオプションです", en: "--cross-year is an option of check" },
  noLinkCheckOnly: { ja: "--no-link は check と summary のオプションです", en: "--no-link is an option of check and summary" },
  wholeNumber: (option: string, min: number): Text => ({
    ja: `${option} は ${min} 以上の整数です`,
    en: `${option} must be a whole number ≥ ${min}`,
  }),
  unknownOption: (option: string): Text => ({ ja: `不明なオプション ${option} です`, en: `unknown option ${option}` }),
  giveInput: (command: string): Text => ({
    ja: `${command}: ファイルまたはフォルダを 1 つ以上指定してください`,
    en: `${command}: give at least one file or folder`,
  }),
  templateShowOne: { ja: "template show: ブックを 1 つ指定してください", en: "template show: give one workbook" },
  templateShowFormat: { ja: "template show: --format は text か json です", en: "template show: --format must be text or json" },
  summaryNeedsOutput: {
    ja: "summary: 書き出すブックを -o out.xlsx で指定してください",
    en: "summary: give the workbook to write with -o out.xlsx",
  },
  seeHelp: { ja: "使い方は「hyoka --help」で表示されます。", en: 'Run "hyoka --help" for usage.' },
  cannotRead: (what: string, file: string): Text => ({ ja: `${what}: ${file} を読み込めません`, en: `${what}: cannot read ${file}` }),
  notJson: (what: string, file: string, detail: string): Text => ({
    ja: `${what}: ${file} は正しい JSON ではありません(${detail})`,
    en: `${what}: ${file} is not valid JSON (${detail})`,
  }),
  expectedObject: (what: string): Text => ({ ja: `${what}: JSON オブジェクトが必要です`, en: `${what}: expected a JSON object` }),
  invalidProfile: (file: string): Text => ({
    ja: `--template: ${file} はテンプレート設定として正しくありません:`,
    en: `--template: ${file} is not a valid template profile:`,
  }),
  badEnv: (name: string, value: string, min: number): Text => ({
    ja: `環境変数 ${name}=${value} は ${min} 以上の整数ではありません`,
    en: `environment variable ${name}=${value} is not a whole number ≥ ${min}`,
  }),
  noWorkbook: (inputs: readonly string[]): Text => ({
    ja: `${list(inputs)} に表計算ファイル(.xlsx、.xlsm、.xls、.xlsb、.csv、.ods)が見つかりません`,
    en: `no spreadsheet file (.xlsx, .xlsm, .xls, .xlsb, .csv, .ods) found in ${list(inputs)}`,
  }),
  templateShowMany: (input: string, count: number): Text => ({
    ja: `template show: ブックを 1 つ指定してください(${input} には ${count} 個あります)`,
    en: `template show: give one workbook (${input} holds ${count})`,
  }),
  lockFileSkipped: (file: string): Text => ({
    ja: `${file} は Excel のロックファイル(ブックを開いている間の一時ファイル)なので飛ばしました`,
    en: `skipped ${file}: an Excel lock file (present while the workbook is open)`,
  }),
  progress: (done: number, total: number): Text => ({ ja: `${done}/${total} ファイル`, en: `${done}/${total} files` }),
  reportWritten: (file: string): Text => ({ ja: `レポートを ${file} に書き出しました`, en: `report written to ${file}` }),
  locationsWritten: (file: string): Text => ({ ja: `項目の位置を ${file} に書き出しました`, en: `field locations written to ${file}` }),
  summaryWritten: (sheets: number, files: number, out: string, projects = 0): Text => ({
    ja: `${files} ファイルの評価票 ${sheets} シート${projects > 0 ? `・事務事業評価シート ${projects} シート` : ""}の集計を ${out} に書き出しました`,
    en: `summary of ${sheets} evaluation sheet(s)${projects > 0 ? ` and ${projects} project sheet(s)` : ""} from ${files} file(s) written to ${out}`,
  }),
  outputIsFolder: (file: string, example: string): Text => ({
    ja: `-o ${file} はフォルダです。書き出すファイルの名前を指定してください(例: -o ${file.replace(/[\\/]+$/, "")}/${example})`,
    en: `-o ${file} is a folder: give the name of the file to write (e.g. -o ${file.replace(/[\\/]+$/, "")}/${example})`,
  }),
  outputIsInput: (file: string, input: string): Text => ({
    ja: `-o ${file} は検査するファイル ${input} そのものです(同じパスかリンク)。入力を上書きしないよう、別の名前を指定してください`,
    en: `-o ${file} is the input file ${input} (the same path or a link to it): give another name, so that no input is overwritten`,
  }),
  specialFileSkipped: (file: string, kind: string): Text => ({
    ja: `${file} は通常のファイルではない(${kind})ので飛ばしました`,
    en: `skipped ${file}: not a regular file (${kind})`,
  }),
  outputFailed: (file: string, reason: string): Text => ({
    ja: `${file} に書き出せません(${reason})`,
    en: `cannot write ${file} (${reason})`,
  }),
  workerOutOfMemory: (limitMb: number): Text => ({
    ja: `メモリ上限 ${limitMb} MB を超えました。--worker-memory で上限を変えられます`,
    en: `out of memory: the limit is ${limitMb} MB, see --worker-memory`,
  }),
  fileTimedOut: (seconds: number): Text => ({
    ja: `制限時間 ${seconds} 秒を超えました。--file-timeout で変えられます`,
    en: `over the time limit of ${seconds} s, see --file-timeout`,
  }),
  workerError: (detail: string): Text => ({ ja: `スレッドのエラー: ${detail}`, en: `thread error: ${detail}` }),
  workerExited: (code: number): Text => ({
    ja: `スレッドが結果を返さずに終了しました(終了コード ${code})`,
    en: `the thread exited without a result (exit code ${code})`,
  }),
  unexpected: (detail: string): Text => ({
    ja: `予期しないエラーで停止しました: ${detail}(HYOKA_DEBUG=1 で詳細を表示します。不具合として報告してください)`,
    en: `stopped on an unexpected error: ${detail} (HYOKA_DEBUG=1 shows the details; please report it as a bug)`,
  }),
} as const;

/** `hyoka --help`, in the language of --lang like every other message. */
export const HELP: Text = {
  ja: `hyoka — 施策進行管理・評価票のブックを検証します

使い方:
  hyoka check <ファイル|フォルダ…> [オプション]      ブックを検証してレポートを表示する
  hyoka check --cross-year <ファイル|フォルダ…>    同じ施策課題・事務事業を年度間でも比較する
  hyoka summary <ファイル|フォルダ…> -o out.xlsx   達成率・事業費・全体集計の表を書き出す
  hyoka template show <file.xlsx> [--lang ja|en] [--format text|json] [--template <p.json>]
                                              各項目が見つかった位置をシート・区分ごとに
                                              表示する(固定した項目には印を付ける)
  hyoka --help | --version

フォルダはサブフォルダまで表計算ファイルを探します。.xlsx、.xlsm、.xlsb、.xls(Excel 97–2003)、
.ods(OpenDocument)を同じ読み込み処理で検証し、.csv は理由を添えて読み込めないファイルとして
報告します(終了コード 2)。フォルダ内のファイルが黙って抜け落ちることはありません。その他の
ファイル(.txt、.pdf、.docx など)は無視します。Excel のロックファイル(~$Book.xlsx、ブックを
開いている間だけあるもの)と、FIFO・デバイス・ソケットは飛ばし、標準エラーにその旨を表示します。
名前を指定したファイルは常に読み込みます(ブックでないファイル、通常のファイルでないものは
読み込めないファイルになります)。-o に入力ファイル(同じパスやリンク)は指定できません。

オプション:
  -f, --format text|json|csv|md   レポートの形式(既定 text。template show は text|json)
      --lang ja|en                レポートとコマンド自身のメッセージ(使い方の誤り、お知らせ、
                                  進捗)の言語。既定 ja
      --cross-year                check: 全ファイルの検証後、異なる年度の同じ施策課題の評価票を
                                  比較する — 数値の事後修正(crossyear.value.changed)、
                                  計画の事後変更(crossyear.plan.changed)、過去年度のコードの
                                  書き換え(crossyear.code.changed)、確定した年度の事業費の
                                  修正(crossyear.budget.changed)。同じ事務事業の事務事業評価
                                  シートも比べる — 確定した決算・予算の修正
                                  (crossyear.project.cost.changed)、始まった年度の計画事業費の
                                  変更(crossyear.project.plan.changed)。後の年度のシートに、前の
                                  年度のセルを関連セルとして報告する(警告)
      --no-link                   施策ごとの連携(評価票(1)・(2)・事務事業評価シートの事業費の
                                  合計、件数、達成度の突き合わせ: link.*)をしない。既定では
                                  指定した全ファイルのシートを施策ごとにまとめて比べ、JSON
                                  レポートに links を出す(レポートは全ファイルの検証後に書く)
      --template <profile.json>   全ファイルに使うテンプレート設定(見出しの別名、固定セル)。
                                  指定しなければ、ブック内に保存された設定をそのブックに使う。
                                  レポートに使った設定を記載する
      --vocabulary <file.json>    見出しの別名の追加({"department": ["所管課"]})
      --settings <file.json>      既定値を上書きする設定(しきい値、数式)
      --fail-on error|warning|never  終了コードを 1 にする指摘の重要度(既定 error)
  -o, --output <file>             レポート(または集計ブック)をファイルに書き出す
      --progress                  端末でなくても標準エラーに進捗を表示する
      --color / --no-color        テキストレポートの色付けを強制する/しない
      --no-model                  JSON レポートにシートのモデルを含めない
  -j, --jobs <n>                  ファイルを検証するワーカースレッドの数(既定: 3 ファイル以上なら
                                  コアごとに 1 つ)。ブックは 1 つでも常にワーカーで読み込む
      --max-cells <n>             1 つのブックが持てるセル数の上限(全シートの合計。結合・
                                  ハイパーリンクの範囲を含む。既定 1000000)。超えるブックは
                                  読み込む前に読み込めないファイルになる(too-large)
      --worker-memory <MB>        各ワーカースレッドのヒープ上限(既定 1024、または環境変数
                                  HYOKA_WORKER_MEMORY_MB)。上限を超えたワーカーはそのファイル
                                  だけを失敗にする(worker-crashed)
      --file-timeout <秒>         1 ファイルの検証の制限時間(既定 120)。超えたファイルだけを
                                  失敗にする(timeout)

終了コード:
  0  --fail-on 以上の指摘なし
  1  --fail-on 以上の指摘あり
  2  読み込めないファイルが 1 つ以上ある(他のファイルは検証済み)
  3  使い方の誤り(不明なオプション、引数の不足、語彙・設定・テンプレート設定ファイルの誤り、
     表計算ファイルが見つからない)、または出力先(-o)に書き出せない・入力ファイルである
  70 予期しないエラー(不具合): 標準エラーに 1 行表示。HYOKA_DEBUG=1 でスタックトレースも表示
`,
  en: `hyoka — checks 施策進行管理・評価票 workbooks

Usage:
  hyoka check <files|folders…> [options]      validate workbooks and print a report
  hyoka check --cross-year <files|folders…>   also compare the same measure or project across years
  hyoka summary <files|folders…> -o out.xlsx  write achievement, budget and roll-up tables
  hyoka template show <file.xlsx> [--lang ja|en] [--format text|json] [--template <p.json>]
                                              print where every field was found, per sheet
                                              and section (pinned fields marked)
  hyoka --help | --version

Folders are searched recursively for spreadsheet files: .xlsx, .xlsm, .xlsb, .xls (Excel
97–2003) and .ods (OpenDocument) are checked with one reader; .csv is reported as unreadable
with the reason (exit 2), so that no file of a folder is left out silently. Other files (.txt,
.pdf, .docx…) are ignored. Excel lock files (~$Book.xlsx, present while a workbook is open)
and FIFOs, devices and sockets are skipped with a note on stderr. Files named explicitly are
always read (a file that is not a workbook, or not a regular file, is unreadable). -o may not
name an input file (the same path or a link to it).

Options:
  -f, --format text|json|csv|md   report format (default text; template show: text|json)
      --lang ja|en                language of the report and of the command's own messages
                                  (usage errors, notes, progress); default ja
      --cross-year                check: after all files, compare the evaluation sheets of the
                                  same 施策課題 from different years — restated figures
                                  (crossyear.value.changed), plans changed after the fact
                                  (crossyear.plan.changed), codes rewritten for past years
                                  (crossyear.code.changed), restated closed-year budgets
                                  (crossyear.budget.changed); and the same project's sheets —
                                  restated settlements or budgets (crossyear.project.cost.changed),
                                  plans changed for a year already begun
                                  (crossyear.project.plan.changed); reported on the later sheet
                                  with the earlier cell as related (warnings)
      --no-link                   do not link the sheets of each 施策 (its (1), its (2) and its
                                  事務事業評価シート: cost sums, counts, grades — link.*). By
                                  default the sheets of all files are grouped by 施策 and compared,
                                  and the JSON report has links[] (written once all files are
                                  checked)
      --template <profile.json>   template profile (label synonyms, pinned cells) for every
                                  file; without it, a profile saved inside a workbook is used
                                  for that workbook. The report names the profile used
      --vocabulary <file.json>    extra label synonyms ({"department": ["所管課"]})
      --settings <file.json>      settings overriding the defaults (thresholds, formulas)
      --fail-on error|warning|never  which findings make the exit code 1 (default error)
  -o, --output <file>             write the report (or the summary workbook) to a file
      --progress                  show progress on stderr even when it is not a terminal
      --color / --no-color        force or disable colours in the text report
      --no-model                  leave the sheet models out of the JSON report
  -j, --jobs <n>                  worker threads checking files (default: one per core for 3+
                                  files); workbooks are always read on a worker, even one
      --max-cells <n>             most cells a workbook may hold, all sheets together, merged
                                  and hyperlinked ranges included (default 1000000); a larger
                                  one is refused before it is read (too-large)
      --worker-memory <MB>        heap limit of each worker thread (default 1024, or the
                                  environment variable HYOKA_WORKER_MEMORY_MB); a worker
                                  that runs out of it fails only its file (worker-crashed)
      --file-timeout <seconds>    time one file may take (default 120); a file over it fails
                                  alone (timeout)

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  at least one file could not be read (the others were still checked)
  3  wrong usage (unknown option, missing argument, bad vocabulary, settings or template
     profile file, no spreadsheet found), or the output (-o) cannot be written or is an input
  70 an unexpected failure (a bug): one line on stderr; HYOKA_DEBUG=1 adds the stack trace
`,
};

export function say(language: Language, text: Text): string {
  return text[language];
}

/**
 * --lang from raw arguments, before (or without) a successful parse, so that usage errors
 * already speak the chosen language. Japanese unless `--lang en` / `--lang=en` is given.
 */
export function languageOf(argv: readonly string[]): Language {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === "--lang" ? argv[i + 1] : argv[i].startsWith("--lang=") ? argv[i].slice(7) : undefined;
    if (value === "en" || value === "ja") return value;
  }
  return "ja";
}
