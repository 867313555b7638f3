// The cost tables of 事務事業評価シート as data (costs.json): what each row means and how it is
// labelled, which headers name the figure columns, and the arithmetic relations between rows
// in named packs (Kawasaki's, and other cities' styles). A template profile selects packs,
// adds or replaces relations and adds row labels — no code changes for a department's form.

import type { LocalizedText } from "../findings";
import type { CostColumnKind, CostRowId } from "../model";
import { labelKey } from "../normalize";
import data from "./costs.json";

export type CostRowKind = "money" | "count";

export interface CostRowSpec {
  /** `money` rows are in the table's unit (千円 or 円); `count` rows are 人工, hours… */
  kind: CostRowKind;
  labels: string[];
}

/** Which rule reports a relation: project.cost.total-mismatch, funding-mismatch or staff-mismatch. */
export type RelationCheck = "total" | "funding" | "staff";

export interface SumTerm {
  row: CostRowId;
  sign: 1 | -1;
  /** The table may lack the row altogether: it then counts as 0. */
  optional: boolean;
}

export interface ProductFactor {
  row: CostRowId;
  /** When the row is not printed: the year's cost per 人工 (settings.staffUnitCosts, else inferred). */
  fallback: "yearUnitCost" | null;
}

export type Rounding = "none" | "nearest" | "down" | "up";

export interface CostRelation {
  id: string;
  check: RelationCheck;
  target: CostRowId;
  /** target = Σ sign × row … */
  sum?: SumTerm[];
  /** … or target = a × b (rounded as `round` says). */
  product?: [ProductFactor, ProductFactor];
  /** Column kinds the relation holds in; all three by default. */
  columns: CostColumnKind[];
  /** `skip`: every term must be printed; `zero`: a blank term is 0 once one term is printed. */
  blankTerms: "skip" | "zero";
  round: Rounding;
  /** Differences up to this (in the table's unit) are source rounding. */
  tolerance: number;
  /** Severity of a difference within the tolerance (null: none); ±1 千円 in Kawasaki's totals is a warning. */
  roundingSeverity: "warning" | "info" | null;
  /** Severity of a difference beyond the tolerance. */
  severity: "error" | "warning";
}

export interface CostPack {
  id: string;
  name: LocalizedText;
  /** Rows whose presence selects the pack when no profile names one. */
  detect: CostRowId[];
  relations: CostRelation[];
}

export type ColumnKindWord = CostColumnKind | "forecast";

/** What a profile may say in `costRelations` (docs/templates.md § Cost relations). */
export interface CostProfile {
  /** Packs to apply, in place of the automatic choice. */
  packs?: string[];
  /** Relations added; one with a pack relation's id replaces it. */
  relations?: unknown[];
  /** Relation ids not to check. */
  disable?: string[];
  /** Row id → extra labels, or { kind, labels } for a row of the department's own. */
  rows?: Record<string, string[] | { kind: CostRowKind; labels: string[] }>;
}

/** The cost configuration in force for a check. */
export interface CostConfig {
  rows: Readonly<Record<CostRowId, CostRowSpec>>;
  columnKinds: Readonly<Record<ColumnKindWord, readonly string[]>>;
  packs: readonly CostPack[];
  /** Pack ids named by a profile; null: chosen by `detect`. */
  selected: readonly string[] | null;
  /** A profile's relations (they replace pack relations of the same id). */
  extra: readonly CostRelation[];
  disabled: readonly string[];
}

interface RawData {
  rows: Record<string, CostRowSpec>;
  columnKinds: Record<ColumnKindWord, string[]>;
  packs: Record<string, { name: LocalizedText; detect?: string[]; relations: unknown[] }>;
}

const raw = data as unknown as RawData;

const CHECKS: readonly RelationCheck[] = ["total", "funding", "staff"];
const COLUMN_KINDS: readonly CostColumnKind[] = ["plan", "budget", "settlement"];
const ROUNDINGS: readonly Rounding[] = ["none", "nearest", "down", "up"];
const RELATION_KEYS = ["id", "check", "target", "sum", "product", "columns", "blankTerms", "round", "tolerance", "roundingSeverity", "severity", "$comment"];
const ROW_ID = /^[A-Za-z][A-Za-z0-9]*$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const TERM = /^([+-]?)([A-Za-z][A-Za-z0-9]*)(\?)?$/;

