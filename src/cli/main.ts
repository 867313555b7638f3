// The `hyoka` command. `main(argv, io)` does everything and returns the exit code, so tests
// call it directly; bin/hyoka.js runs it on the real process.

import { closeSync, promises as fs, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import type { Severity } from "../core/findings";
import {
  buildReportFromFiles,
  buildTemplateShow,
  CROSS_YEAR_RULE_ROWS,
  formatReport,
  formatTemplateShow,
  jsonReportParts,
  PROFILE_RULE_ROWS,
  TOOL_NAME,
  withCrossYearFindings,
  type FileResult,
  type ReportFile,
} from "../core/report";
import { parseProfileText, type TemplateProfile } from "../core/profile";
import { RULES, RULE_CATALOGUE_VERSION } from "../core/rules";
import { withDefaults, type Settings } from "../core/settings";
import { parseVocabulary, type Vocabulary } from "../core/vocabulary";
import { HELP, parseArgs, type CheckArgs, type FailOn } from "./args";
import { collectFiles } from "./files";
import { toCheckedEntry, type CheckedEntry } from "./entry";
import type { InputFile } from "./files";
import { checkEntries, checkFiles, type PoolOptions } from "./pool";

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: Stream;
  stderr: Stream;
  cwd: string;
  env?: Record<string, string | undefined>;
  /** The clock, replaceable so tests can pin checkedAt. */
  now?: () => Date;
}

export const EXIT = { ok: 0, findings: 1, unreadable: 2, usage: 3 } as const;

/** Progress is worth showing from this many files on. */
const PROGRESS_FROM = 3;

export function toolVersion(): string {
  // package.json is two levels up from both src/cli (tests) and dist/cli (the built CLI).
  try {
    return String(JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version);
  } catch {
    return "0.0.0";
  }
}

class ConfigError extends Error {}

async function readJsonFile(file: string, cwd: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(cwd, file), "utf8");
  } catch {
    throw new ConfigError(`${what}: cannot read ${file}`);
  }
  try {
    return JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (e) {
    throw new ConfigError(`${what}: ${file} is not valid JSON (${(e as Error).message})`);
  }
}

async function loadSettings(args: CheckArgs, cwd: string): Promise<Settings> {
  let partial: Partial<Settings> = {};
  if (args.settings) {
    const json = await readJsonFile(args.settings, cwd, "--settings");
    if (typeof json !== "object" || json === null || Array.isArray(json)) throw new ConfigError("--settings: expected a JSON object");
    partial = json as Partial<Settings>;
  }
  const settings = withDefaults(partial);
  if (args.language) settings.language = args.language;
  return settings;
}

async function loadVocabulary(args: CheckArgs, cwd: string): Promise<{ vocabulary?: Vocabulary; raw: unknown }> {
  if (!args.vocabulary) return { raw: null };
  const json = await readJsonFile(args.vocabulary, cwd, "--vocabulary");
  const { vocabulary, errors } = parseVocabulary(json);
  if (!vocabulary) throw new ConfigError(errors.join("\n"));
  return { vocabulary, raw: json };
}

async function loadProfile(args: CheckArgs, cwd: string): Promise<TemplateProfile | undefined> {
  if (!args.template) return undefined;
  let text: string;
  try {
    text = await fs.readFile(path.resolve(cwd, args.template), "utf8");
  } catch {
    throw new ConfigError(`--template: cannot read ${args.template}`);
  }
  const { profile, errors } = parseProfileText(text.replace(/^\ufeff/, ""));
  if (!profile) throw new ConfigError(`--template: ${args.template} is not a valid template profile:\n${errors.map((e) => `  ${e}`).join("\n")}`);
  return profile;
}

const FAIL_LEVELS: Record<FailOn, Severity[]> = { error: ["error"], warning: ["error", "warning"], never: [] };

export function exitCodeFor(files: ReadonlyArray<Pick<ReportFile, "error" | "counts">>, failOn: FailOn): number {
  if (files.some((f) => f.error !== null)) return EXIT.unreadable;
  const failing = FAIL_LEVELS[failOn];
  const hit = files.some((f) => failing.some((severity) => f.counts[severity] > 0));
  return hit ? EXIT.findings : EXIT.ok;
}

