// Code scales as data: 評価区分 (AⅠ…CⅡ), 達成度 (1–5), 方向性区分 (Ⅰ–Ⅴ), the roll-up's 3ヵ年 classes,
// 5–1 assessments and 点検結果 letters (A–H) — each a list of values with labels, order, the better end and the
// spellings people type. The reader parses with the scale configured for a role, the rules
// ask the scale what a value means; a template profile replaces a role's scale without code.

import type { LocalizedText } from "../findings";
import catalogue from "./scales.json";

/** What a scale is used for. */
export type ScaleRole =
  | "evaluationCode"
  | "achievement"
  | "direction"
  | "threeYearAchievement"
  | "threeYearStatus"
  | "projectAssessment"
  | "inspection";

export const SCALE_ROLES: readonly ScaleRole[] = [
  "evaluationCode",
  "achievement",
  "direction",
  "threeYearAchievement",
  "threeYearStatus",
  "projectAssessment",
  "inspection",
];

/**
 * Meanings a rule looks for on a value: new issues or none (評価区分); what happens to a project's
 * resources (方向性区分 and the roll-up's 点検結果 columns), compared across sheets by link.rollup.differs.
 */
export type ScaleTag = "new-issues" | "no-new-issues" | ResourceTag;

/** The 点検結果 columns: 予算・人員等の拡大 / 縮減 / 現状維持 / 事業終了 休止・中止・廃止. */
export type ResourceTag = "expand" | "reduce" | "maintain" | "end";

export const RESOURCE_TAGS: readonly ResourceTag[] = ["expand", "reduce", "maintain", "end"];

export interface ScaleValue {
  /** Canonical spelling, as the scale writes it: `AⅡ`, `3`, `Ⅱ`. */
  value: string;
  label: LocalizedText;
  /** Other accepted spellings (after the scale's folding): `A2` for AⅡ, `〇` for ○. */
  variants?: string[];
  /** Equal ranks are equally good (AⅠ and AⅡ); default: position in the list, from 1. */
  rank?: number;
  /** 達成率 range (fractions, either end open) the value claims: project.achievement.implausible. */
  rateRange?: [number | null, number | null];
  tags?: ScaleTag[];
}

export interface ScaleMatch {
  /** Case does not matter (`a2` is A2); ASCII roman numerals must still be all upper or all lower. */
  caseInsensitive?: boolean;
  /** ASCII roman numerals (`II`, `iv`) and small roman numerals (ⅱ) read as Ⅱ, Ⅳ. */
  romanNumerals?: boolean;
  /** Dashes, dots, middle dots and underscores are ignored (`A-Ⅱ`, `A・Ⅱ`); whitespace always is. */
  ignoreSeparators?: boolean;
  /** A value's label (`ほぼ目標どおり達成`), or the value followed by it (`3 ほぼ目標どおり達成`), reads as the value. */
  labels?: boolean;
}

export interface Scale {
  /** The catalogue id (`achievement-1to5`), or `profile` for a definition given in a profile. */
  id: string;
  name: LocalizedText;
  /** What an unreadable entry should have been; default "one of …" the values. */
  expected?: LocalizedText;
  /** Which end of `values` is the better one; null: categories, neither end is better. */
  better: "first" | "last" | null;
  match?: ScaleMatch;
  values: ScaleValue[];
}

export type ScaleSet = Readonly<Record<ScaleRole, Scale>>;

/** What a profile may say for a role: a catalogue id, or a whole definition. */
export type ScaleChoice = string | Omit<Scale, "id">;

interface Catalogue {
  defaults: Record<ScaleRole, string>;
  scales: Record<string, Omit<Scale, "id"> & { $comment?: string }>;
}

const data = catalogue as unknown as Catalogue;

function withId(id: string, definition: Omit<Scale, "id"> & { $comment?: string }): Scale {
  const rest: Omit<Scale, "id"> & { $comment?: string } = { ...definition };
  delete rest.$comment;
  return { id, ...rest };
}

/** Every scale shipped with hyoka, by id. */
export const SHIPPED_SCALES: Readonly<Record<string, Scale>> = Object.fromEntries(
  Object.entries(data.scales).map(([id, definition]) => [id, withId(id, definition)]),
);

export const DEFAULT_SCALES: ScaleSet = Object.fromEntries(SCALE_ROLES.map((role) => [role, SHIPPED_SCALES[data.defaults[role]]])) as Record<
  ScaleRole,
  Scale
