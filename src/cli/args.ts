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
  /** Compare the evaluation and project sheets of all files across years (check only). */
  crossYear: boolean;
  /** Link the sheets of each 施策 across all files (check and summary; default on, --no-link). */
  link: boolean;
  /** Template profile JSON file; it wins over a profile saved in a workbook. */
  template: string | null;
  /** Most cells a workbook may have (--max-cells); null = the CLI's default. */
  maxCells: number | null;
  /** Heap limit of each worker thread in MB (--worker-memory); null = env or default. */
  workerMemoryMb: number | null;
  /** Seconds one file may take in its worker (--file-timeout); null = the default. */
  fileTimeoutSeconds: number | null;
}

export type ParsedArgs =
  | { kind: "help"; language: Language }
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
  const language = languageOf(argv);
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) return { kind: "help", language };
  if (argv[0] === "--version" || argv[0] === "-v") return { kind: "version" };
  const usageError = (text: Text): ParsedArgs => ({ kind: "usage-error", message: say(language, text) });
  const [first, ...afterCommand] = argv;
  if (first === "help") return { kind: "help", language };
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
    link: true,
    template: null,
    maxCells: null,
    workerMemoryMb: null,
    fileTimeoutSeconds: null,
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
        case "--no-link":
          if (command === "template-show") throw new UsageError(MSG.noLinkCheckOnly);
          args.link = false;
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
        case "--file-timeout":
          args.fileTimeoutSeconds = wholeNumber(1);
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