function progressReporter(args: CheckArgs, io: CliIo, total: number): ((done: number, total: number) => void) | undefined {
  const tty = io.stderr.isTTY === true;
  if (total < PROGRESS_FROM || !(tty || args.progress)) return undefined;
  return (done, all) => {
    if (tty) io.stderr.write(`\rhyoka: ${done}/${all} files${done === all ? "\n" : ""}`);
    else io.stderr.write(`hyoka: ${done}/${all} files\n`);
  };
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (parsed.kind === "version") {
    io.stdout.write(`${toolVersion()}\n`);
    return EXIT.ok;
  }
  if (parsed.kind === "usage-error") {
    io.stderr.write(`hyoka: ${parsed.message}\nRun "hyoka --help" for usage.\n`);
    return EXIT.usage;
  }
  const args = parsed.args;
  let settings: Settings;
  let vocabulary: { vocabulary?: Vocabulary; raw: unknown };
  let profile: TemplateProfile | undefined;
  try {
    settings = await loadSettings(args, io.cwd);
    vocabulary = await loadVocabulary(args, io.cwd);
    profile = await loadProfile(args, io.cwd);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr.write(`hyoka: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }

  const files = await collectFiles(args.inputs, io.cwd);
  if (files.length === 0) {
    io.stderr.write(`hyoka: no .xlsx or .xlsm workbook found in ${args.inputs.join(", ")}\n`);
    return EXIT.usage;
  }
  if (args.command === "template-show" && files.length > 1) {
    io.stderr.write(`hyoka: template show: give one workbook (${args.inputs[0]} holds ${files.length})\n`);
    return EXIT.usage;
  }
  const poolOptions: PoolOptions = {
    settings,
    vocabulary: vocabulary.vocabulary,
    profile,
    jobs: args.jobs,
    onProgress: progressReporter(args, io, files.length),
  };
  if (args.command === "check") return runCheck(args, files, poolOptions, vocabulary.raw, io);

  const checked = await checkFiles(files, poolOptions);
  for (const r of checked) reportUnreadable(r, io);
  if (args.command === "summary") return writeSummary(args, checked, settings, io);
  return showTemplate(args, checked[0], settings, io);
}

function reportUnreadable(file: Pick<FileResult, "path" | "error">, io: CliIo): void {
  if (file.error) io.stderr.write(`hyoka: ${file.path}: [${file.error.code}] ${file.error.message}\n`);
}

/**
 * The check command. Each file comes back as a report entry (see CheckedEntry); the JSON report
 * is written entry by entry as files finish, so its size never sits in memory at once.
 */
async function runCheck(args: CheckArgs, files: readonly InputFile[], poolOptions: PoolOptions, customVocabulary: unknown, io: CliIo): Promise<number> {
  const settings = poolOptions.settings;
  const rules = [...RULES.filter((r) => r.scope === "sheet").map((r) => ({ id: r.id, severity: r.severity })), ...PROFILE_RULE_ROWS, ...(args.crossYear ? CROSS_YEAR_RULE_ROWS : [])];
  const reportInput = {
    toolVersion: toolVersion(),
    settings,
    checkedAt: (io.now ?? (() => new Date()))().toISOString(),
    ruleCatalogueVersion: RULE_CATALOGUE_VERSION,
    rules,
    customVocabulary,
  };
  const entryOptions = { includeModel: args.includeModel, json: args.format === "json" };
  // Nothing before "files" depends on the files: the head can be written before any is checked.
  const json = entryOptions.json ? jsonReportParts(buildReportFromFiles(reportInput, [])) : null;
  const out = openOutput(args, io, "report");
  const kept: ReportFile[] = [];
  const take = (entry: CheckedEntry, index: number) => {
    kept.push(entry.file);
    reportUnreadable(entry.file, io);
    if (json) out.write(`${index === 0 ? json.head : json.separator}${entry.json}`);
  };
  if (args.crossYear) {
    // Across files, so only once every file is read; the findings join the later sheets.
    const checked = await checkFiles(files, poolOptions);
    withCrossYearFindings(checked).forEach((r, i) => take(toCheckedEntry(r, settings.language, entryOptions), i));
  } else {
    await checkEntries(files, poolOptions, entryOptions, take);
  }
  const report = buildReportFromFiles(reportInput, kept);
  if (json) out.write(jsonReportParts(report).tail);
  else {
    const noColor = io.env?.NO_COLOR !== undefined && io.env.NO_COLOR !== "";
    const color = args.format === "text" && !args.output && (args.color ?? (io.stdout.isTTY === true && !noColor));
    out.write(formatReport(report, args.format, { color }));
  }
  out.close();
  return exitCodeFor(kept, args.failOn);
}

interface Output {
  write(text: string): void;
  close(): void;
}

/** To -o (creating its folder) or to standard output. */
function openOutput(args: CheckArgs, io: CliIo, what: string): Output {
  if (!args.output) return { write: (text) => void io.stdout.write(text), close: () => undefined };
  const file = path.resolve(io.cwd, args.output);
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "w");
  return {
    write(text) {
      const bytes = Buffer.from(text, "utf8");
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    },
    close() {
      closeSync(fd);
      io.stderr.write(`hyoka: ${what} written to ${args.output}\n`);
    },
  };
}

function writeText(args: CheckArgs, io: CliIo, text: string, what: string): void {
  const out = openOutput(args, io, what);
  out.write(text);
  out.close();
}

async function writeSummary(args: CheckArgs, results: FileResult[], settings: Settings, io: CliIo): Promise<number> {
  const sheets = results.flatMap((f) => f.sheets);
  const fileOfSheet = results.flatMap((f) => f.sheets.map(() => f.path));
  const { writeSummaryWorkbook } = await import("../adapters/xlsx/summaryWorkbook");
  const bytes = await writeSummaryWorkbook(sheets, settings, { files: fileOfSheet });
  const out = path.resolve(io.cwd, args.output as string);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, bytes);
  const evaluations = sheets.filter((s) => s.kind === "evaluation").length;
  io.stdout.write(`hyoka: summary of ${evaluations} evaluation sheet(s) from ${results.length} file(s) written to ${args.output}\n`);
  return results.some((f) => f.error !== null) ? EXIT.unreadable : EXIT.ok;
}

async function showTemplate(args: CheckArgs, file: FileResult, settings: Settings, io: CliIo): Promise<number> {
  if (file.error) return EXIT.unreadable;
  const show = buildTemplateShow({
    toolName: TOOL_NAME,
    toolVersion: toolVersion(),
    file: file.path,
    sha256: file.sha256,
    language: settings.language,
    profile: file.profile ?? null,
    sheets: file.sheets,
  });
  const text = formatTemplateShow(show, args.format === "json" ? "json" : "text");
  writeText(args, io, text, "field locations");
  return EXIT.ok;
}

/** Entry for bin/hyoka.js. */
export function run(): void {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      process.stderr.write(`hyoka: unexpected failure: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 70;
    });
}
