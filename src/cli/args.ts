// Command-line parsing for `hyoka`, without a dependency: a handful of flags.

import type { Language } from "../core/findings";
import type { ReportFormat } from "../core/report";
import { languageOf, MSG, say, type Text } from "./messages";

export type FailOn = "error" | "warning" | "never";

export interface CheckArgs {
  /** `template-show` is `hyoka template show`. */
  command: "check" | "summary" | "template-show";
  inputs: string[];
  format: ReportFormat;
  language: Language | null;
  vocabulary: string | null;
  settings: string | null;
  failOn: FailOn;
  output: string | null;
  progress: boolean;
  color: boolean | null;
  /** Worker threads; 0 = decide from the file count and the machine. */
  jobs: number;
  includeModel: boolean;
  /** Compare the evaluation sheets of all files across years (check only). */
  crossYear: boolean;
  /** Template profile JSON file; it wins over a profile saved in a workbook. */
  template: string | null;
  /** Most cells a workbook may have (--max-cells); null = the CLI's default. */
  maxCells: number | null;
  /** Heap limit of each worker thread in MB (--worker-memory); null = env or default. */
  workerMemoryMb: number | null;
}

export type ParsedArgs =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "run"; args: CheckArgs }
  | { kind: "usage-error"; message: string };

const FORMATS: readonly ReportFormat[] = ["text", "json", "csv", "md"];
const FAIL_ON: readonly FailOn[] = ["error", "warning", "never"];

/** Smallest values accepted for --max-cells and --worker-memory (below, nothing useful runs). */
export const MIN_MAX_CELLS = 1000;
export const MIN_WORKER_MEMORY_MB = 64;

