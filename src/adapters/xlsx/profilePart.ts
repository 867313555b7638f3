// The template profile inside an .xlsx: a custom XML part (customXml/itemN.xml with its
// itemPropsN.xml, related from the workbook part) whose root element is in the namespace
// urn:hyoka:template-profile:1 and holds the profile JSON as text. It is the same part the
// Excel add-in writes with workbook.customXmlParts.add(xml) (ExcelApi 1.5), so a profile saved
// in Excel is found here, and one written here is found by Excel. No Node imports: the
// browser preview uses this too.

import JSZip from "jszip";
import { PROFILE_NAMESPACE, profileFromXml, profileToXml } from "./profileXml";
import { readWorkbook } from "./read";
import { decodeXml, nextRelationshipId, relationshipsOf, resolveTarget } from "./xml";

export { PROFILE_NAMESPACE, profileFromXml, profileToXml };

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CONTENT_TYPE_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const WORKBOOK_PART = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";

async function textOf(zip: JSZip, name: string): Promise<string | null> {
  const file = zip.file(name);
  return file ? decodeXml(await file.async("uint8array")) : null;
}

/** The custom XML part holding the profile: its name and JSON, or null when there is none. */
async function findProfilePart(zip: JSZip): Promise<{ name: string; json: string } | null> {
  const rels = await textOf(zip, WORKBOOK_RELS);
  const related = rels ? relationshipsOf(rels).filter((r) => r.type === REL_CUSTOM_XML).map((r) => resolveTarget(WORKBOOK_PART, r.target)) : [];
  // Parts the workbook does not relate to are looked at too: some writers only list them in [Content_Types].
  const loose = Object.keys(zip.files).filter((n) => /^customXml\/item\d+\.xml$/i.test(n) && !related.includes(n));
  for (const name of [...related, ...loose]) {
    const xml = await textOf(zip, name);
    const json = xml === null ? null : profileFromXml(xml);
    if (json !== null) return { name, json };
  }
  return null;
}

/**
 * The profile JSON saved in an .xlsx, or null when it holds none (or is not a workbook at all).
 * Read by the hardened reader (read.ts finds it while it opens the package), never by JSZip:
 * JSZip would inflate a hostile part without a limit.
 */
export async function readProfilePart(data: Uint8Array): Promise<string | null> {
  try {
    return (await readWorkbook(data)).profileJson;
  } catch {
    return null;
  }
}

function nextItemNumber(zip: JSZip): number {
  let max = 0;
  for (const name of Object.keys(zip.files)) {
    const m = /^customXml\/item(?:Props)?(\d+)\.xml$/i.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** A fixed item ID per item number: reproducible bytes, unique within the file. */
function itemId(n: number): string {
  return `{6D7A2E1C-4B1F-4E0A-9C3D-${n.toString(16).toUpperCase().padStart(12, "0")}}`;
}

function insertBefore(xml: string, closing: string, addition: string): string {
  const at = xml.lastIndexOf(closing);
  if (at < 0) throw new Error(`${closing} not found: the package part is malformed`);
  return xml.slice(0, at) + addition + xml.slice(at);
}

/**
 * Saves the profile JSON in the .xlsx: replaces the text of an existing profile part, or adds
 * a new custom XML part (item, item properties, their relationship, the workbook's
 * relationship, the content type). Every other part keeps its bytes (JSZip reuses the
 * compressed data of parts it did not change).
 */
export async function writeProfilePart(data: Uint8Array, json: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const stamp = zip.file(CONTENT_TYPES)?.date ?? new Date(Date.UTC(2000, 0, 1));
  const put = (name: string, text: string) => zip.file(name, text, { date: zip.file(name)?.date ?? stamp, createFolders: false });
  const existing = await findProfilePart(zip);
  if (existing) {
    put(existing.name, profileToXml(json));
  } else {
    const rels = await textOf(zip, WORKBOOK_RELS);
    const types = await textOf(zip, CONTENT_TYPES);
    if (rels === null || types === null) throw new Error("not an .xlsx workbook: xl/_rels/workbook.xml.rels or [Content_Types].xml is missing");
    const n = nextItemNumber(zip);
    put(`customXml/item${n}.xml`, profileToXml(json));
    put(
      `customXml/itemProps${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${itemId(n)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${PROFILE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
    );
    put(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
    );
    const id = nextRelationshipId(relationshipsOf(rels));
    put(WORKBOOK_RELS, insertBefore(rels, "</Relationships>", `<Relationship Id="${id}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${n}.xml"/>`));
    let contentTypes = types;
    if (!/<Default\b[^>]*Extension\s*=\s*"xml"/i.test(contentTypes)) {
      contentTypes = insertBefore(contentTypes, "</Types>", `<Default Extension="xml" ContentType="application/xml"/>`);
    }
    contentTypes = insertBefore(contentTypes, "</Types>", `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CONTENT_TYPE_PROPS}"/>`);
    put(CONTENT_TYPES, contentTypes);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}
