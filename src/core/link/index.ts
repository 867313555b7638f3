// Linking: the sheets checked together (one workbook, every file given to the CLI, the open
// workbook in the pane) grouped by 施策 — its 施策進行管理・評価票(1), its (2) and its
// 事務事業評価シート — and the figures that must agree between them checked (the link.* rules of
// the catalogue). A (1) and a (2) belong together by 施策課題 code and 評価年度; a project by the
// 施策 its 政策体系 names (code, else name), else by its name in a 施策's list.
// Pure: works on digests (link/digest.ts), so the CLI's workers need not send their models back.

import type { Finding, LocalizedText } from "../findings";
import { LINK_CATALOGUE, type Rule } from "../rules";
import { num } from "../format/number";
import { FORECAST_SETTLEMENT } from "../terms";
import type { Settings } from "../settings";
import { nameKey, type CostFigure, type LinkDigest, type MeasureDigest, type ProjectDigest, type RollupDigest } from "./digest";

export { linkDigest, nameKey, type LinkDigest, type MeasureDigest, type ProjectDigest, type RollupDigest, type CostFigure } from "./digest";

/** One checked sheet's digest and the file it came from (null within one workbook). */
export interface LinkInput {
  file: string | null;
  digest: LinkDigest;
}

/** Where a sheet is: its file (null within one workbook) and name. */
export interface SheetRef {
  file: string | null;
  sheet: string;
}

/** A project of a 施策: a sheet found for it, or a name listed with no sheet (file and sheet null). */
export interface LinkedProject {
  name: string;
  code: string | null;
  file: string | null;
  sheet: string | null;
  /** In the (1)'s or the (2)'s list. */
  listed: boolean;
  department: string | null;
  achievement: string | null;
  direction: string | null;
  costUnit: string | null;
  /** 事業費 A per column, as its sheet prints it. */
  costs: CostFigure[];
  cells: { name: string | null; achievement: string | null; direction: string | null };
}

/** A 施策's 事業費 for a year and column against the sum of its projects' 事業費 A (in the 施策's unit). */
export interface LinkCost {
  year: number;
  column: CostFigure["column"];
  forecast: boolean;
  measure: number | null;
  /** Σ 事業費 A of the projects with a figure; null when none has one. */
  projectsSum: number | null;
  /** measure − projectsSum; null when either is missing. */
  difference: number | null;
  /** Projects of the 施策 without a figure for this column (the sum is then partial and not compared). */
  projectsMissing: number;
  cell: string | null;
}

export interface LinkGroup {
  measureCode: string | null;
  measureName: string | null;
  fiscalYear: number | null;
  /** 基本政策 of the (1), else the projects' top 政策体系 level. */
  policy: string | null;
  measureSheet: SheetRef | null;
  rollupSheet: SheetRef | null;
  /** Unit of the 施策's 事業費 (sums are converted to it). */
  costUnit: string | null;
  evaluationCode: string | null;
  evaluationCodeCell: string | null;
  projects: LinkedProject[];
  /** Names of the projects whose 事業費 A the 施策's 事業費 is compared with (those its list names, with a sheet). */
  costMembers: string[];
  costs: LinkCost[];
}

/** A link finding, with the file of the sheet it belongs to. */
export interface LinkFinding extends Finding {
  file: string | null;
}

export interface LinkOptions {
  /** Only one file was checked: a listed project's sheet may simply be in another file (link.project.missing is info). */
  singleFile: boolean;
}

interface Group {
  measure: { file: string | null; digest: MeasureDigest } | null;
  rollup: { file: string | null; digest: RollupDigest } | null;
  projects: { file: string | null; digest: ProjectDigest; byPolicy: boolean }[];
  /** For a group of projects without a 施策 sheet: the code or name they name. */
  code: string | null;
  name: string | null;
  year: number | null;
}

