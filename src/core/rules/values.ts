// value.normalized: every Field the normalizer had to rewrite, wherever it sits in the model.

import type { EvaluationSheet, Field } from "../model";
import type { FindingDraft, Rule } from "./types";

function isField(x: unknown): x is Field<unknown> {
  return typeof x === "object" && x !== null && "status" in x && "raw" in x && "cell" in x;
}

/** Every Field of the model with its path (`indicators[0].rows[2].actual`). */
export function fieldsOf(model: EvaluationSheet): { path: string; field: Field<unknown> }[] {
  const out: { path: string; field: Field<unknown> }[] = [];
  const walk = (node: unknown, path: string): void => {
    if (isField(node)) {
      out.push({ path, field: node });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${path}[${i}]`));
      return;
    }
    if (typeof node === "object" && node !== null) {
      for (const [key, child] of Object.entries(node)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(model, "");
  return out;
}

// evaluation.code.normalized reports these cells in its own words.
const OWN_RULE_PATH = /^evaluation\.codes\[\d+\]\.code$/;

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.join("、");
  return String(value);
}

export const valueRules: Rule[] = [
  {
    id: "value.normalized",
    severity: "info",
    title: { ja: "値を正規化して読み取り", en: "Value normalized" },
    description: {
      ja: "全角数字・桁区切り・文字列の数値・△・和暦などを正規化して読みました(セルごとに1回)。",
      en: "A value was read after normalization (full-width digits, separators, numbers as text, △, era years…), once per cell.",
    },
    check: ({ model }) => {
      const seen = new Set<string>();
      const out: FindingDraft[] = [];
      for (const { path, field } of fieldsOf(model)) {
        if (field.status !== "normalized" || OWN_RULE_PATH.test(path)) continue;
        const key = field.cell ? `${field.cell.sheet}!${field.cell.address}` : path;
        if (seen.has(key)) continue;
        seen.add(key);
        const value = shown(field.value);
        const note = field.note ? `(${field.note})` : "";
        out.push({
          cell: field.cell?.address ?? null,
          path,
          message: {
            ja: `セル${field.cell?.address ?? ""}の「${field.raw}」を「${value}」として読みました${note}。`,
            en: `Cell ${field.cell?.address ?? ""} "${field.raw}" was read as "${value}"${note ? ` ${note}` : ""}.`,
          },
          raw: field.raw,
          expected: { ja: `「${value}」`, en: `"${value}"` },
        });
      }
      return out;
    },
  },
];
