// Small XML helpers for the package parts hyoka edits itself (the chart part, the template
// profile part): escaping, attributes, relationships and their targets. Text-level on
// purpose: the parts are small and their shape is fixed by the Open XML spec. No Node import.

/** Element text: `&`, `<` and `>` escaped (what Office's customXmlParts.add expects too). */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attribute values (and text): the element-text escapes plus both quotes. */
export function escapeXml(text: string): string {
  return escapeXmlText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The five named entities and character references; a reference beyond U+10FFFF stays as written. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, e: string) => {
    if (e[0] !== "#") return NAMED_ENTITIES[e.toLowerCase()];
    const code = e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Attributes of one start tag, keyed by their qualified names, values unescaped. */
export function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  // The lookbehind starts a name only where a name can start: linear time on any input.
  for (const m of tag.matchAll(/(?<![\w:.-])([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[3] ?? m[4] ?? "");
  return out;
}

/** The text without `<!-- … -->` comments (an unclosed one runs to the end); linear time. */
export function stripXmlComments(xml: string): string {
  let at = xml.indexOf("<!--");
  if (at < 0) return xml;
  let out = "";
  let from = 0;
  while (at >= 0) {
    out += xml.slice(from, at);
    const close = xml.indexOf("-->", at + 4);
    if (close < 0) return out;
    from = close + 3;
    at = xml.indexOf("<!--", from);
  }
  return out + xml.slice(from);
}

/** XML bytes as text: UTF-8 unless a UTF-16 byte order mark says otherwise. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** True for TargetMode="External": a URL or a file outside the package, never a part. */
  external: boolean;
}

/** The relationships of a .rels part (none when the part does not exist); any namespace prefix. */
export function relationshipsOf(relsXml: string | null): Relationship[] {
  if (relsXml === null) return [];
  return [...relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^<>]*>/g)].map((m) => {
    const a = attributesOf(m[0]);
    return { id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external: (a.TargetMode ?? "").toLowerCase() === "external" };
  });
}

/** The .rels part holding a part's relationships: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** `rId<n>` not yet used by these relationships. */
export function nextRelationshipId(relationships: readonly Relationship[]): string {
  const used = new Set(relationships.map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Resolves a relationship target against the folder of the part that owns the rels. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ownerPart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}