/** Groups digests by 施策 and checks the link rules. */
export function linkSheets(inputs: readonly LinkInput[], settings: Settings, options: LinkOptions): { groups: LinkGroup[]; findings: LinkFinding[] } {
  const ordered: Group[] = [];
  const newGroup = (code: string | null, name: string | null, year: number | null): Group => {
    const g: Group = { measure: null, rollup: null, projects: [], code, name, year };
    ordered.push(g);
    return g;
  };
  const measures = inputs.filter((i) => i.digest.kind === "evaluation") as { file: string | null; digest: MeasureDigest }[];
  const rollups = inputs.filter((i) => i.digest.kind === "rollup") as { file: string | null; digest: RollupDigest }[];
  const projects = inputs.filter((i) => i.digest.kind === "project") as { file: string | null; digest: ProjectDigest }[];
  const projectFiles = new Set(projects.map((p) => p.file));
  /** Of several candidate groups: the one of the same file, else one whose sheets' files hold no project, else the first. */
  const pick = (candidates: readonly Group[], file: string | null): Group | undefined => {
    const fileOf = (g: Group) => g.measure?.file ?? g.rollup?.file;
    return candidates.find((g) => fileOf(g) === file) ?? candidates.find((g) => !projectFiles.has(fileOf(g) ?? null)) ?? candidates[0];
  };

  // One group per (1). The same 施策 and year may come twice (a copy, another version): its (2)
  // and projects go with the (1) of their own file, else with one whose file holds no projects.
  for (const m of measures) {
    const code = m.digest.measureCode;
    newGroup(code, m.digest.measureName, m.digest.fiscalYear).measure = m;
  }
  for (const r of rollups) {
    const code = r.digest.measureCode;
    const free = ordered.filter((g) => !g.rollup);
    let g = code === null ? undefined : pick(free.filter((x) => sameMeasure(x, code, r.digest.fiscalYear)), r.file);
    // A (2) without a code belongs with the (1) of its own file when the file has one.
    if (!g && code === null) {
      const own = free.filter((x) => x.measure && x.measure.file === r.file);
      if (own.length === 1) g = own[0];
    }
    g ??= newGroup(code, null, r.digest.fiscalYear);
    g.rollup = r;
  }
  for (const p of projects) {
    const byPolicy = pick(groupsOfProjectPolicy(ordered, p.digest), p.file);
    const g = byPolicy ?? pick(groupsListing(ordered, p.digest), p.file);
    if (g) {
      g.projects.push({ ...p, byPolicy: byPolicy !== undefined });
      continue;
    }
    // A project naming a 施策 no sheet was checked for: a group of its own, for the views.
    const m = p.digest.measure;
    if (!m) continue;
    const own = ordered.find((x) => !x.measure && !x.rollup && x.code === m.code && x.name === m.name && x.year === p.digest.fiscalYear);
    (own ?? newGroup(m.code, m.name, p.digest.fiscalYear)).projects.push({ ...p, byPolicy: true });
  }

  const anyProjectSheet = projects.length > 0;
  const findings: LinkFinding[] = [];
  const out: LinkGroup[] = [];
  for (const g of ordered) {
    const linked = projectsOf(g);
    const members = costMembers(g, linked);
    const costs = costsOf(g, members);
    if (g.rollup || g.projects.length > 0) out.push(groupOut(g, linked, costs, members.members));
    const ctx: CheckContext = { g, linked, costMembers: members.members, costs, settings, options, anyProjectSheet };
    for (const check of CHECKS) findings.push(...check(ctx));
  }
  return { groups: out, findings };
}

/** The same year unless either is unknown. */
const sameYear = (g: Group, year: number | null): boolean => g.year === null || year === null || g.year === year;

/** Same 施策課題 code, and the same year unless either is unknown. */
const sameMeasure = (g: Group, code: string, year: number | null): boolean => g.code === code && sameYear(g, year);

