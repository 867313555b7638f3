// The `hyoka` command. `main(argv, io)` does everything and returns the exit code, so tests
// call it directly; bin/hyoka.js runs it on the real process.

import { closeSync, promises as fs, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import type { Language, Severity } from "../core/findings";
import {
  buildReportFromFiles,
  cleanLine,
  cleanText,
  buildTemplateShow,
  formatReport,
  formatTemplateShow,
  jsonReportParts,
  toReportLink,
  TOOL_NAME,
  withCrossYearFindings,
  withLinks,
  type FileResult,
  type ReportFile,
} from "../core/report";
import { parseProfileText, type TemplateProfile } from "../core/profile";
import { RULE_CATALOGUE_VERSION, ruleRows, type RuleScope } from "../core/rules";
import { withDefaults, type Settings } from "../core/settings";
import { parseVocabulary, type Vocabulary } from "../core/vocabulary";
import { MIN_WORKER_MEMORY_MB, parseArgs, type CheckArgs, type FailOn } from "./args";
import { HELP, languageOf, MSG, say, type Text } from "./messages";
import { collectFiles } from "./files";
import { linkEntries, toCheckedEntry, type CheckedEntry } from "./entry";
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

/** `output` shares 3 with `usage`: both are fixed by changing the command line. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2, usage: 3, output: 3, unexpected: 70 } as const;

/** Environment variable giving the workers' heap limit in MB (--worker-memory wins). */
export const WORKER_MEMORY_ENV = "HYOKA_WORKER_MEMORY_MB";

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

/** A wrong option file or environment: exit 3. `text` is a Text or a message already worded. */
class ConfigError extends Error {
  constructor(readonly text: Text | string) {
    super(typeof text === "string" ? text : text.en);
  }
}

/** -o cannot be written: exit 3 (EXIT.output). */
class OutputError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

async function readJsonFile(file: string, cwd: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(cwd, file), "utf8");
  } catch {
    throw new ConfigError(MSG.cannotRead(what, file));
  }
  try {
    return JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (e) {
    throw new ConfigError(MSG.notJson(what, file, (e as Error).message));
  }
}

async function loadSettings(args: CheckArgs, cwd: string): Promise<Settings> {
  let partial: Partial<Settings> = {};
  if (args.settings) {
    const json = await readJsonFile(args.settings, cwd, "--settings");
    if (typeof json !== "object" || json === null || Array.isArray(json)) throw new ConfigError(MSG.expectedObject("--settings"));
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
    throw new ConfigError(MSG.cannotRead("--template", args.template));
  }
  const { profile, errors } = parseProfileText(text.replace(/^\ufeff/, ""));
  if (!profile) {
    const heading = MSG.invalidProfile(args.template);
    const list = errors.map((e) => `\n  ${e}`).join("");
    throw new ConfigError({ ja: heading.ja + list, en: heading.en + list });
  }
  return profile;
}

/** --worker-memory, else HYOKA_WORKER_MEMORY_MB, else the pool's default. */
function workerMemory(args: CheckArgs, env: CliIo["env"]): number | undefined {
  if (args.workerMemoryMb !== null) return args.workerMemoryMb;
  const value = env?.[WORKER_MEMORY_ENV];
  if (value === undefined || value === "") return undefined;
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < MIN_WORKER_MEMORY_MB) throw new ConfigError(MSG.badEnv(WORKER_MEMORY_ENV, value, MIN_WORKER_MEMORY_MB));
  return mb;
}

const FAIL_LEVELS: Record<FailOn, Severity[]> = { error: ["error"], warning: ["error", "warning"], never: [] };

export function exitCodeFor(files: ReadonlyArray<Pick<ReportFile, "error" | "counts">>, failOn: FailOn): number {
  if (files.some((f) => f.error !== null)) return EXIT.unreadable;
  const failing = FAIL_LEVELS[failOn];
  const hit = files.some((f) => failing.some((severity) => f.counts[severity] > 0));
  return hit ? EXIT.findings : EXIT.ok;
}

