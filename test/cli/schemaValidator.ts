// A small JSON Schema (draft 2020-12) validator for the keywords docs/report.schema.json uses:
// type, enum, const, required, properties, additionalProperties, items, pattern, minimum,
// oneOf, allOf, if/then, $ref to #/$defs. Unknown keywords fail loudly so the schema cannot outgrow it.

type Schema = Record<string, unknown>;

const KNOWN = new Set(["$schema", "$id", "title", "description", "type", "enum", "const", "required", "properties", "additionalProperties", "items", "pattern", "minimum", "oneOf", "allOf", "if", "then", "$ref", "$defs"]);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

/** Errors of `value` against `schema` (default: the root), `$ref`s resolved in the root. */
export function validate(root: Schema, value: unknown, schema: Schema = root): string[] {
  const errors: string[] = [];
  const check = (schema: Schema, v: unknown, at: string): void => {
    for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`validator: unsupported keyword ${k} at ${at}`);
    if (typeof schema.$ref === "string") {
      const name = schema.$ref.replace(/^#\/\$defs\//, "");
      const target = (root.$defs as Record<string, Schema>)[name];
      if (!target) throw new Error(`validator: unknown $ref ${schema.$ref}`);
      check(target, v, at);
    }
    const t = typeOf(v);
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      const ok = types.includes(t) || (t === "integer" && types.includes("number"));
      if (!ok) {
        errors.push(`${at}: expected ${types.join("|")}, got ${t}`);
        return;
      }
    }
    if (schema.enum && !(schema.enum as unknown[]).includes(v)) errors.push(`${at}: ${JSON.stringify(v)} not in enum`);
    if ("const" in schema && schema.const !== v) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
    if (schema.oneOf) {
      const passing = (schema.oneOf as Schema[]).filter((s) => validate(root, v, s).length === 0).length;
      if (passing !== 1) errors.push(`${at}: matches ${passing} of oneOf`);
    }
    for (const part of (schema.allOf as Schema[] | undefined) ?? []) check(part, v, at);
    // if/then: the `then` schema applies only to values the `if` schema accepts.
    if (schema.if && schema.then && validate(root, v, schema.if as Schema).length === 0) check(schema.then as Schema, v, at);
    if (t === "string" && typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(v as string)) errors.push(`${at}: "${v}" does not match ${schema.pattern}`);
    if ((t === "number" || t === "integer") && typeof schema.minimum === "number" && (v as number) < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
    if (t === "object") {
      const obj = v as Record<string, unknown>;
      for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in obj)) errors.push(`${at}: missing ${r}`);
      const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
      for (const [k, val] of Object.entries(obj)) {
        if (props[k]) check(props[k], val, `${at}.${k}`);
        else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property ${k}`);
        else if (typeof schema.additionalProperties === "object") check(schema.additionalProperties as Schema, val, `${at}.${k}`);
      }
    }
    if (t === "array" && schema.items) (v as unknown[]).forEach((item, i) => check(schema.items as Schema, item, `${at}[${i}]`));
  };
  check(schema, value, "$");
  return errors;
}
