// A template profile: what one department's variant of the 評価票 needs beyond the label
// search — extra label synonyms and fields pinned to cells or ranges. Named and versioned;
// stored as JSON inside the workbook (adapters/xlsx/profilePart.ts) or in a file.

import type { CostProfile } from "../costs";
import type { ScaleChoice, ScaleRole } from "../scales";
import type { LabelName } from "../vocabulary";

/** A single field is pinned to one cell; a table to a range that includes its header row. */
export type Pin = { cell: string } | { range: string };

/** Model path (`header.fiscalYear`, `indicators[1].table`) → where it is. */
export type Pins = Record<string, Pin>;

export interface TemplateProfile {
  /** Format version of the profile JSON. */
  hyokaProfile: 1;
  name: string;
  /** Bumped on each change (1 for a new profile). */
  version: number;
  /** Label name of the vocabulary → extra synonyms, added to the defaults. */
  synonyms: Partial<Record<LabelName, string[]>>;
  /** Pins for every sheet of the workbook. */
  pins: Pins;
  /** Pins for one sheet only, by sheet name; they override `pins` for the same path. */
  sheets?: Record<string, Pins>;
  /** Code scales replacing the defaults (core/scales): role → a shipped scale's id or a whole definition. */
  scales?: Partial<Record<ScaleRole, ScaleChoice>>;
  /** Cost relations of project sheets (core/costs): packs to apply, relations added or replaced, rows labelled. */
  costRelations?: CostProfile;
}

export const PROFILE_FORMAT = 1;