function progressReporter(args: CheckArgs, io: CliIo, total: number, language: Language): ((done: number, total: number) => void) | undefined {
  const tty = io.stderr.isTTY === true;
  if (total < PROGRESS_FROM || !(tty || args.progress)) return undefined;
  return (done, all) => {
    const line = `hyoka: ${say(language, MSG.progress(done, all))}`;
    if (tty) io.stderr.write(`\r${line}${done === all ? "\n" : ""}`);
    else io.stderr.write(`${line}\n`);
  };
}

/** A note or error of the CLI itself on stderr; the file names in it cannot drive the terminal. */
function note(io: CliIo, language: Language, text: Text): void {
  io.stderr.write(`hyoka: ${cleanLine(say(language, text))}\n`);
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    io.stdout.write(say(parsed.language, HELP));
    return EXIT.ok;
  }
  if (parsed.kind === "version") {
    io.stdout.write(`${toolVersion()}\n`);
    return EXIT.ok;
  }
  if (parsed.kind === "usage-error") {
    io.stderr.write(`hyoka: ${cleanLine(parsed.message)}\n${say(languageOf(argv), MSG.seeHelp)}\n`);
    return EXIT.usage;
  }
  const args = parsed.args;
  // Until the settings are read, --lang alone decides (a settings file may name a language too).
  let language: Language = args.language ?? "ja";
  try {
    const settings = await loadSettings(args, io.cwd);
    language = settings.language;
    const vocabulary = await loadVocabulary(args, io.cwd);
    const profile = await loadProfile(args, io.cwd);
    const workerMemoryMb = workerMemory(args, io.env);
    if (args.output) assertOutputTarget(path.resolve(io.cwd, args.output), args.output, args.command);
    const collected = await collectFiles(args.inputs, io.cwd);
    for (const lock of collected.lockFiles) note(io, language, MSG.lockFileSkipped(lock));
    for (const special of collected.specialFiles) note(io, language, MSG.specialFileSkipped(special.display, special.kind));
    const files = collected.files;
    if (args.output) assertNotAnInput(path.resolve(io.cwd, args.output), args.output, files);
    if (files.length === 0) {
      note(io, language, MSG.noWorkbook(args.inputs));
      return EXIT.usage;
    }
    if (args.command === "template-show" && files.length > 1) {
      note(io, language, MSG.templateShowMany(args.inputs[0], files.length));
      return EXIT.usage;
    }
    const poolOptions: PoolOptions = {
      settings,
      vocabulary: vocabulary.vocabulary,
      profile,
      maxCells: args.maxCells ?? undefined,
      jobs: args.jobs,
      workerMemoryMb,
      fileTimeoutSeconds: args.fileTimeoutSeconds ?? undefined,
      onProgress: progressReporter(args, io, files.length, language),
    };
    if (args.command === "check") return await runCheck(args, files, poolOptions, vocabulary.raw, io);

    const checked = await checkFiles(files, poolOptions);
    for (const r of checked) reportUnreadable(r, io);
    if (args.command === "summary") return await writeSummary(args, checked, settings, io);
    return showTemplate(args, checked[0], settings, io);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof OutputError) {
      // cleanText: a profile's validation errors are one per line on purpose.
      io.stderr.write(`hyoka: ${cleanText(typeof e.text === "string" ? e.text : say(language, e.text))}\n`);
      return e instanceof OutputError ? EXIT.output : EXIT.usage;
    }
    throw e;
  }
}

function reportUnreadable(file: Pick<FileResult, "path" | "error">, io: CliIo): void {
  // On a terminal the progress line has no newline yet: erase it rather than append to it.
  const clearLine = io.stderr.isTTY === true ? "\r\u001b[K" : "";
  // Names and messages come from the file (its name, its zip entries, the parser): cleaned.
  if (file.error) io.stderr.write(`${clearLine}hyoka: ${cleanLine(file.path)}: [${file.error.code}] ${cleanLine(file.error.message)}\n`);
}

