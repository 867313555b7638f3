// The label vocabulary: for every field, section and table header the reader looks for, the
// label texts that mean it. Data, not code (labels.json), so a department whose template
// says 所管課 instead of 作成課 adds a synonym in a JSON file (CLI --vocabulary) and is done.

import labels from "./labels.json";

export type LabelName = keyof typeof labels;

/** Label name → synonyms as printed. Matching is by labelKey, so spacing and width do not matter. */
export type Vocabulary = Readonly<Record<LabelName, readonly string[]>>;

export const LABEL_NAMES = Object.keys(labels) as LabelName[];

export const defaultVocabulary: Vocabulary = labels;

function isLabelName(key: string): key is LabelName {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

/** `extra`'s synonyms are added after `base`'s (never replacing them), duplicates dropped. */
export function mergeVocabulary(base: Vocabulary, extra: Partial<Vocabulary>): Vocabulary {
  const merged = {} as Record<LabelName, readonly string[]>;
  for (const name of LABEL_NAMES) {
    const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);
    const all = [...listOf(base[name]), ...listOf(extra[name])];
    merged[name] = [...new Set(all)];
  }
  return merged;
}

/**
 * Reads a department's vocabulary file: `{ "department": ["所管課"], … }`. Keys must be known
 * label names; values a synonym or a list of them. The result is the default vocabulary with
 * those synonyms added; null with the errors when anything is wrong.
 */
export function parseVocabulary(json: unknown): { vocabulary: Vocabulary | null; errors: string[] } {
  const errors: string[] = [];
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { vocabulary: null, errors: ["vocabulary: expected a JSON object of label name → synonyms"] };
  }
  const extra: Partial<Record<LabelName, string[]>> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key.startsWith("$")) continue; // "$comment" and the like
    if (!isLabelName(key)) {
      errors.push(`vocabulary: unknown label "${key}" (known: ${LABEL_NAMES.join(", ")})`);
      continue;
    }
    const list = typeof value === "string" ? [value] : value;
    if (!Array.isArray(list) || list.some((s) => typeof s !== "string" || s.trim() === "")) {
      errors.push(`vocabulary: "${key}" must be a non-empty string or an array of non-empty strings`);
      continue;
    }
    extra[key] = list as string[];
  }
  if (errors.length > 0) return { vocabulary: null, errors };
  return { vocabulary: mergeVocabulary(defaultVocabulary, extra), errors };
}
