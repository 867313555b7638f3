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
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[3] ?? m[4] ?? "");
  return out;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** The relationships of a .rels part (none when the part does not exist). */
export function relationshipsOf(relsXml: string | null): Relationship[] {
  if (relsXml === null) return [];
  return [...relsXml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attributesOf(m[0]);
    return { id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "" };
  });
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