function parseTerm(text: unknown, at: string, rows: ReadonlySet<string>, errors: string[]): SumTerm | null {
  const m = typeof text === "string" ? TERM.exec(text.trim()) : null;
  if (!m) {
    errors.push(`${at}: expected a row id, "-row" or "row?" (e.g. "projectCost", "-specificFunding", "prefectural?")`);
    return null;
  }
  if (!rows.has(m[2])) errors.push(`${at}: unknown row ${JSON.stringify(m[2])}`);
  return { row: m[2], sign: m[1] === "-" ? -1 : 1, optional: m[3] === "?" };
}

function parseFactor(value: unknown, at: string, rows: ReadonlySet<string>, errors: string[]): ProductFactor | null {
  if (typeof value === "string") {
    if (!rows.has(value)) errors.push(`${at}: unknown row ${JSON.stringify(value)}`);
    return { row: value, fallback: null };
  }
  if (isObject(value) && typeof value.row === "string" && (value.else === undefined || value.else === "yearUnitCost")) {
    if (!rows.has(value.row)) errors.push(`${at}.row: unknown row ${JSON.stringify(value.row)}`);
    return { row: value.row, fallback: value.else === "yearUnitCost" ? "yearUnitCost" : null };
  }
  errors.push(`${at}: expected a row id or { "row": …, "else": "yearUnitCost" }`);
  return null;
}

/** Validates one relation (from the shipped file or a profile); null with messages when wrong. */
export function parseRelation(json: unknown, at: string, rows: ReadonlySet<string>): { relation: CostRelation | null; errors: string[] } {
  const errors: string[] = [];
  if (!isObject(json)) return { relation: null, errors: [`${at}: expected a relation { id, check, target, sum | product, … }`] };
  for (const key of Object.keys(json)) if (!RELATION_KEYS.includes(key)) errors.push(`${at}: unknown key ${JSON.stringify(key)}`);
  const id = typeof json.id === "string" && json.id.trim() !== "" ? json.id : null;
  if (!id) errors.push(`${at}.id: expected a non-empty string`);
  const check = CHECKS.find((c) => c === json.check) ?? null;
  if (!check) errors.push(`${at}.check: expected one of ${CHECKS.join(", ")}`);
  const target = typeof json.target === "string" ? json.target : null;
  if (target === null) errors.push(`${at}.target: expected a row id`);
  else if (!rows.has(target)) errors.push(`${at}.target: unknown row ${JSON.stringify(target)}`);
  let sum: SumTerm[] | undefined;
  let product: [ProductFactor, ProductFactor] | undefined;
  if ((json.sum === undefined) === (json.product === undefined)) errors.push(`${at}: expected either "sum" or "product"`);
  else if (json.sum !== undefined) {
    if (!Array.isArray(json.sum) || json.sum.length === 0) errors.push(`${at}.sum: expected a non-empty array of terms`);
    else sum = json.sum.map((t, i) => parseTerm(t, `${at}.sum[${i}]`, rows, errors)).filter((t): t is SumTerm => t !== null);
  } else if (!Array.isArray(json.product) || json.product.length !== 2) errors.push(`${at}.product: expected two factors`);
  else {
    const a = parseFactor(json.product[0], `${at}.product[0]`, rows, errors);
    const b = parseFactor(json.product[1], `${at}.product[1]`, rows, errors);
    if (a && b) product = [a, b];
  }
  let columns: CostColumnKind[] = [...COLUMN_KINDS];
  if (json.columns !== undefined) {
    if (!Array.isArray(json.columns) || json.columns.length === 0 || !json.columns.every((c) => (COLUMN_KINDS as readonly unknown[]).includes(c))) {
      errors.push(`${at}.columns: expected a non-empty array of ${COLUMN_KINDS.join(", ")}`);
    } else columns = json.columns as CostColumnKind[];
  }
  const blankTerms = json.blankTerms ?? "skip";
  if (blankTerms !== "skip" && blankTerms !== "zero") errors.push(`${at}.blankTerms: expected "skip" or "zero"`);
  const round = json.round ?? "none";
  if (!(ROUNDINGS as readonly unknown[]).includes(round)) errors.push(`${at}.round: expected one of ${ROUNDINGS.join(", ")}`);
  const tolerance = json.tolerance ?? 0;
  if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0) errors.push(`${at}.tolerance: expected a number ≥ 0`);
  const roundingSeverity = json.roundingSeverity === undefined ? "warning" : json.roundingSeverity;
  if (roundingSeverity !== null && roundingSeverity !== "warning" && roundingSeverity !== "info") errors.push(`${at}.roundingSeverity: expected "warning", "info" or null`);
  const severity = json.severity ?? "error";
  if (severity !== "error" && severity !== "warning") errors.push(`${at}.severity: expected "error" or "warning"`);
  if (errors.length > 0 || !id || !check || !target) return { relation: null, errors };
  const relation: CostRelation = {
    id,
    check,
    target,
    columns,
    blankTerms: blankTerms as CostRelation["blankTerms"],
    round: round as Rounding,
    tolerance: tolerance as number,
    roundingSeverity: roundingSeverity as CostRelation["roundingSeverity"],
    severity: severity as CostRelation["severity"],
  };
  if (sum) relation.sum = sum;
  if (product) relation.product = product;
  return { relation, errors };
}

