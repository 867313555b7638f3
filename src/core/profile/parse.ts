// Profile JSON in and out: validation with one message per mistake naming the bad key,
// a stable serialization, and the edits the task pane makes (each bumps the version).

import { parseCostProfile, type CostProfile } from "../costs";
import { parseScaleChoices, SCALE_ROLES, type ScaleChoice, type ScaleRole } from "../scales";
import { LABEL_NAMES, type LabelName } from "../vocabulary";
import { pinOrder, pinTarget } from "./paths";
import { PROFILE_FORMAT, type Pin, type Pins, type TemplateProfile } from "./types";

const TOP_KEYS = ["hyokaProfile", "name", "version", "synonyms", "pins", "sheets", "scales", "costRelations"] as const;

const MAX_COLUMN = 16384; // XFD
const MAX_ROW = 1048576;
const A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `b$5` → `B5`; null when not a cell address inside Excel's limits. */
export function normalizeA1(text: string): string | null {
  const m = A1.exec(text.trim());
  if (!m) return null;
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROW || columnNumber(m[1]) > MAX_COLUMN) return null;
  return `${m[1].toUpperCase()}${row}`;
}

/** `d6:a1` → `A1:D6` (corners in order); null when not a range of more than one cell. */
export function normalizeRange(text: string): string | null {
  const parts = text.split(":");
  if (parts.length !== 2) return null;
  const a = normalizeA1(parts[0]);
  const b = normalizeA1(parts[1]);
  if (!a || !b || a === b) return null;
  const [, ca, ra] = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
  const [, cb, rb] = /^([A-Z]+)(\d+)$/.exec(b) as RegExpExecArray;
  const [left, right] = columnNumber(ca) <= columnNumber(cb) ? [ca, cb] : [cb, ca];
  const [top, bottom] = Number(ra) <= Number(rb) ? [ra, rb] : [rb, ra];
  return `${left}${top}:${right}${bottom}`;
}

const quote = (s: string) => JSON.stringify(s);

/** Assignment that keeps a sheet called "__proto__" a plain key. */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function parsePin(path: string, value: unknown, at: string, errors: string[]): Pin | null {
  const target = pinTarget(path);
  if (!target) {
    errors.push(`${at}: unknown model path (pinnable paths are listed in docs/templates.md)`);
    return null;
  }
  const key = target.kind;
  const example = key === "cell" ? `{ "cell": "B2" }` : `{ "range": "A31:D35" }`;
  if (!isObject(value)) {
    errors.push(`${at}: expected ${example}`);
    return null;
  }
  const others = Object.keys(value).filter((k) => k !== key);
  if (others.length > 0) {
    const what = key === "cell" ? `a single field is pinned with "cell"` : `a table is pinned with "range"`;
    errors.push(`${at}: unknown key ${quote(others[0])} (${what})`);
    return null;
  }
  const text = value[key];
  if (typeof text !== "string") {
    errors.push(`${at}.${key}: expected ${key === "cell" ? `an A1 address such as "B2"` : `a range such as "A31:D35"`}`);
    return null;
  }
  if (key === "cell") {
    const address = normalizeA1(text);
    if (!address) errors.push(`${at}.cell: ${quote(text)} is not an A1 address`);
    return address ? { cell: address } : null;
  }
  const box = normalizeRange(text);
  if (!box) errors.push(`${at}.range: ${quote(text)} is not a range such as A31:D35`);
  return box ? { range: box } : null;
}

function parsePins(value: unknown, prefix: string, errors: string[]): Pins | null {
  if (!isObject(value)) {
    errors.push(`${prefix}: expected an object of model path → { "cell": … } or { "range": … }`);
    return null;
  }
  const pins: Pins = {};
  for (const [path, pinValue] of Object.entries(value)) {
    const pin = parsePin(path, pinValue, `${prefix}[${quote(path)}]`, errors);
    if (pin) pins[path] = pin;
  }
  return pins;
}

function isLabelName(key: string): key is LabelName {
  return (LABEL_NAMES as string[]).includes(key);
}

function parseSynonyms(value: unknown, errors: string[]): Partial<Record<LabelName, string[]>> {
  const synonyms: Partial<Record<LabelName, string[]>> = {};
  if (!isObject(value)) {
    errors.push(`synonyms: expected an object of label name → array of strings`);
    return synonyms;
  }
  for (const [key, list] of Object.entries(value)) {
    if (!isLabelName(key)) {
      errors.push(`synonyms: unknown label ${quote(key)} (label names are listed in docs/templates.md)`);
      continue;
    }
    if (!Array.isArray(list)) {
      errors.push(`synonyms.${key}: expected an array of strings`);
      continue;
    }
    const bad = list.findIndex((s) => typeof s !== "string" || s.trim() === "");
    if (bad >= 0) {
      errors.push(`synonyms.${key}[${bad}]: expected a non-empty string`);
      continue;
    }
    synonyms[key] = list as string[];
  }
  return synonyms;
}