/** Usage errors in the language of --lang (Japanese by default). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) return { kind: "help" };
  if (argv[0] === "--version" || argv[0] === "-v") return { kind: "version" };
  const language = languageOf(argv);
  const usageError = (text: Text): ParsedArgs => ({ kind: "usage-error", message: say(language, text) });
  const [first, ...afterCommand] = argv;
  if (first === "help") return { kind: "help" };
  if (first !== "check" && first !== "summary" && first !== "template") return usageError(MSG.unknownCommand(first));
  if (first === "template" && afterCommand[0] !== "show") return usageError(MSG.templateSubcommand);
  const command = first === "template" ? "template-show" : first;
  const rest = first === "template" ? afterCommand.slice(1) : afterCommand;
  const commandName = first === "template" ? "template show" : first;

  const args: CheckArgs = {
    command,
    inputs: [],
    format: "text",
    language: null,
    vocabulary: null,
    settings: null,
    failOn: "error",
    output: null,
    progress: false,
    color: null,
    jobs: 0,
    includeModel: true,
    crossYear: false,
    template: null,
    maxCells: null,
    workerMemoryMb: null,
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    // --flag=value and --flag value are both accepted.
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string | null => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = rest[i + 1];
      if (next === undefined) return null;
      i++;
      return next;
    };
    const needValue = (): string => {
      const v = takeValue();
      if (v === null) throw new UsageError(MSG.needsValue(name));
      return v;
    };
    const wholeNumber = (min: number): number => {
      const v = Number(needValue());
      if (!Number.isInteger(v) || v < min) throw new UsageError(MSG.wholeNumber(name, min));
      return v;
    };
    try {
      switch (name) {
        case "--format":
        case "-f": {
          const v = needValue();
          if (!FORMATS.includes(v as ReportFormat)) throw new UsageError(MSG.oneOf("--format", FORMATS));
          args.format = v as ReportFormat;
          break;
        }
        case "--lang": {
          const v = needValue();
          if (v !== "ja" && v !== "en") throw new UsageError(MSG.oneOf("--lang", ["ja", "en"]));
          args.language = v;
          break;
        }
        case "--vocabulary":
          args.vocabulary = needValue();
          break;
        case "--settings":
          args.settings = needValue();
          break;
        case "--fail-on": {
          const v = needValue();
          if (!FAIL_ON.includes(v as FailOn)) throw new UsageError(MSG.oneOf("--fail-on", FAIL_ON));
          args.failOn = v as FailOn;
          break;
        }
        case "--output":
        case "-o":
          args.output = needValue();
          break;
        case "--progress":
          args.progress = true;
          break;
        case "--color":
          args.color = true;
          break;
        case "--no-color":
          args.color = false;
          break;
        case "--no-model":
          args.includeModel = false;
          break;
        case "--cross-year":
          if (command !== "check") throw new UsageError(MSG.crossYearCheckOnly);
          args.crossYear = true;
          break;
        case "--template":
          args.template = needValue();
          break;
        case "--jobs":
        case "-j":
          args.jobs = wholeNumber(1);
          break;
        case "--max-cells":
          args.maxCells = wholeNumber(MIN_MAX_CELLS);
          break;
        case "--worker-memory":
          args.workerMemoryMb = wholeNumber(MIN_WORKER_MEMORY_MB);
          break;
        default:
          if (arg.startsWith("-") && arg !== "-") throw new UsageError(MSG.unknownOption(arg));
          args.inputs.push(arg);
      }
    } catch (e) {
      if (e instanceof UsageError) return usageError(e.text);
      throw e;
    }
  }
  if (args.inputs.length === 0) return usageError(MSG.giveInput(commandName));
  if (command === "template-show") {
    if (args.inputs.length !== 1) return usageError(MSG.templateShowOne);
    if (args.format !== "text" && args.format !== "json") return usageError(MSG.templateShowFormat);
  }
  if (command === "summary" && !args.output) return usageError(MSG.summaryNeedsOutput);
  return { kind: "run", args };
}

class UsageError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

export const HELP = `hyoka — checks 施策進行管理・評価票 workbooks

Usage:
  hyoka check <files|folders…> [options]      validate workbooks and print a report
  hyoka check --cross-year <files|folders…>   also compare the same measure across years
  hyoka summary <files|folders…> -o out.xlsx  write achievement, budget and roll-up tables
  hyoka template show <file.xlsx> [--lang ja|en] [--format text|json] [--template <p.json>]
                                              print where every field was found, per sheet
                                              and section (pinned fields marked)
  hyoka --help | --version

Folders are searched recursively for spreadsheet files: .xlsx and .xlsm are checked; .xls,
.xlsb, .csv and .ods are reported as unreadable with the reason (exit 2), so that no workbook
of a folder is left out silently. Other files (.txt, .pdf, .docx…) are ignored. Excel lock
files (~$Book.xlsx, present while a workbook is open) are skipped with a note on stderr.
Files named explicitly are always read (a file that is not a workbook is unreadable).

Options:
  -f, --format text|json|csv|md   report format (default text; template show: text|json)
      --lang ja|en                language of the report and of the command's own messages
                                  (usage errors, notes, progress); default ja
      --cross-year                check: after all files, compare the evaluation sheets of the
                                  same 施策課題 from different years — restated figures
                                  (crossyear.value.changed), plans changed after the fact
                                  (crossyear.plan.changed), codes rewritten for past years
                                  (crossyear.code.changed), restated closed-year budgets
                                  (crossyear.budget.changed); reported on the later sheet with
                                  the earlier cell as related (warnings)
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
  -j, --jobs <n>                  threads checking files, the main one included
                                  (default: one per core for 3+ files)
      --max-cells <n>             most cells a workbook may hold, all sheets together
                                  (default 1000000, about 500 MB to read); a larger one is
                                  unreadable (too-large)
      --worker-memory <MB>        heap limit of each worker thread (default 1024, or the
                                  environment variable HYOKA_WORKER_MEMORY_MB); a worker
                                  that runs out of it fails only its file (worker-crashed)

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  at least one file could not be read (the others were still checked)
  3  wrong usage (unknown option, missing argument, bad vocabulary, settings or template
     profile file, no spreadsheet found) or the output (-o) cannot be written
  70 an unexpected failure (a bug): one line on stderr; HYOKA_DEBUG=1 adds the stack trace
`;
