// The template profile's custom XML part as text, without any zip library: the Office
// adapter writes and reads it through workbook.customXmlParts, profilePart.ts through the
// .xlsx zip, so both produce and accept exactly the same XML.

import { escapeXmlText, unescapeXml } from "./xml";

export const PROFILE_NAMESPACE = "urn:hyoka:template-profile:1";

/** The part's XML: the profile JSON as the escaped text of one `profile` element. */
export function profileToXml(json: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><profile xmlns="${PROFILE_NAMESPACE}">${escapeXmlText(json)}</profile>`;
}

/**
 * The profile JSON of a part, or null when the part is not a hyoka profile (another
 * namespace, another root element). Accepts escaped text or CDATA and a prefixed root
 * (`<h:profile xmlns:h="urn:hyoka:template-profile:1">`), as Excel or people may write it.
 */
export function profileFromXml(xml: string): string | null {
  const root = profileRoot(xml);
  if (!root) return null;
  const [, prefix, attributes, selfClosing] = root;
  const declaration = prefix ? `xmlns:${prefix}` : "xmlns";
  const ns = new RegExp(`${declaration.replace(/[.:-]/g, "\\$&")}\\s*=\\s*(["'])([^"']*)\\1`).exec(attributes);
  if (!ns || ns[2] !== PROFILE_NAMESPACE) return null;
  if (selfClosing) return "";
  const open = prefix ? `${prefix}:profile` : "profile";
  const from = root.index + root[0].length;
  const close = xml.lastIndexOf(`</${open}`);
  if (close < from || !/^\s*>/.test(xml.slice(close + open.length + 2, close + open.length + 66))) return null;
  const body = xml.slice(from, close);
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(body);
  return cdata ? cdata[1] : unescapeXml(body);
}

/**
 * The first `profile` start tag outside comments and processing instructions. Linear in the
 * part's length whatever it holds (`[^<>]` stops at the next tag; skipped spans are jumped).
 */
function profileRoot(xml: string): RegExpExecArray | null {
  const pattern = /<!--|<\?|<(?:([A-Za-z_][\w.-]*):)?profile\b([^<>]*?)(\/?)>/g;
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
    if (m[0] === "<!--" || m[0] === "<?") {
      const end = xml.indexOf(m[0] === "<!--" ? "-->" : "?>", pattern.lastIndex);
      if (end < 0) return null;
      pattern.lastIndex = end;
    } else return m;
  }
  return null;
}