/** The groups of the 施策 a project's 政策体系 names: by code, else by name. */
function groupsOfProjectPolicy(groups: readonly Group[], p: ProjectDigest): Group[] {
  const m = p.measure;
  if (!m) return [];
  if (m.code !== null) return groups.filter((g) => (g.measure || g.rollup) && sameMeasure(g, m.code as string, p.fiscalYear));
  if (m.key === null) return [];
  return groups.filter((g) => g.measure && g.name !== null && nameKey(g.name) === m.key && sameYear(g, p.fiscalYear));
}

/** The groups whose (1) or (2) lists the project by name. */
function groupsListing(groups: readonly Group[], p: ProjectDigest): Group[] {
  if (p.key === "") return [];
  return groups.filter(
    (g) =>
      sameYear(g, p.fiscalYear) &&
      ((g.measure?.digest.projects.some((x) => x.key === p.key) ?? false) || (g.rollup?.digest.projects.some((x) => x.key === p.key) ?? false)),
  );
}

interface ListEntry {
  /** Position in the list holder's model (`projects[index]`). */
  index: number;
  name: string;
  key: string;
  /** Where it is listed: the (1)'s cell, else the (2)'s. */
  cell: string | null;
  onMeasure: boolean;
}

/** The names the (1) and the (2) list, once each (the (1)'s spelling first). */
function listOf(g: Group): ListEntry[] {
  const out: ListEntry[] = [];
  for (const p of g.measure?.digest.projects ?? []) if (!out.some((x) => x.key === p.key)) out.push({ index: p.index, name: p.name, key: p.key, cell: p.cell, onMeasure: true });
  for (const p of g.rollup?.digest.projects ?? []) if (!out.some((x) => x.key === p.key)) out.push({ index: p.index, name: p.name, key: p.key, cell: p.cell, onMeasure: false });
  return out;
}

/** Listed names and project sheets, matched: listed ones in list order, then the unlisted sheets. */
function projectsOf(g: Group): LinkedProject[] {
  const list = listOf(g);
  const used = new Set<number>();
  const out: LinkedProject[] = [];
  const sheetProject = (p: Group["projects"][number], listedName: string | null): LinkedProject => ({
    name: listedName ?? p.digest.projectName ?? p.digest.sheet,
    code: p.digest.projectCode,
    file: p.file,
    sheet: p.digest.sheet,
    listed: listedName !== null,
    department: p.digest.department,
    achievement: p.digest.achievement,
    direction: p.digest.direction,
    costUnit: p.digest.costUnit,
    costs: p.digest.costs,
    cells: { name: p.digest.nameCell, achievement: p.digest.achievementCell, direction: p.digest.directionCell },
  });
  for (const entry of list) {
    const i = g.projects.findIndex((p, k) => !used.has(k) && p.digest.key === entry.key);
    if (i >= 0) {
      used.add(i);
      out.push(sheetProject(g.projects[i], entry.name));
    } else {
      out.push({ name: entry.name, code: null, file: null, sheet: null, listed: true, department: null, achievement: null, direction: null, costUnit: null, costs: [], cells: { name: null, achievement: null, direction: null } });
    }
  }
  g.projects.forEach((p, k) => {
    if (!used.has(k)) out.push(sheetProject(p, null));
  });
  return out;
}

/** A project's 事業費 A in the 施策's unit (円 → 千円). */
function inUnit(value: number, from: string | null, to: string | null): number {
  if (from === "円" && (to === null || to === "千円")) return value / 1000;
  if (from === "千円" && to === "円") return value * 1000;
  return value;
}

/** The first figure of a project for a year and column kind. */
function figureOf(costs: readonly CostFigure[], year: number, column: CostFigure["column"]): CostFigure | undefined {
  return costs.find((c) => c.year === year && c.column === column && c.value !== null) ?? costs.find((c) => c.year === year && c.column === column);
}

/**
 * The projects the 施策's 事業費 is the sum of: those its (1) lists, else those its (2) lists, else
 * every project naming it; `missing`: listed ones without a sheet (the sum would be partial).
 */
