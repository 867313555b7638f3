// `hyoka template show`: where every field of every evaluation sheet was found (fieldLocations),
// per sheet and section, with pinned fields marked — the CLI's form of the task pane's
// テンプレート view. Pure: built from a checked file, printed as text or JSON.

import type { SheetResult } from "../engine";
import type { Language } from "../findings";
import type { SheetKind } from "../model";
import { fieldLocations, projectFieldLocations, rollupFieldLocations, sectionTitle, STALE_PIN_RULE } from "../profile";
import { cleanLine as safe, escapeJsonText } from "./cleanText";
import { label, profileLabel } from "./labels";
import { INVALID_PROFILE_RULE } from "./profileFindings";
import type { ProfileInfo } from "./types";

export interface TemplateShowField {
  path: string;
  label: string;
  /** A1 cell or range; null when not found. */
  cell: string | null;
  raw: string;
  pinned: boolean;
}

export interface TemplateShowSection {
  /** The section heading as on the sheet (基本情報, 参考指標①…): a stable key. */
  section: string;
  /** The heading in the output language. */
  title: string;
  fields: TemplateShowField[];
}

export interface TemplateShowSheet {
  sheet: string;
  kind: SheetKind;
  sections: TemplateShowSection[];
  /** Why a pin or the saved profile was not used (template.pin.stale, template.profile.invalid). */
  notes: string[];
}

export interface TemplateShow {
  tool: { name: string; version: string };
  file: string;
  sha256: string | null;
  language: Language;
  profile: ProfileInfo | null;
  sheets: TemplateShowSheet[];
}

export interface TemplateShowInput {
  toolName: string;
  toolVersion: string;
  file: string;
  sha256: string | null;
  language: Language;
  profile: ProfileInfo | null;
  sheets: readonly SheetResult[];
}

const NOTE_RULES: readonly string[] = [STALE_PIN_RULE.id, INVALID_PROFILE_RULE.id];

function sectionsOf(result: SheetResult, language: Language): TemplateShowSection[] {
  if (result.model.kind === "other") return [];
  const sections: TemplateShowSection[] = [];
  const model = result.model;
  const locations = model.kind === "evaluation" ? fieldLocations(model) : model.kind === "rollup" ? rollupFieldLocations(model) : projectFieldLocations(model);
  for (const loc of locations) {
    let last = sections[sections.length - 1];
    if (!last || last.section !== loc.section) {
      last = { section: loc.section, title: sectionTitle(loc.section)[language], fields: [] };
      sections.push(last);
    }
    last.fields.push({ path: loc.path, label: loc.label[language], cell: loc.cell, raw: loc.raw, pinned: loc.pinned });
  }
  return sections;
}

export function buildTemplateShow(input: TemplateShowInput): TemplateShow {
  return {
    tool: { name: input.toolName, version: input.toolVersion },
    file: input.file,
    sha256: input.sha256,
    language: input.language,
    profile: input.profile,
    sheets: input.sheets.map((s) => ({
      sheet: s.sheet,
      kind: s.kind,
      sections: sectionsOf(s, input.language),
      notes: s.findings.filter((f) => NOTE_RULES.includes(f.rule)).map((f) => f.message[input.language]),
    })),
  };
}

/** Long texts (課題, 成果…) are cut in the terminal view; JSON keeps them whole. */
const RAW_PREVIEW = 30;

function preview(raw: string): string {
  const chars = [...raw];
  return chars.length > RAW_PREVIEW ? `${chars.slice(0, RAW_PREVIEW).join("")}…` : raw;
}

export function formatTemplateShow(show: TemplateShow, format: "text" | "json"): string {
  if (format === "json") return `${escapeJsonText(JSON.stringify(show, null, 2))}\n`;
  const lang = show.language;
  const out = [
    `${show.tool.name} ${show.tool.version} — ${label("templateShowTitle", lang)}: ${safe(show.file)}`,
    `${label("profile", lang)}: ${safe(profileLabel(show.profile, lang))}`,
  ];
  for (const sheet of show.sheets) {
    out.push("", `${label("sheet", lang)} "${safe(sheet.sheet)}"${sheet.kind === "other" ? ` — ${label("otherSheet", lang)}` : ""}`);
    for (const note of sheet.notes) out.push(`  ! ${safe(note)}`);
    for (const section of sheet.sections) {
      out.push(`  ${safe(section.title)}`);
      for (const f of section.fields) {
        const where = f.cell ?? `(${label("notFound", lang)})`;
        const pin = f.pinned ? ` [${label("pinned", lang)}]` : "";
        const raw = f.raw !== "" ? `  "${safe(preview(f.raw))}"` : "";
        out.push(`    ${safe(f.label)}: ${where}${pin}${raw}`);
      }
    }
  }
  out.push("");
  return out.join("\n");
}
