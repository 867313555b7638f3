// The `hyoka` command. `main(argv, io)` does everything and returns the exit code, so tests
// call it directly; bin/hyoka.js runs it on the real process.

import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import type { Severity } from "../core/findings";
import {
  buildReport,
  buildTemplateShow,
  CROSS_YEAR_RULE_ROWS,
  formatReport,
  formatTemplateShow,
  PROFILE_RULE_ROWS,
  TOOL_NAME,
  withCrossYearFindings,
  type FileResult,
} from "../core/report";
import { parseProfileText, type TemplateProfile } from "../core/profile";
import { RULES, RULE_CATALOGUE_VERSION } from "../core/rules";
import { withDefaults, type Settings } from "../core/settings";
import { parseVocabulary, type Vocabulary } from "../core/vocabulary";
import { HELP, parseArgs, type CheckArgs, type FailOn } from "./args";
import { collectFiles } from "./files";
import { checkFiles } from "./pool";

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

export function exitCodeFor(files: readonly FileResult[], failOn: FailOn): number {
  if (files.some((f) => f.error !== null)) return EXIT.unreadable;
  const failing = FAIL_LEVELS[failOn];
  const hit = files.some((f) => f.sheets.some((s) => s.findings.some((x) => failing.includes(x.severity))));
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
  const checked = await checkFiles(files, {
    settings,
    vocabulary: vocabulary.vocabulary,
    profile,
    jobs: args.jobs,
    onProgress: progressReporter(args, io, files.length),
  });
  for (const r of checked) if (r.error) io.stderr.write(`hyoka: ${r.path}: [${r.error.code}] ${r.error.message}\n`);

  if (args.command === "summary") return writeSummary(args, checked, settings, io);
  if (args.command === "template-show") return showTemplate(args, checked[0], settings, io);

  // Across files, so only once every file is read; the findings join the later sheets.
  const results = args.crossYear ? withCrossYearFindings(checked) : checked;
  const rules = [...RULES.map((r) => ({ id: r.id, severity: r.severity })), ...PROFILE_RULE_ROWS, ...(args.crossYear ? CROSS_YEAR_RULE_ROWS : [])];

  const report = buildReport({
    files: results,
    toolVersion: toolVersion(),
    settings,
    checkedAt: (io.now ?? (() => new Date()))().toISOString(),
    ruleCatalogueVersion: RULE_CATALOGUE_VERSION,
    rules,
    customVocabulary: vocabulary.raw,
    includeModel: args.includeModel,
  });
  const noColor = io.env?.NO_COLOR !== undefined && io.env.NO_COLOR !== "";
  const color = args.format === "text" && !args.output && (args.color ?? (io.stdout.isTTY === true && !noColor));
  const text = formatReport(report, args.format, { color });
  await writeText(args, io, text, "report");
  return exitCodeFor(results, args.failOn);
}

/** To -o (creating its folder) or to standard output. */
async function writeText(args: CheckArgs, io: CliIo, text: string, what: string): Promise<void> {
  if (!args.output) {
    io.stdout.write(text);
    return;
  }
  const out = path.resolve(io.cwd, args.output);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, text, "utf8");
  io.stderr.write(`hyoka: ${what} written to ${args.output}\n`);
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
  await writeText(args, io, text, "field locations");
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