/**
 * Validates profile JSON (already parsed). Never throws: every mistake is one message that
 * names the bad key; `profile` is null whenever there is any.
 */
export function parseProfile(json: unknown): { profile: TemplateProfile | null; errors: string[] } {
  const errors: string[] = [];
  if (!isObject(json)) return { profile: null, errors: ["profile: expected a JSON object"] };
  for (const key of Object.keys(json)) {
    // "$schema" / "$comment" let editors validate and people annotate.
    if (!key.startsWith("$") && !(TOP_KEYS as readonly string[]).includes(key)) {
      errors.push(`unknown key ${quote(key)} (expected one of: ${TOP_KEYS.join(", ")})`);
    }
  }
  const has = (key: string) => Object.prototype.hasOwnProperty.call(json, key);
  if (!has("hyokaProfile")) errors.push(`missing key "hyokaProfile" (the format version, ${PROFILE_FORMAT})`);
  else if (json.hyokaProfile !== PROFILE_FORMAT) {
    errors.push(`hyokaProfile: expected ${PROFILE_FORMAT}, found ${JSON.stringify(json.hyokaProfile) ?? String(json.hyokaProfile)}`);
  }
  if (!has("name")) errors.push(`missing key "name"`);
  else if (typeof json.name !== "string" || json.name.trim() === "") errors.push(`name: expected a non-empty string`);
  if (!has("version")) errors.push(`missing key "version"`);
  else if (!Number.isSafeInteger(json.version) || (json.version as number) < 1) errors.push(`version: expected a whole number ≥ 1`);

  const synonyms = has("synonyms") ? parseSynonyms(json.synonyms, errors) : {};
  const pins = has("pins") ? parsePins(json.pins, "pins", errors) : {};
  let sheets: Record<string, Pins> | undefined;
  if (has("sheets")) {
    if (!isObject(json.sheets)) errors.push(`sheets: expected an object of sheet name → pins`);
    else {
      sheets = {};
      for (const [sheet, value] of Object.entries(json.sheets)) {
        const parsed = parsePins(value, `sheets[${quote(sheet)}]`, errors);
        if (parsed) setOwn(sheets, sheet, parsed);
      }
    }
  }
  let scales: Partial<Record<ScaleRole, ScaleChoice>> | undefined;
  if (has("scales")) {
    const parsed = parseScaleChoices(json.scales);
    errors.push(...parsed.errors);
    scales = parsed.choices;
  }
  let costRelations: CostProfile | null = null;
  if (has("costRelations")) {
    const parsed = parseCostProfile(json.costRelations);
    errors.push(...parsed.errors);
    costRelations = parsed.costs;
  }
  if (errors.length > 0) return { profile: null, errors };
  const profile: TemplateProfile = {
    hyokaProfile: PROFILE_FORMAT,
    name: json.name as string,
    version: json.version as number,
    synonyms,
    pins: pins ?? {},
  };
  if (sheets) profile.sheets = sheets;
  if (scales && Object.keys(scales).length > 0) profile.scales = scales;
  if (costRelations) profile.costRelations = costRelations;
  return { profile, errors };
}

