// Template profiles (issue 5) live in a custom XML part of the workbook (ExcelApi 1.5).
// Why not Workbook.settings: settings belong to the add-in's web-extension part, keyed to
// the add-in, and only the add-in reads them; a custom XML part is a plain part of the file
// (customXml/itemN.xml) that Excel keeps through save/close/reopen on desktop and on the
// web, travels with the file when the add-in is not installed, and that the CLI can read
// from the .xlsx zip without Office.

export const PROFILE_NAMESPACE = "urn:hyoka:template-profile:1";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_m, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()];
    return String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The part's XML: the profile JSON as the text of one element. */
export function profileXml(json: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><profile xmlns="${PROFILE_NAMESPACE}">${escapeXml(json)}</profile>`;
}

/** The JSON text of a part written by profileXml (CDATA accepted too), or null when it holds none. */
export function jsonOfProfileXml(xml: string): string | null {
  const m = /<profile\b[^>]*>([\s\S]*)<\/profile>/.exec(xml);
  if (!m) return null;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(m[1]);
  return cdata ? cdata[1] : unescapeXml(m[1]);
}

export async function loadProfile(context: Excel.RequestContext): Promise<string | null> {
  const part = context.workbook.customXmlParts.getByNamespace(PROFILE_NAMESPACE).getOnlyItemOrNullObject();
  await context.sync();
  if (part.isNullObject) return null;
  const xml = part.getXml();
  await context.sync();
  // A ClientResult, not a proxy object: its value needs the sync above, not a load().
  // eslint-disable-next-line office-addins/load-object-before-read
  return jsonOfProfileXml(xml.value);
}

export async function saveProfile(context: Excel.RequestContext, json: string): Promise<void> {
  const part = context.workbook.customXmlParts.getByNamespace(PROFILE_NAMESPACE).getOnlyItemOrNullObject();
  await context.sync();
  if (part.isNullObject) context.workbook.customXmlParts.add(profileXml(json));
  else part.setXml(profileXml(json));
  await context.sync();
}
