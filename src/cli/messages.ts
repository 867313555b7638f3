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
  summaryWritten: (sheets: number, files: number, out: string): Text => ({
    ja: `${files} ファイルの評価票 ${sheets} シートの集計を ${out} に書き出しました`,
    en: `summary of ${sheets} evaluation sheet(s) from ${files} file(s) written to ${out}`,
  }),
  outputIsFolder: (file: string, example: string): Text => ({
    ja: `-o ${file} はフォルダです。書き出すファイルの名前を指定してください(例: -o ${file.replace(/[\\/]+$/, "")}/${example})`,
    en: `-o ${file} is a folder: give the name of the file to write (e.g. -o ${file.replace(/[\\/]+$/, "")}/${example})`,
  }),
  outputFailed: (file: string, reason: string): Text => ({
    ja: `${file} に書き出せません(${reason})`,
    en: `cannot write ${file} (${reason})`,
  }),
  workerOutOfMemory: (limitMb: number): Text => ({
    ja: `メモリ上限 ${limitMb} MB を超えました。--worker-memory で上限を変えられます`,
    en: `out of memory: the limit is ${limitMb} MB, see --worker-memory`,
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