function shippedPacks(): CostPack[] {
  const rows = new Set(Object.keys(raw.rows));
  return Object.entries(raw.packs).map(([id, pack]) => ({
    id,
    name: pack.name,
    detect: pack.detect ?? [],
    relations: pack.relations.map((r, i) => {
      const { relation, errors } = parseRelation(r, `packs.${id}.relations[${i}]`, rows);
      // The shipped file is checked by a test; a broken entry must not pass silently.
      if (!relation) throw new Error(`costs.json: ${errors.join("; ")}`);
      return relation;
    }),
  }));
}

export const SHIPPED_PACKS: readonly CostPack[] = shippedPacks();

/** The pack used when neither a profile nor `detect` chooses one. */
export const DEFAULT_PACK = "kawasaki";

export const DEFAULT_COSTS: CostConfig = {
  rows: raw.rows,
  columnKinds: raw.columnKinds,
  packs: SHIPPED_PACKS,
  selected: null,
  extra: [],
  disabled: [],
};

/**
 * Validates a profile's `costRelations`. Never throws: one message per mistake, naming the key;
 * `costs` is the profile's part as given when valid.
 */
export function parseCostProfile(json: unknown, at = "costRelations"): { costs: CostProfile | null; errors: string[] } {
  const errors: string[] = [];
  if (!isObject(json)) return { costs: null, errors: [`${at}: expected an object { packs, relations, disable, rows }`] };
  for (const key of Object.keys(json)) {
    if (!key.startsWith("$") && !["packs", "relations", "disable", "rows"].includes(key)) errors.push(`${at}: unknown key ${JSON.stringify(key)} (expected packs, relations, disable, rows)`);
  }
  const rowIds = new Set(Object.keys(raw.rows));
  if (json.rows !== undefined) {
    if (!isObject(json.rows)) errors.push(`${at}.rows: expected an object of row id → labels`);
    else {
      for (const [id, spec] of Object.entries(json.rows)) {
        const where = `${at}.rows.${id}`;
        if (!ROW_ID.test(id)) errors.push(`${where}: a row id is letters and digits, starting with a letter`);
        const labels = Array.isArray(spec) ? spec : isObject(spec) ? spec.labels : undefined;
        if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === "string" && l.trim() !== "")) {
          errors.push(`${where}: expected an array of labels, or { "kind": "money" | "count", "labels": […] }`);
        }
        if (isObject(spec) && spec.kind !== "money" && spec.kind !== "count") errors.push(`${where}.kind: expected "money" or "count"`);
        if (Array.isArray(spec) && !rowIds.has(id)) errors.push(`${where}: a new row needs { "kind", "labels" }`);
        rowIds.add(id);
      }
    }
  }
  const packIds = SHIPPED_PACKS.map((p) => p.id);
  if (json.packs !== undefined) {
    if (!Array.isArray(json.packs) || !json.packs.every((p) => typeof p === "string")) errors.push(`${at}.packs: expected an array of pack ids`);
    else for (const p of json.packs) if (!packIds.includes(p)) errors.push(`${at}.packs: unknown pack ${JSON.stringify(p)} (shipped: ${packIds.join(", ")})`);
  }
  if (json.relations !== undefined) {
    if (!Array.isArray(json.relations)) errors.push(`${at}.relations: expected an array of relations`);
    else json.relations.forEach((r, i) => errors.push(...parseRelation(r, `${at}.relations[${i}]`, rowIds).errors));
  }
  if (json.disable !== undefined && !(Array.isArray(json.disable) && json.disable.every((d) => typeof d === "string"))) {
    errors.push(`${at}.disable: expected an array of relation ids`);
  }
  return errors.length > 0 ? { costs: null, errors } : { costs: json as CostProfile, errors };
}