/** parseProfile for JSON text (a file, a custom XML part): a syntax error is one more message. */
export function parseProfileText(text: string): { profile: TemplateProfile | null; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { profile: null, errors: [`profile: not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  return parseProfile(json);
}

function sortedPins(pins: Pins): Pins {
  const out: Pins = {};
  const paths = Object.keys(pins).sort((a, b) => pinOrder(a) - pinOrder(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const path of paths) {
    const pin = pins[path];
    out[path] = "cell" in pin ? { cell: pin.cell } : { range: pin.range };
  }
  return out;
}

/** Stable JSON: fixed key order, labels in vocabulary order, pins in catalogue order, sheets by name. */
export function serializeProfile(profile: TemplateProfile): string {
  const synonyms: Partial<Record<LabelName, string[]>> = {};
  for (const name of LABEL_NAMES) {
    const list = profile.synonyms[name];
    if (list && list.length > 0) synonyms[name] = [...list];
  }
  const out: Record<string, unknown> = {
    hyokaProfile: profile.hyokaProfile,
    name: profile.name,
    version: profile.version,
    synonyms,
    pins: sortedPins(profile.pins),
  };
  if (profile.sheets) {
    const sheets: Record<string, Pins> = {};
    for (const sheet of Object.keys(profile.sheets).sort()) setOwn(sheets, sheet, sortedPins(profile.sheets[sheet]));
    out.sheets = sheets;
  }
  if (profile.scales) {
    const scales: Partial<Record<ScaleRole, ScaleChoice>> = {};
    for (const role of SCALE_ROLES) if (profile.scales[role] !== undefined) scales[role] = profile.scales[role];
    out.scales = scales;
  }
  if (profile.costRelations) out.costRelations = profile.costRelations;
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function newProfile(name: string): TemplateProfile {
  return { hyokaProfile: PROFILE_FORMAT, name, version: 1, synonyms: {}, pins: {} };
}

/**
 * Pins a field at the user's selection ("この位置を使う"): a single field takes the selection's
 * top-left cell (a merged area arrives as its whole range), a table takes the range.
 * `sheet` pins for that sheet only. Returns the new profile (version bumped) or an error.
 */
export function setPin(
  profile: TemplateProfile,
  path: string,
  address: string,
  sheet?: string,
): { profile: TemplateProfile; error: null } | { profile: null; error: string } {
  const target = pinTarget(path);
  if (!target) return { profile: null, error: `${quote(path)} cannot be pinned` };
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  let pin: Pin | null;
  if (target.kind === "cell") {
    const cell = normalizeA1(bare.split(":")[0]);
    pin = cell ? { cell } : null;
  } else {
    const box = normalizeRange(bare);
    pin = box ? { range: box } : null;
  }
  if (!pin) {
    const expected = target.kind === "cell" ? "a cell" : "a range of several cells including the header row";
    return { profile: null, error: `${quote(address)}: select ${expected} for ${target.label.en}` };
  }
  const next: TemplateProfile = { ...profile, version: profile.version + 1 };
  if (sheet === undefined) next.pins = { ...profile.pins, [path]: pin };
  else next.sheets = { ...profile.sheets, [sheet]: { ...profile.sheets?.[sheet], [path]: pin } };
  return { profile: next, error: null };
}

/** Removes a pin (from `sheet`'s pins when given); the version is bumped only when something changed. */
export function removePin(profile: TemplateProfile, path: string, sheet?: string): TemplateProfile {
  const from = sheet === undefined ? profile.pins : profile.sheets?.[sheet];
  if (!from || !(path in from)) return profile;
  const rest = { ...from };
  delete rest[path];
  const next: TemplateProfile = { ...profile, version: profile.version + 1 };
  if (sheet === undefined) next.pins = rest;
  else next.sheets = { ...profile.sheets, [sheet]: rest };
  return next;
}

/** Adds a label synonym ("add a synonym" in the pane); unchanged when already there or blank. */
export function addSynonym(profile: TemplateProfile, name: LabelName, synonym: string): TemplateProfile {
  const text = synonym.trim();
  const list = profile.synonyms[name] ?? [];
  if (text === "" || list.includes(text)) return profile;
  return { ...profile, version: profile.version + 1, synonyms: { ...profile.synonyms, [name]: [...list, text] } };
}

/**
 * One profile from copies saved apart (two first saves racing, co-authors): the newest
 * version's name and pins win, pins only another copy has are kept, synonyms are the union,
 * and the version is above every copy's, so the merged profile is saved as a new version.
 */
export function mergeProfiles(profiles: readonly TemplateProfile[]): TemplateProfile {
  const byAge = [...profiles].sort((a, b) => a.version - b.version);
  const newest = byAge[byAge.length - 1];
  const synonyms: Partial<Record<LabelName, string[]>> = {};
  for (const p of byAge)
    for (const name of Object.keys(p.synonyms) as LabelName[]) synonyms[name] = [...new Set([...(synonyms[name] ?? []), ...(p.synonyms[name] ?? [])])];
  const pins = Object.assign({}, ...byAge.map((p) => p.pins)) as Pins;
  const sheetNames = [...new Set(byAge.flatMap((p) => Object.keys(p.sheets ?? {})))];
  const merged: TemplateProfile = { ...newest, version: newest.version + 1, synonyms, pins };
  if (sheetNames.length) merged.sheets = Object.fromEntries(sheetNames.map((name) => [name, Object.assign({}, ...byAge.map((p) => p.sheets?.[name] ?? {})) as Pins]));
  return merged;
}

/** The pins that apply to one sheet: the profile's pins, overridden by that sheet's own. */
export function pinsForSheet(profile: TemplateProfile, sheet: string): Pins {
  const own = profile.sheets && Object.prototype.hasOwnProperty.call(profile.sheets, sheet) ? profile.sheets[sheet] : {};
  return { ...profile.pins, ...own };
}