function costMembers(g: Group, linked: readonly LinkedProject[]): { members: LinkedProject[]; missing: number } {
  const list = g.measure?.digest.projects.length ? g.measure.digest.projects : (g.rollup?.digest.projects ?? []);
  if (list.length === 0) return { members: linked.filter((p) => p.sheet !== null), missing: 0 };
  const keys = new Set(list.map((p) => p.key));
  const inList = linked.filter((p) => keys.has(nameKey(p.name)));
  return { members: inList.filter((p) => p.sheet !== null), missing: inList.filter((p) => p.sheet === null).length };
}

function costsOf(g: Group, { members, missing: missingSheets }: ReturnType<typeof costMembers>): LinkCost[] {
  const measure = g.measure?.digest;
  if (!measure) return [];
  if (members.length === 0) return [];
  const unit = measure.budgetUnit ?? "千円";
  const out: LinkCost[] = [];
  for (const figure of measure.budget) {
    if (figure.value === null && figure.cell === null) continue;
    let sum: number | null = null;
    let missing = missingSheets;
    for (const p of members) {
      const f = figureOf(p.costs, figure.year, figure.column);
      if (!f || f.value === null) {
        missing++;
        continue;
      }
      sum = (sum ?? 0) + inUnit(f.value, p.costUnit, unit);
    }
    const difference = figure.value !== null && sum !== null ? round(figure.value - sum) : null;
    out.push({ year: figure.year, column: figure.column, forecast: figure.forecast, measure: figure.value, projectsSum: sum === null ? null : round(sum), difference, projectsMissing: missing, cell: figure.cell });
  }
  return out;
}

/** A project's 事業費 A for a year and column kind in the 施策's unit; null when blank or absent. */
export function projectFigure(project: Pick<LinkedProject, "costs" | "costUnit">, year: number, column: CostFigure["column"], unit: string | null): number | null {
  const f = figureOf(project.costs, year, column);
  return f && f.value !== null ? round(inUnit(f.value, project.costUnit, unit ?? "千円")) : null;
}

/** The projects a 施策's 事業費 is compared with (see costMembers), for views that show the sum. */
export function isCostMember(group: LinkGroup, project: LinkedProject): boolean {
  return project.sheet !== null && group.costMembers.includes(project.name);
}

/** Sums of 円 figures divided by 1,000 carry float noise: keep three decimals. */
const round = (n: number): number => Math.round(n * 1000) / 1000;

function groupOut(g: Group, projects: LinkedProject[], costs: LinkCost[], members: readonly LinkedProject[]): LinkGroup {
  const m = g.measure?.digest;
  const firstProject = g.projects[0]?.digest;
  return {
    measureCode: m?.measureCode ?? g.rollup?.digest.measureCode ?? g.code,
    measureName: m?.measureName ?? g.name,
    fiscalYear: m?.fiscalYear ?? g.rollup?.digest.fiscalYear ?? g.year,
    policy: m?.policy ?? firstProject?.policy ?? null,
    measureSheet: g.measure ? { file: g.measure.file, sheet: g.measure.digest.sheet } : null,
    rollupSheet: g.rollup ? { file: g.rollup.file, sheet: g.rollup.digest.sheet } : null,
    costUnit: m ? (m.budgetUnit ?? "千円") : null,
    evaluationCode: m?.evaluationCode ?? null,
    evaluationCodeCell: m?.evaluationCodeCell ?? null,
    projects,
    costMembers: g.measure ? members.map((p) => p.name) : [],
    costs,
  };
}

// ---------------------------------------------------------------------------------------------
// The checks

interface CheckContext {
  g: Group;
  linked: LinkedProject[];
  /** costMembers(g, linked).members */
  costMembers: LinkedProject[];
  costs: LinkCost[];
  settings: Settings;
  options: LinkOptions;
  anyProjectSheet: boolean;
}

