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
  const root = /<(?:([A-Za-z_][\w.-]*):)?profile\b([^>]*?)(\/?)>/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""));
  if (!root) return null;
  const [, prefix, attributes, selfClosing] = root;
  const declaration = prefix ? `xmlns:${prefix}` : "xmlns";
  const ns = new RegExp(`${declaration.replace(/[.:-]/g, "\\$&")}\\s*=\\s*(["'])([^"']*)\\1`).exec(attributes);
  if (!ns || ns[2] !== PROFILE_NAMESPACE) return null;
  if (selfClosing) return "";
  const open = prefix ? `${prefix}:profile` : "profile";
  const body = new RegExp(`<${open}\\b[^>]*>([\\s\\S]*)</${open}\\s*>`).exec(xml);
  if (!body) return null;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(body[1]);
  return cdata ? cdata[1] : unescapeXml(body[1]);
}
