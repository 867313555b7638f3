// Command-line parsing for `hyoka`, without a dependency: a handful of flags.

import type { Language } from "../core/findings";
import type { ReportFormat } from "../core/report";

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
}

export type ParsedArgs =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "run"; args: CheckArgs }
  | { kind: "usage-error"; message: string };

const FORMATS: readonly ReportFormat[] = ["text", "json", "csv", "md"];
const FAIL_ON: readonly FailOn[] = ["error", "warning", "never"];

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) return { kind: "help" };
  if (argv[0] === "--version" || argv[0] === "-v") return { kind: "version" };
  const [first, ...afterCommand] = argv;
  if (first === "help") return { kind: "help" };
  if (first !== "check" && first !== "summary" && first !== "template")
    return { kind: "usage-error", message: `unknown command "${first}" (use check, summary or template show)` };
  if (first === "template" && afterCommand[0] !== "show") return { kind: "usage-error", message: 'template: the only subcommand is "show" (hyoka template show <file.xlsx>)' };
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
      if (v === null) throw new UsageError(`${name} needs a value`);
      return v;
    };
    try {
      switch (name) {
        case "--format":
        case "-f": {
          const v = needValue();
          if (!FORMATS.includes(v as ReportFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
          args.format = v as ReportFormat;
          break;
        }
        case "--lang": {
          const v = needValue();
          if (v !== "ja" && v !== "en") throw new UsageError("--lang must be ja or en");
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
          if (!FAIL_ON.includes(v as FailOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(", ")}`);
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
          if (command !== "check") throw new UsageError("--cross-year is an option of check");
          args.crossYear = true;
          break;
        case "--template":
          args.template = needValue();
          break;
        case "--jobs":
        case "-j": {
          const v = Number(needValue());
          if (!Number.isInteger(v) || v < 1) throw new UsageError("--jobs must be a whole number ≥ 1");
          args.jobs = v;
          break;
        }
        default:
          if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
          args.inputs.push(arg);
      }
    } catch (e) {
      if (e instanceof UsageError) return { kind: "usage-error", message: e.message };
      throw e;
    }
  }
  if (args.inputs.length === 0) return { kind: "usage-error", message: `${commandName}: give at least one file or folder` };
  if (command === "template-show") {
    if (args.inputs.length !== 1) return { kind: "usage-error", message: "template show: give one workbook" };
    if (args.format !== "text" && args.format !== "json") return { kind: "usage-error", message: "template show: --format must be text or json" };
  }
  if (command === "summary" && !args.output) return { kind: "usage-error", message: "summary: give the workbook to write with -o out.xlsx" };
  return { kind: "run", args };
}

class UsageError extends Error {}

export const HELP = `hyoka — checks 施策進行管理・評価票 workbooks

Usage:
  hyoka check <files|folders…> [options]      validate workbooks and print a report
  hyoka check --cross-year <files|folders…>   also compare the same measure across years
  hyoka summary <files|folders…> -o out.xlsx  write achievement, budget and roll-up tables
  hyoka template show <file.xlsx> [--lang ja|en] [--format text|json] [--template <p.json>]
                                              print where every field was found, per sheet
                                              and section (pinned fields marked)
  hyoka --help | --version

Folders are searched recursively for .xlsx and .xlsm files; files named explicitly are
always read (a file that is not a workbook is reported as unreadable).

Options:
  -f, --format text|json|csv|md   report format (default text; template show: text|json)
      --lang ja|en                message language (default ja)
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

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  at least one file could not be read (the others were still checked)
  3  wrong usage (unknown option, missing argument, bad vocabulary, settings or template
     profile file)
`;
