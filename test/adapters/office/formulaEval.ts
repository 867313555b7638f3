// A mini evaluator for the formula subset the summary layout writes: references (optionally
// 'Sheet'! and $), numbers, "strings", + - * /, comparisons, IF / OR / AND / ABS / ISNUMBER.
// Empty cells read as "" in comparisons and 0 in arithmetic, as in Excel.

import { fromA1 } from "../../../src/core/grid";
import type { FakeExcel } from "../../support/fakeExcel";

type V = number | string | boolean;

export function evaluateFormula(fake: FakeExcel, sheet: string, formula: string): V {
  const src = formula.replace(/^=/, "");
  let i = 0;
  const peek = (re: RegExp) => re.exec(src.slice(i));
  const eat = (re: RegExp) => {
    const m = peek(re);
    if (!m || m.index !== 0) throw new Error(`parse error at ${i} in ${formula}`);
    i += m[0].length;
    return m[0];
  };
  const ws = () => void (i += /^\s*/.exec(src.slice(i))![0].length);
  const num = (v: V) => (v === "" ? 0 : typeof v === "boolean" ? Number(v) : typeof v === "number" ? v : Number.isNaN(Number(v)) ? NaN : Number(v));

  const cellValue = (sheetName: string, a1: string): V => {
    const cell = fake.cell(sheetName, a1.replace(/\$/g, ""));
    if (!cell) return "";
    if (cell.formula) return evaluateFormula(fake, sheetName, cell.formula);
    const v = cell.value;
    return v === undefined || v === null ? "" : typeof v === "object" ? v.error : v;
  };

  function primary(): V {
    ws();
    if (peek(/^-/)?.index === 0) {
      eat(/^-/);
      return -num(primary());
    }
    if (peek(/^\(/)?.index === 0) {
      eat(/^\(/);
      const v = comparison();
      ws();
      eat(/^\)/);
      return v;
    }
    if (peek(/^"/)?.index === 0) return eat(/^"[^"]*"/).slice(1, -1);
    if (peek(/^\d/)?.index === 0) return Number(eat(/^\d+(\.\d+)?/));
    if (peek(/^'/)?.index === 0) {
      const name = eat(/^'(?:[^']|'')*'/).slice(1, -1).replace(/''/g, "'");
      eat(/^!/);
      return cellValue(name, eat(/^\$?[A-Z]+\$?\d+/));
    }
    const fn = peek(/^[A-Z]+(?=\()/);
    if (fn?.index === 0) {
      const name = eat(/^[A-Z]+/);
      eat(/^\(/);
      // Arguments are evaluated eagerly: the subset has no side effects and no error values.
      const values: V[] = [];
      for (;;) {
        ws();
        if (peek(/^\)/)?.index === 0) break;
        values.push(comparison());
        ws();
        if (peek(/^,/)?.index === 0) eat(/^,/);
      }
      eat(/^\)/);
      switch (name) {
        case "IF":
          return values[0] === true || (typeof values[0] === "number" && values[0] !== 0) ? values[1] : values[2] ?? false;
        case "OR":
          return values.some((v) => v === true);
        case "AND":
          return values.every((v) => v === true);
        case "ABS":
          return Math.abs(num(values[0]));
        case "ISNUMBER":
          return typeof values[0] === "number";
        default:
          throw new Error(`function ${name} not supported`);
      }
    }
    const ref = eat(/^\$?[A-Z]+\$?\d+/);
    fromA1(ref);
    return cellValue(sheet, ref);
  }
  function term(): V {
    let v = primary();
    for (;;) {
      ws();
      const op = peek(/^[*/]/);
      if (op?.index !== 0) return v;
      eat(/^[*/]/);
      const r = num(primary());
      v = op[0] === "*" ? num(v) * r : num(v) / r;
    }
  }
  function sum(): V {
    let v = term();
    for (;;) {
      ws();
      const op = peek(/^[+-]/);
      if (op?.index !== 0) return v;
      eat(/^[+-]/);
      const r = num(term());
      v = op[0] === "+" ? num(v) + r : num(v) - r;
    }
  }
  function comparison(): V {
    const l = sum();
    ws();
    const op = peek(/^(>=|<=|<>|=|<|>)/);
    if (op?.index !== 0) return l;
    eat(/^(>=|<=|<>|=|<|>)/);
    const r = sum();
    if (typeof l !== typeof r && (op[0] === "=" || op[0] === "<>")) return op[0] === "<>"; // 0="" is FALSE in Excel
    const [a, b] = typeof l === typeof r ? [l, r] : [num(l), num(r)];
    switch (op[0]) {
      case "=": return a === b;
      case "<>": return a !== b;
      case ">=": return a >= b;
      case "<=": return a <= b;
      case "<": return a < b;
      default: return a > b;
    }
  }
  const v = comparison();
  ws();
  if (i !== src.length) throw new Error(`unparsed rest of ${formula}: ${src.slice(i)}`);
  return v;
}