/** `path/to/file.xlsx Sheet!A1`, or `Sheet!A1` within one workbook. */
function where(file: string | null, sheet: string, cell: string | null): string {
  const ref = `${sheet}!${cell ?? "?"}`;
  return file === null ? ref : `${file} ${ref}`;
}

function finding(rule: Rule, file: string | null, sheet: string, draft: Omit<Finding, "rule" | "severity" | "sheet">, severity = rule.severity): LinkFinding {
  return { rule: rule.id, severity, sheet, ...draft, file };
}

const COLUMN_NAMES: Record<CostFigure["column"], LocalizedText> = {
  plan: { ja: "計画事業費", en: "planned cost" },
  budget: { ja: "予算", en: "budget" },
  settlement: { ja: "決算", en: "settlement" },
};

const CHECKS: ReadonlyArray<(ctx: CheckContext) => LinkFinding[]> = [
  // link.project.missing: a listed name without a sheet, once project sheets are part of the check.
  ({ g, linked, options, anyProjectSheet }) => {
    if (!anyProjectSheet) return [];
    const rule = LINK_CATALOGUE.projectMissing;
    const severity = options.singleFile ? "info" : rule.severity;
    const list = listOf(g);
    return linked
      .filter((p) => p.sheet === null)
      .map((p) => {
        const entry = list.find((e) => nameKey(e.name) === nameKey(p.name)) as ListEntry;
        const holder = entry.onMeasure ? { file: g.measure!.file, sheet: g.measure!.digest.sheet } : { file: g.rollup!.file, sheet: g.rollup!.digest.sheet };
        return finding(
          rule,
          holder.file,
          holder.sheet,
          {
            cell: entry.cell,
            path: `projects[${entry.index}].name`,
            message: {
              ja: `配下の事務事業「${p.name}」(${entry.cell ?? "?"})の事務事業評価シートが、一緒に点検したシートの中にありません。`,
              en: `No 事務事業評価シート for the listed project "${p.name}" (${entry.cell ?? "?"}) is among the sheets checked together.`,
            },
            raw: p.name,
            expected: { ja: "事務事業評価シート(同じ評価年度)", en: "its 事務事業評価シート (same evaluation year)" },
          },
          severity,
        );
      });
  },
  // link.project.unlisted: a sheet naming the 施策 that the (1)'s list (else the (2)'s) lacks.
  ({ g }) => {
    const rule = LINK_CATALOGUE.projectUnlisted;
    const measureList = g.measure?.digest.projects ?? [];
    const rollupList = g.rollup?.digest.projects ?? [];
    const out: LinkFinding[] = [];
    for (const p of g.projects) {
      if (!p.byPolicy) continue;
      const key = p.digest.key;
      const lacksOnMeasure = g.measure !== null && measureList.length > 0 && !measureList.some((x) => x.key === key);
      const lacksOnRollup = g.rollup !== null && rollupList.length > 0 && !rollupList.some((x) => x.key === key);
      const holder = lacksOnMeasure ? g.measure! : lacksOnRollup ? g.rollup! : null;
      if (!holder) continue;
      const name = p.digest.projectName ?? p.digest.sheet;
      out.push(
        finding(rule, holder.file, holder.digest.sheet, {
          cell: holder.digest.listCell,
          path: "projects[0].name",
          message: {
            ja: `事務事業「${name}」(${where(p.file, p.digest.sheet, p.digest.nameCell)})は政策体系でこの施策に属しますが、配下の事務事業一覧にありません。`,
            en: `Project "${name}" (${where(p.file, p.digest.sheet, p.digest.nameCell)}) belongs to this 施策 by its 政策体系 but is not in its list of projects.`,
          },
          raw: name,
          expected: { ja: "配下の事務事業一覧への記載", en: "the project in the list" },
          related: [where(p.file, p.digest.sheet, p.digest.nameCell)],
        }),
      );
    }
    return out;
  },
  // link.cost.mismatch: the 施策's 事業費 against its projects' 事業費 A, when every project has a figure.
  ({ g, costMembers: members, costs, settings }) => {
    if (!g.measure) return [];
    const rule = LINK_CATALOGUE.costMismatch;
    const out: LinkFinding[] = [];
    for (const c of costs) {
      if (c.projectsMissing > 0 || c.difference === null || Math.abs(c.difference) <= settings.linkCostTolerance) continue;
      const column = c.column === "settlement" && c.forecast ? FORECAST_SETTLEMENT.inText : COLUMN_NAMES[c.column];
      const related = members.flatMap((p) => {
        const f = figureOf(p.costs, c.year, c.column);
        return f ? [where(p.file, p.sheet as string, f.cell)] : [];
      });
      out.push(
        finding(rule, g.measure.file, g.measure.digest.sheet, {
          cell: c.cell,
          path: "budget",
          message: {
            ja: `${c.year}年度の${column.ja}(${c.cell ?? "?"})${num(c.measure)}が、配下の事務事業${members.length}件の事業費Aの合計 ${num(c.projectsSum)} と ${num(c.difference)} 違います。`,
            en: `The ${c.year} ${column.en} (${c.cell ?? "?"}) ${num(c.measure)} differs by ${num(c.difference)} from the sum of its ${members.length} projects' 事業費 A, ${num(c.projectsSum)}.`,
          },
          raw: c.measure === null ? undefined : String(c.measure),
          expected: {
            ja: `事務事業の合計 ${num(c.projectsSum)}${settings.linkCostTolerance > 0 ? `(許容差 ±${num(settings.linkCostTolerance)})` : ""}`,
            en: `the projects' sum, ${num(c.projectsSum)}${settings.linkCostTolerance > 0 ? ` (tolerance ±${num(settings.linkCostTolerance)})` : ""}`,
          },
          related,
        }),
      );
    }
    return out;
  },
  // link.rollup.differs: the (2)'s codes per project, else its 達成度 counts, against the project sheets.
  ({ g }) => {
    const rollup = g.rollup;
    if (!rollup) return [];
    const rule = LINK_CATALOGUE.rollupDiffers;
    const out: LinkFinding[] = [];
    const sheetOf = (key: string) => g.projects.find((p) => p.digest.key === key);
    for (const listedProject of rollup.digest.projects) {
      const p = sheetOf(listedProject.key);
      if (!p) continue;
      const ref = (cell: string | null) => where(p.file, p.digest.sheet, cell);
      if (listedProject.achievement !== null && p.digest.achievement !== null && listedProject.achievement !== p.digest.achievement) {
        out.push(
          finding(rule, rollup.file, rollup.digest.sheet, {
            cell: listedProject.achievementCell,
            path: `projects[${listedProject.index}].achievement`,
            message: {
              ja: `評価票(2)の「${listedProject.name}」の達成度(${listedProject.achievementCell ?? "?"})は ${listedProject.achievement} ですが、事務事業評価シート(${ref(p.digest.achievementCell)})では ${p.digest.achievement} です。`,
              en: `The roll-up gives "${listedProject.name}" achievement ${listedProject.achievement} (${listedProject.achievementCell ?? "?"}), its sheet ${p.digest.achievement} (${ref(p.digest.achievementCell)}).`,
            },
            raw: listedProject.achievement,
            expected: { ja: `事務事業評価シートの達成度 ${p.digest.achievement}`, en: `the project sheet's ${p.digest.achievement}` },
            related: [ref(p.digest.achievementCell)],
          }),
        );
      }
      if (listedProject.inspectionTag !== null && p.digest.directionTag !== null && listedProject.inspectionTag !== p.digest.directionTag) {
        out.push(
          finding(rule, rollup.file, rollup.digest.sheet, {
            cell: listedProject.inspectionCell,
            path: `projects[${listedProject.index}].inspection`,
            message: {
              ja: `評価票(2)の「${listedProject.name}」の点検結果 ${listedProject.inspection}(${listedProject.inspectionCell ?? "?"})と、事務事業評価シートの方向性区分 ${p.digest.direction}(${ref(p.digest.directionCell)})が一致しません(予算・人員等の扱いが違います)。`,
              en: `The roll-up's inspection letter ${listedProject.inspection} for "${listedProject.name}" (${listedProject.inspectionCell ?? "?"}) disagrees with the sheet's direction class ${p.digest.direction} (${ref(p.digest.directionCell)}) on the project's resources.`,
            },
            raw: listedProject.inspection ?? undefined,
            expected: { ja: "方向性区分と同じ予算・人員等の扱い", en: "the same treatment of resources as the direction class" },
            related: [ref(p.digest.directionCell)],
          }),
        );
      }
    }
    // A list without codes: the 達成度 counts against the sheets, when every listed project has one.
    const codesPrinted = rollup.digest.projects.some((p) => p.achievement !== null);
    const sheets = rollup.digest.projects.map((p) => sheetOf(p.key));
    if (codesPrinted || rollup.digest.achievementRows.length === 0 || sheets.length === 0 || sheets.some((s) => !s || s.digest.achievement === null)) return out;
    const counted = new Map<string, number>();
    for (const s of sheets) counted.set(s!.digest.achievement as string, (counted.get(s!.digest.achievement as string) ?? 0) + 1);
    const diffs = rollup.digest.achievementRows.filter((r) => r.projects !== null && r.projects !== (counted.get(r.code) ?? 0));
    if (diffs.length === 0) return out;
    out.push(
      finding(rule, rollup.file, rollup.digest.sheet, {
        cell: diffs[0].cell,
        path: "blocks[0]",
        message: {
          ja: `評価票(2)の達成度の事業数が事務事業評価シートと合いません: ${diffs.map((d) => `${d.code} は ${num(d.projects)} 件(${d.cell ?? "?"})、シートでは ${num(counted.get(d.code) ?? 0)} 件`).join("; ")}。`,
          en: `The roll-up's achievement counts differ from the project sheets: ${diffs.map((d) => `${d.code} ${num(d.projects)} (${d.cell ?? "?"}), ${num(counted.get(d.code) ?? 0)} on the sheets`).join("; ")}.`,
        },
        raw: String(diffs[0].projects),
        expected: { ja: "事務事業評価シートの達成度ごとの件数", en: "the number of project sheets with each achievement" },
        related: sheets.map((s) => where(s!.file, s!.digest.sheet, s!.digest.achievementCell)),
      }),
    );
    return out;
  },
  // link.achievement.differs: the (1)'s printed status against the project sheet's 達成度.
  ({ g }) => {
    const measure = g.measure;
    if (!measure) return [];
    const rule = LINK_CATALOGUE.achievementDiffers;
    const out: LinkFinding[] = [];
    for (const entry of measure.digest.projects) {
      if (entry.status === null) continue;
      const p = g.projects.find((x) => x.digest.key === entry.key);
      if (!p || p.digest.achievement === null || p.digest.achievement === entry.status) continue;
      const ref = where(p.file, p.digest.sheet, p.digest.achievementCell);
      out.push(
        finding(rule, measure.file, measure.digest.sheet, {
          cell: entry.statusCell,
          path: `projects[${entry.index}].status`,
          message: {
            ja: `配下の事務事業一覧の「${entry.name}」の達成状況(${entry.statusCell ?? "?"})「${entry.statusRaw}」が、事務事業評価シートの達成度 ${p.digest.achievement}(${ref})と一致しません。`,
            en: `The status printed for "${entry.name}" (${entry.statusCell ?? "?"}) "${entry.statusRaw}" differs from the project sheet's achievement ${p.digest.achievement} (${ref}).`,
          },
          raw: entry.statusRaw,
          expected: { ja: `事務事業評価シートの達成度 ${p.digest.achievement}`, en: `the project sheet's ${p.digest.achievement}` },
          related: [ref],
        }),
      );
    }
    return out;
  },
];