/** The shipped configuration with a (validated) profile part applied. */
export function resolveCosts(profile: CostProfile | undefined): CostConfig {
  if (!profile) return DEFAULT_COSTS;
  const rows: Record<string, CostRowSpec> = { ...raw.rows };
  for (const [id, spec] of Object.entries(profile.rows ?? {})) {
    const base = rows[id];
    if (Array.isArray(spec)) rows[id] = { kind: base?.kind ?? "money", labels: [...(base?.labels ?? []), ...spec] };
    else rows[id] = { kind: spec.kind, labels: [...(base?.labels ?? []), ...spec.labels] };
  }
  const ids = new Set(Object.keys(rows));
  const extra = (profile.relations ?? []).map((r, i) => parseRelation(r, `costRelations.relations[${i}]`, ids).relation).filter((r): r is CostRelation => r !== null);
  return { rows, columnKinds: raw.columnKinds, packs: SHIPPED_PACKS, selected: profile.packs ?? null, extra, disabled: profile.disable ?? [] };
}

/**
 * The relations to check on a table with these rows: the profile's packs, else the first pack
 * whose `detect` rows are all present, else Kawasaki's; then the profile's own relations (same
 * id: replaced) less the disabled ones.
 */
const relationMemo = new WeakMap<CostConfig, Map<string, { packs: CostPack[]; relations: CostRelation[] }>>();

export function relationsFor(config: CostConfig, presentRows: ReadonlySet<CostRowId>): { packs: CostPack[]; relations: CostRelation[] } {
  let byRows = relationMemo.get(config);
  if (!byRows) relationMemo.set(config, (byRows = new Map()));
  const key = [...presentRows].sort().join(",");
  return memo(byRows, key, () => chooseRelations(config, presentRows));
}

function chooseRelations(config: CostConfig, presentRows: ReadonlySet<CostRowId>): { packs: CostPack[]; relations: CostRelation[] } {
  const byId = (id: string) => config.packs.find((p) => p.id === id);
  let packs: CostPack[];
  if (config.selected) packs = config.selected.map(byId).filter((p): p is CostPack => p !== undefined);
  else {
    const detected = config.packs.find((p) => p.detect.length > 0 && p.detect.every((row) => presentRows.has(row)));
    packs = [detected ?? (byId(DEFAULT_PACK) as CostPack)];
  }
  const relations = new Map<string, CostRelation>();
  for (const pack of packs) for (const r of pack.relations) relations.set(r.id, r);
  for (const r of config.extra) relations.set(r.id, r);
  for (const id of config.disabled) relations.delete(id);
  return { packs, relations: [...relations.values()] };
}

// ---------------------------------------------------------------------------------------------
// Label matching: row labels and column headers as people print them.

interface CostMatcher {
  rows: Map<string, CostRowId>;
  kinds: Map<string, ColumnKindWord>;
  /** Cell text → row / kind: a template repeats the same labels on every sheet. */
  rowSeen: Map<string, CostRowId | null>;
  kindSeen: Map<string, ColumnKindWord | null>;
}

