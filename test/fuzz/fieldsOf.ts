// Every Field in a model, wherever it sits: what the property tests check the reader's
// answers by (test/fuzz and test/core/reader/neverThrows).
import type { Field } from "../../src/core/model";

export function fieldsOf(node: unknown, out: Field<unknown>[] = []): Field<unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => fieldsOf(n, out));
  else if (node && typeof node === "object") {
    if ("status" in node && "raw" in node) out.push(node as Field<unknown>);
    else Object.values(node).forEach((n) => fieldsOf(n, out));
  }
  return out;
}