/**
 * The check command. Each file comes back as a report entry (see CheckedEntry). The JSON report
 * is written entry by entry as files finish. Without linking (--no-link) that is final, so its
 * size never sits in memory at once. Linking needs every file's sheets first, so the entries
 * (without their models and JSON text) are also kept until the last file is checked; a link
 * finding then rewrites the report from the first entry it lands on.
 */
async function runCheck(args: CheckArgs, files: readonly InputFile[], poolOptions: PoolOptions, customVocabulary: unknown, io: CliIo): Promise<number> {
  const settings = poolOptions.settings;
  // Profiles are always looked for, so the template rules always ran.
  const scopes: RuleScope[] = ["sheet", "rollup", ...(args.link ? (["link"] as const) : []), "template", ...(args.crossYear ? (["cross-year"] as const) : [])];
  const rules = ruleRows(scopes);
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
  // Linking may rewrite entries already written: the output must be able to take them back.
  const out = openOutput(args, io, MSG.reportWritten, settings.language, { revisable: args.link });
  try {
    const kept: ReportFile[] = [];
    /** Linking's copy of each entry, without its JSON text (the output holds it). */
    const held: CheckedEntry[] = [];
    /** Where each entry written so far starts (its separator included), and where its JSON text lies. */
    const spans: Array<{ start: number; text: number; length: number }> = [];
    const write = (entry: CheckedEntry) => {
      const start = out.written();
      if (json && entry.json) out.write(kept.length === 0 ? json.head : json.separator);
      spans.push({ start, text: out.written(), length: entry.json?.byteLength ?? 0 });
      if (json && entry.json) out.write(entry.json);
      kept.push(entry.file);
    };
    const textOf = (index: number): Uint8Array | null => (spans[index].length === 0 ? null : out.revisable!.read(spans[index].text, spans[index].length));
    const take = (entry: CheckedEntry) => {
      reportUnreadable(entry.file, io);
      write(entry);
      if (args.link) held.push({ ...entry, json: null });
    };
    if (args.crossYear) {
      // Across files, so only once every file is read; the findings join the later sheets.
      const checked = await checkFiles(files, poolOptions);
      for (const r of withCrossYearFindings(checked)) take(toCheckedEntry(r, settings.language, entryOptions));
    } else {
      await checkEntries(files, poolOptions, entryOptions, take);
    }
    const linked = args.link ? linkEntries(held, settings, textOf) : { entries: [], groups: [] };
    // The first entry a link finding changed and all after it are written again; the unchanged
    // ones are read back before the output is cut, since the rewrite moves them.
    const from = linked.entries.findIndex((entry, i) => entry !== held[i]);
    if (from >= 0) {
      const again = linked.entries.slice(from).map((entry, k) => (entry === held[from + k] ? { ...entry, json: textOf(from + k) } : entry));
      out.revisable!.cut(spans[from].start);
      kept.length = from;
      spans.length = from;
      for (const entry of again) write(entry);
    }
    const report = buildReportFromFiles(reportInput, kept, linked.groups.map(toReportLink));
    if (json) out.write(jsonReportParts(report).tail);
    else {
      const noColor = io.env?.NO_COLOR !== undefined && io.env.NO_COLOR !== "";
      const color = args.format === "text" && !args.output && (args.color ?? (io.stdout.isTTY === true && !noColor));
      out.write(formatReport(report, args.format, { color }));
    }
    out.close();
    return exitCodeFor(kept, args.failOn);
  } finally {
    out.discard();
  }
}

/** Written output that can be read back and cut short, to rewrite its end. */
interface Revisable {
  read(at: number, length: number): Uint8Array;
  cut(at: number): void;
}