const SEEN_LIMIT = 20_000;

/** A bounded memo: cleared when full, so a long batch of odd texts cannot grow it without end. */
function memo<T>(seen: Map<string, T>, text: string, compute: () => T): T {
  const known = seen.get(text);
  if (known !== undefined) return known;
  if (seen.size >= SEEN_LIMIT) seen.clear();
  const value = compute();
  seen.set(text, value);
  return value;
}

const matchers = new WeakMap<CostConfig, CostMatcher>();

// Decoration around a row's name, removed one step at a time (the key is tried after each):
// ※ marks, a leading circled number (① → 1 after NFKC), a trailing formula or note in brackets,
// a trailing circled number, a trailing A/B letter.
const STRIP_STEPS: readonly RegExp[] = [/※\d*/g, /^\d+/, /\([^()]*\)$/, /\d+$/, /(?<=[^ -~])[a-e]$/];

function strippedKeys(text: string): string[] {
  let key = labelKey(text);
  const keys = [key];
  for (const step of STRIP_STEPS) {
    const next = key.replace(step, "");
    if (next !== key && next !== "") {
      key = next;
      keys.push(key);
    }
  }
  return keys;
}

function matcherFor(config: CostConfig): CostMatcher {
  const cached = matchers.get(config);
  if (cached) return cached;
  const rows = new Map<string, CostRowId>();
  // Exact keys first, so that 一般財源1 is not taken for 一般財源 once its digit is stripped.
  for (const [id, spec] of Object.entries(config.rows)) for (const label of spec.labels) if (!rows.has(labelKey(label))) rows.set(labelKey(label), id);
  for (const [id, spec] of Object.entries(config.rows)) {
    for (const label of spec.labels) for (const key of strippedKeys(label)) if (!rows.has(key)) rows.set(key, id);
  }
  const kinds = new Map<string, ColumnKindWord>();
  // 決算額(見込) before 決算額: the forecast words are the more specific.
  for (const kind of ["forecast", "plan", "budget", "settlement"] as const) {
    for (const word of config.columnKinds[kind]) if (!kinds.has(labelKey(word))) kinds.set(labelKey(word), kind);
  }
  const matcher = { rows, kinds, rowSeen: new Map(), kindSeen: new Map() };
  matchers.set(config, matcher);
  return matcher;
}

const MAX_ROW_LABEL = 40;

/** The cost row a label text names, or null. */
export function costRowOf(config: CostConfig, text: string): CostRowId | null {
  if (text.length > MAX_ROW_LABEL) return null;
  const { rows, rowSeen } = matcherFor(config);
  return memo(rowSeen, text, () => strippedKeys(text).map((key) => rows.get(key)).find((row) => row !== undefined) ?? null);
}

/** The column kind a header names (決算額(見込) → forecast), or null. */
export function columnKindOf(config: CostConfig, text: string): ColumnKindWord | null {
  if (text.length > MAX_ROW_LABEL) return null;
  const { kinds, kindSeen } = matcherFor(config);
  return memo(kindSeen, text, () => kinds.get(labelKey(text)) ?? null);
}

const unitSeen = new Map<string, { unit: "千円" | "円" | null; found: boolean }>();

/** The money unit a note names: (単位:千円), 単位 円, (千円); null when none. */
export function unitOf(text: string): { unit: "千円" | "円" | null; found: boolean } {
  return memo(unitSeen, text, () => readUnitNote(text));
}

function readUnitNote(text: string): { unit: "千円" | "円" | null; found: boolean } {
  const key = labelKey(text);
  // 単位:千円 anywhere (区分(単位:千円)), or 千円 in brackets closing a label (事業費(千円)), or alone.
  const m = /単位[:]?(千円|円|百万円|万円)/.exec(key) ?? /\((千円|円)\)$/.exec(key) ?? /^(千円|円)$/.exec(key);
  if (!m) return { unit: null, found: false };
  return { unit: m[1] === "千円" || m[1] === "円" ? m[1] : null, found: true };
}