>;

/** The default scales with a profile's choices applied; unknown ids and roles are left to parseScaleChoices. */
export function resolveScales(choices: Partial<Record<ScaleRole, ScaleChoice>> | undefined): ScaleSet {
  if (!choices) return DEFAULT_SCALES;
  const out: Record<ScaleRole, Scale> = { ...DEFAULT_SCALES };
  for (const role of SCALE_ROLES) {
    const choice = choices[role];
    if (typeof choice === "string") {
      if (Object.prototype.hasOwnProperty.call(SHIPPED_SCALES, choice)) out[role] = SHIPPED_SCALES[choice];
    } else if (choice) {
      out[role] = { id: "profile", ...choice };
    }
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isLocalized(v: unknown): v is LocalizedText {
  return isObject(v) && typeof v.ja === "string" && v.ja.trim() !== "" && typeof v.en === "string" && v.en.trim() !== "";
}

const MATCH_KEYS: readonly (keyof ScaleMatch)[] = ["caseInsensitive", "romanNumerals", "ignoreSeparators", "labels"];
const VALUE_KEYS = ["value", "label", "variants", "rank", "rateRange", "tags"];
const SCALE_KEYS = ["name", "expected", "better", "match", "values"];
const TAGS: readonly ScaleTag[] = ["new-issues", "no-new-issues", ...RESOURCE_TAGS];

/**
 * Validates a profile's `scales` (role → catalogue id or definition). Never throws: one message
 * per mistake, naming the key; `choices` holds only what is valid.
 */
export function parseScaleChoices(json: unknown, at = "scales"): { choices: Partial<Record<ScaleRole, ScaleChoice>>; errors: string[] } {
  const errors: string[] = [];
  const choices: Partial<Record<ScaleRole, ScaleChoice>> = {};
  if (!isObject(json)) return { choices, errors: [`${at}: expected an object of role → scale id or definition`] };
  for (const [role, choice] of Object.entries(json)) {
    const where = `${at}.${role}`;
    if (!(SCALE_ROLES as readonly string[]).includes(role)) {
      errors.push(`${at}: unknown role ${JSON.stringify(role)} (roles: ${SCALE_ROLES.join(", ")})`);
      continue;
    }
    if (typeof choice === "string") {
      if (Object.prototype.hasOwnProperty.call(SHIPPED_SCALES, choice)) choices[role as ScaleRole] = choice;
      else errors.push(`${where}: unknown scale ${JSON.stringify(choice)} (shipped: ${Object.keys(SHIPPED_SCALES).join(", ")})`);
      continue;
    }
    const definition = parseDefinition(choice, where, errors);
    if (definition) choices[role as ScaleRole] = definition;
  }
  return { choices, errors };
}

function parseDefinition(json: unknown, at: string, errors: string[]): Omit<Scale, "id"> | null {
  if (!isObject(json)) {
    errors.push(`${at}: expected a scale id or a definition { name, better, values }`);
    return null;
  }
  const before = errors.length;
  for (const key of Object.keys(json)) {
    if (!key.startsWith("$") && !SCALE_KEYS.includes(key)) errors.push(`${at}: unknown key ${JSON.stringify(key)} (expected ${SCALE_KEYS.join(", ")})`);
  }
  if (!isLocalized(json.name)) errors.push(`${at}.name: expected { "ja": "…", "en": "…" }`);
  if (json.expected !== undefined && !isLocalized(json.expected)) errors.push(`${at}.expected: expected { "ja": "…", "en": "…" }`);
  if (!(json.better === "first" || json.better === "last" || json.better === null)) errors.push(`${at}.better: expected "first", "last" or null`);
  if (json.match !== undefined) {
    if (!isObject(json.match)) errors.push(`${at}.match: expected an object`);
    else {
      for (const [key, value] of Object.entries(json.match)) {
        if (!(MATCH_KEYS as readonly string[]).includes(key)) errors.push(`${at}.match: unknown key ${JSON.stringify(key)} (expected ${MATCH_KEYS.join(", ")})`);
        else if (typeof value !== "boolean") errors.push(`${at}.match.${key}: expected true or false`);
      }
    }
  }
  if (!Array.isArray(json.values) || json.values.length < 2) errors.push(`${at}.values: expected an array of at least two values`);
  else {
    const seen = new Set<string>();
    json.values.forEach((v, i) => {
      const where = `${at}.values[${i}]`;
      if (!isObject(v)) {
        errors.push(`${where}: expected { "value": …, "label": { "ja", "en" } }`);
        return;
      }
      for (const key of Object.keys(v)) if (!VALUE_KEYS.includes(key)) errors.push(`${where}: unknown key ${JSON.stringify(key)}`);
      if (typeof v.value !== "string" || v.value.trim() === "") errors.push(`${where}.value: expected a non-empty string`);
      else if (seen.has(v.value)) errors.push(`${where}.value: ${JSON.stringify(v.value)} is listed twice`);
      else seen.add(v.value);
      if (!isLocalized(v.label)) errors.push(`${where}.label: expected { "ja": "…", "en": "…" }`);
      if (v.variants !== undefined && !(Array.isArray(v.variants) && v.variants.every((s) => typeof s === "string" && s.trim() !== ""))) {
        errors.push(`${where}.variants: expected an array of non-empty strings`);
      }
      if (v.rank !== undefined && !(typeof v.rank === "number" && Number.isFinite(v.rank))) errors.push(`${where}.rank: expected a number`);
      if (v.rateRange !== undefined && !isRateRange(v.rateRange)) errors.push(`${where}.rateRange: expected [from, to], numbers or null`);
      if (v.tags !== undefined && !(Array.isArray(v.tags) && v.tags.every((t) => (TAGS as readonly unknown[]).includes(t)))) {
        errors.push(`${where}.tags: expected an array of ${TAGS.join(", ")}`);
      }
    });
  }
  return errors.length === before ? (json as unknown as Omit<Scale, "id">) : null;
}

function isRateRange(v: unknown): v is [number | null, number | null] {
  return Array.isArray(v) && v.length === 2 && v.every((x) => x === null || (typeof x === "number" && Number.isFinite(x)));
}

/** The entry of a canonical value, if the scale has it. */
export function scaleEntry(scale: Scale, value: string | null): ScaleValue | undefined {
  return value === null ? undefined : scale.values.find((v) => v.value === value);
}

function rankAt(scale: Scale, i: number): number {
  return scale.values[i].rank ?? i + 1;
}

/**
 * How good a value is, as a number where smaller is better (0 = the best rank); null when the
 * scale has no better end or does not know the value.
 */
export function badnessOf(scale: Scale, value: string | null): number | null {
  if (scale.better === null || value === null) return null;
  const i = scale.values.findIndex((v) => v.value === value);
  if (i < 0) return null;
  const ranks = scale.values.map((_, j) => rankAt(scale, j));
  const best = scale.better === "first" ? Math.min(...ranks) : Math.max(...ranks);
  return Math.abs(rankAt(scale, i) - best);
}

/** The best rank of the scale (AⅠ and AⅡ for 評価区分). */
export function isBestValue(scale: Scale, value: string | null): boolean {
  return badnessOf(scale, value) === 0;
}

/** The worst rank of the scale (CⅠ and CⅡ for 評価区分). */
export function isWorstValue(scale: Scale, value: string | null): boolean {
  const badness = badnessOf(scale, value);
  if (badness === null) return false;
  const worst = Math.max(...scale.values.map((v) => badnessOf(scale, v.value) ?? 0));
  return worst > 0 && badness === worst;
}

export function hasTag(scale: Scale, value: string | null, tag: ScaleTag): boolean {
  return scaleEntry(scale, value)?.tags?.includes(tag) ?? false;
}

/** The resource tag (expand / reduce / maintain / end) a value carries, if any. */
export function resourceTagOf(scale: Scale, value: string | null): ResourceTag | null {
  const tags = scaleEntry(scale, value)?.tags ?? [];
  return RESOURCE_TAGS.find((tag) => tags.includes(tag)) ?? null;
}

/** `AⅠ・AⅡ・…のいずれか` / `one of AⅠ, AⅡ, …`, for `expected` in findings. */
export function scaleExamples(scale: Scale): LocalizedText {
  const values = scale.values.map((v) => v.value);
  return { ja: `${values.join("・")}のいずれか`, en: `one of ${values.join(", ")}` };
}

/** `3(ほぼ目標どおり達成)` / `3 (on target)`: a value with its label. */
export function describeValue(scale: Scale, value: string): LocalizedText {
  const entry = scaleEntry(scale, value);
  if (!entry || entry.label.ja === value) return { ja: value, en: value };
  return { ja: `${value}(${entry.label.ja})`, en: `${value} (${entry.label.en})` };
}