interface Output {
  write(text: string | Uint8Array): void;
  /** Bytes written so far. */
  written(): number;
  /** Always for -o; on standard output only when asked for (the output is then held until close). */
  revisable: Revisable | null;
  /** Puts the written file in place (a rename), or prints held output: until then nothing is final. */
  close(): void;
  /** Removes the temporary file if close was not reached (a failed run). */
  discard(): void;
}

/**
 * Refuses an -o that is a folder before any file is checked (a long run would otherwise end
 * in a write error); other write errors are caught where the file is written.
 */
function assertOutputTarget(file: string, given: string, command: CheckArgs["command"]): void {
  let isFolder = /[\\/]$/.test(given);
  try {
    isFolder ||= statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    // ENOTDIR and the like: the write itself reports it.
  }
  if (isFolder) throw new OutputError(MSG.outputIsFolder(given, command === "summary" ? "summary.xlsx" : "report.json"));
}

/**
 * Refuses an -o that is one of the files to read: the same path, or the same file through a
 * link (same device and inode), before anything is read or written — writing the report over
 * the workbook it checks would lose the workbook.
 */
function assertNotAnInput(file: string, given: string, inputs: readonly InputFile[]): void {
  const statOf = (p: string) => {
    try {
      return statSync(p, { throwIfNoEntry: false });
    } catch {
      return undefined; // ENOTDIR and the like: not a file that exists
    }
  };
  const target = statOf(file);
  for (const input of inputs) {
    let same = path.resolve(input.absolute) === file;
    if (!same && target) {
      const stat = statOf(input.absolute);
      same = stat !== undefined && stat.dev === target.dev && stat.ino === target.ino;
    }
    if (same) throw new OutputError(MSG.outputIsInput(given, input.display));
  }
}

/** Runs a write to -o, turning a file-system error into an OutputError naming the file. */
function writing<T>(given: string, write: () => T): T {
  try {
    return write();
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    throw new OutputError(MSG.outputFailed(given, error?.code ?? String(error?.message ?? e)));
  }
}

/** A temporary file beside `file` (same folder, so the final rename stays on one file system). */
function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

/** Writes bytes to -o through a temporary file renamed into place. */
function writeFileAtomically(given: string, file: string, bytes: Uint8Array): void {
  const temp = temporaryBeside(file);
  writing(given, () => {
    mkdirSync(path.dirname(file), { recursive: true });
    const fd = openSync(temp, "wx");
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    } finally {
      closeSync(fd);
    }
  });
  try {
    writing(given, () => renameSync(temp, file));
  } catch (e) {
    removeQuietly(temp);
    throw e;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

const utf8Bytes = (text: string | Uint8Array): Uint8Array => (typeof text === "string" ? Buffer.from(text, "utf8") : text);

/** Standard output, written as it comes. */
function directStdout(io: CliIo): Output {
  let count = 0;
  return {
    write: (text) => {
      count += typeof text === "string" ? Buffer.byteLength(text, "utf8") : text.byteLength;
      io.stdout.write(typeof text === "string" ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString("utf8"));
    },
    written: () => count,
    revisable: null,
    close: () => undefined,
    discard: () => undefined,
  };
}

/** Standard output held in memory until close, where nothing printed could be taken back. */
function heldStdout(io: CliIo): Output {
  let held = Buffer.allocUnsafe(1 << 16);
  let size = 0;
  return {
    write(text) {
      const bytes = utf8Bytes(text);
      if (size + bytes.length > held.length) {
        const grown = Buffer.allocUnsafe(Math.max(held.length * 2, size + bytes.length));
        held.copy(grown, 0, 0, size);
        held = grown;
      }
      held.set(bytes, size);
      size += bytes.length;
    },
    written: () => size,
    revisable: {
      read: (at, length) => Buffer.from(held.subarray(at, at + length)),
      cut: (at) => {
        size = at;
      },
    },
    close: () => void io.stdout.write(held.toString("utf8", 0, size)),
    discard: () => undefined,
  };
}

/**
 * To -o (creating its folder; written to a temporary file, renamed at close) or to standard
 * output, held until close when `revisable` is asked for.
 */
function openOutput(args: CheckArgs, io: CliIo, written: (file: string) => Text, language: Language, options: { revisable?: boolean } = {}): Output {
  const given = args.output;
  if (!given) return options.revisable ? heldStdout(io) : directStdout(io);
  const file = path.resolve(io.cwd, given);
  const temp = temporaryBeside(file);
  const fd = writing(given, () => {
    mkdirSync(path.dirname(file), { recursive: true });
    return openSync(temp, "wx+"); // read too: linking may read entries back
  });
  let open = true;
  let placed = false;
  // Every write names its position, so a rewind needs no seek.
  let position = 0;
  const closeFd = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(text) {
      const bytes = utf8Bytes(text);
      writing(given, () => {
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, position + at);
      });
      position += bytes.length;
    },
    written: () => position,
    revisable: {
      read(at, length) {
        const bytes = Buffer.allocUnsafe(length);
        writing(given, () => {
          for (let done = 0; done < length; ) {
            const n = readSync(fd, bytes, done, length - done, at + done);
            if (n === 0) throw Object.assign(new Error("the report being written is shorter than what was written to it"), { code: "EIO" });
            done += n;
          }
        });
        return bytes;
      },
      cut(at) {
        writing(given, () => ftruncateSync(fd, at));
        position = at;
      },
    },
    close() {
      writing(given, () => {
        closeFd();
        renameSync(temp, file);
      });
      placed = true;
      note(io, language, written(given));
    },
    discard() {
      if (placed) return;
      try {
        closeFd();
      } catch {
        // the descriptor is gone with the failed write
      }
      removeQuietly(temp);
    },
  };
}

function writeText(args: CheckArgs, io: CliIo, text: string, what: (file: string) => Text, language: Language): void {
  const out = openOutput(args, io, what, language);
  try {
    out.write(text);
    out.close();
  } finally {
    out.discard();
  }
}

async function writeSummary(args: CheckArgs, results: FileResult[], settings: Settings, io: CliIo): Promise<number> {
  const sheets = results.flatMap((f) => f.sheets);
  const fileOfSheet = results.flatMap((f) => f.sheets.map(() => f.path));
  const links = args.link ? withLinks(results, settings).groups : [];
  const { writeSummaryWorkbook } = await import("../adapters/xlsx/summaryWorkbook");
  const bytes = await writeSummaryWorkbook(sheets, settings, { files: fileOfSheet, links });
  const given = args.output as string;
  writeFileAtomically(given, path.resolve(io.cwd, given), bytes);
  const evaluations = sheets.filter((s) => s.kind === "evaluation").length;
  const projects = sheets.filter((s) => s.kind === "project").length;
  io.stdout.write(`hyoka: ${cleanLine(say(settings.language, MSG.summaryWritten(evaluations, results.length, given, projects)))}\n`);
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
  writeText(args, io, text, MSG.locationsWritten, settings.language);
  return EXIT.ok;
}

/** What an unexpected failure prints: one line, plus the stack with HYOKA_DEBUG=1. */
export function unexpectedFailure(e: unknown, language: Language, env: CliIo["env"]): string {
  const line = `hyoka: ${cleanLine(say(language, MSG.unexpected(String((e as Error)?.message ?? e))))}\n`;
  const stack = env?.HYOKA_DEBUG === "1" ? (e as Error)?.stack : undefined;
  return stack ? `${line}${stack}\n` : line;
}

/** Entry for bin/hyoka.js. */
export function run(): void {
  const argv = process.argv.slice(2);
  main(argv, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      process.stderr.write(unexpectedFailure(e, languageOf(argv), process.env));
      process.exitCode = EXIT.unexpected;
    });
}
