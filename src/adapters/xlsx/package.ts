// A zip-based workbook (.xlsx, .xlsm, .xlsb, .ods) as Excel or LibreOffice opens it: the
// parts its relationships (or, for OpenDocument, its fixed names) point at, found whatever
// they are called, each inflated within the read's budget and tallied before the parser sees
// it. What comes out is a handover: the few parts the parser needs, under names we chose,
// so that nothing unlinked (an `.xml.bak` beside the sheet, a 6 GiB docProps part) is ever
// inflated or parsed, and the parser cannot resolve a name differently from us. No Node import.

import { WorkbookReadError } from "./errors";
import { withoutEmptyCells } from "./emptyCells";
import { inflateEntry, type InflateBudget, type InflateRaw } from "./inflate";
import {
  checkTally,
  eachBiff12Record,
  tallyBiff12,
  tallyOdsContent,
  tallySharedStringsXml,
  tallySheetXml,
  tallyXml,
  type ReadLimits,
  type Tally,
} from "./tally";
import { attributesOf, decodeXml, escapeXml, relationshipsOf, relsPartOf, resolveTarget, stripXmlComments, type Relationship } from "./xml";
import { entryData, partKey, ZipFormatError, type ZipDirectory, type ZipEntry } from "./zip";

/** One part given to the parser, under the name the parser will look it up by. */
export interface HandoverPart {
  name: string;
  data: Uint8Array;
}

/** A sheet the workbook part lists, in tab order. */
export interface ListedSheet {
  /** Relationship id (r:id of `<sheet>`, strRelID of an .xlsb BrtBundleSh). */
  id: string;
  /** A worksheet with cells; false for chart, dialog and macro sheets. */
  worksheet: boolean;
}

export interface Handover {
  format: "xlsx" | "xlsb" | "ods";
  parts: HandoverPart[];
  /** OOXML only: the sheets as listed, for matching the parser's sheets to their kind. */
  sheets: ListedSheet[] | null;
  /** The text of every custom XML part (where a template profile is saved), OOXML only. */
  customXml: string[];
}

/**
 * Most bytes a piece of package plumbing (a .rels part, the OpenDocument manifest, a custom XML
 * part) may inflate to. Real ones are a few KB; text-level parsing stays fast below this.
 */
export const SMALL_PART_BYTES = 1024 * 1024;

const corrupt = (en: string, ja: string) => new WorkbookReadError("corrupt", { en, ja });

/** The entries of a zip by part name (see partKey), each read at most within the budget. */
export class ZipPackage {
  private readonly byKey = new Map<string, ZipEntry[]>();

  constructor(
    private readonly bytes: Uint8Array,
    directory: ZipDirectory,
    private readonly budget: InflateBudget,
    private readonly inflateRaw?: InflateRaw,
  ) {
    for (const entry of directory.entries) {
      if (entry.name.endsWith("/")) continue; // a folder entry
      const key = partKey(entry.name);
      const same = this.byKey.get(key);
      if (same) same.push(entry);
      else this.byKey.set(key, [entry]);
    }
  }

  /** Part names (normalized, lower case). */
  keys(): string[] {
    return [...this.byKey.keys()];
  }

  /** The entry for a part name; two entries that are the same part make the file ambiguous. */
  entry(name: string): ZipEntry | null {
    const found = this.byKey.get(partKey(name));
    if (!found) return null;
    if (found.length > 1) {
      throw corrupt(`${found.length} zip entries are the same part ${found[0].name}`, `同じパーツ ${found[0].name} を指す zip の項目が ${found.length} 個あります`);
    }
    return found[0];
  }

  has(name: string): boolean {
    return this.byKey.has(partKey(name));
  }

  /**
   * The part's bytes, or null when there is no such part. `cap` limits this part alone (on
   * top of the read's budget): package plumbing such as relationships is small in any real file.
   */
  async read(name: string, cap?: number): Promise<Uint8Array | null> {
    const entry = this.entry(name);
    if (!entry) return null;
    if (entry.flags & 1) throw new WorkbookReadError("encrypted", { en: `${entry.name} is encrypted in the zip`, ja: `${entry.name} が zip の暗号化で保護されています` });
    let data: Uint8Array;
    try {
      data = entryData(this.bytes, entry);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new WorkbookReadError("corrupt", e.detail);
      throw e;
    }
    if (cap === undefined || cap >= this.budget.remaining) return inflateEntry(data, entry.method, entry.name, this.budget, this.inflateRaw);
    const part = await inflateEntry(data, entry.method, entry.name, { limit: cap, remaining: cap }, this.inflateRaw);
    this.budget.remaining -= part.length;
    return part;
  }

  /** A small part (relationships, manifest, custom XML) as text; at most SMALL_PART_BYTES. */
  async text(name: string): Promise<string | null> {
    const bytes = await this.read(name, SMALL_PART_BYTES);
    return bytes === null ? null : decodeXml(bytes);
  }
}

/** A relationship target as a part name; null for external targets and malformed escapes. */
function targetPart(owner: string, rel: Relationship): string | null {
  if (rel.external) return null;
  let target = rel.target;
  try {
    target = decodeURIComponent(target); // OPC part names in URIs are percent-encoded
  } catch {
    return null;
  }
  return resolveTarget(owner, target);
}

const typeIs = (rel: Relationship, suffix: string) => rel.type.endsWith(suffix);

// ---- OOXML (.xlsx, .xlsm, .xlsb) ----------------------------------------------------------

const WORKSHEET_SUFFIX = "/worksheet";
const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
// Any relationship type that is not a worksheet: the parser looks for the part, does not find
// it, and leaves the sheet out, which is what a chart, dialog or macro sheet should get.
const OTHER_SHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet";

const CONTENT_TYPES = {
  xlsx: {
    workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    sheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    strings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
    styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  },
  xlsb: {
    workbook: "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
    sheet: "application/vnd.ms-excel.worksheet",
    strings: "application/vnd.ms-excel.sharedStrings",
    styles: "application/vnd.ms-excel.styles",
  },
} as const;

/** The officeDocument the package relationships name; Excel's usual names when there are none. */
async function workbookPart(pkg: ZipPackage): Promise<string | null> {
  for (const rel of relationshipsOf(await pkg.text("_rels/.rels"))) {
    if (!typeIs(rel, "/officeDocument")) continue;
    const part = targetPart("", rel);
    if (part !== null && pkg.has(part)) return part;
  }
  for (const fallback of ["xl/workbook.xml", "xl/workbook.bin"]) if (pkg.has(fallback)) return fallback;
  return null;
}

/** `<sheet … r:id="rId1"/>` ids in a workbook.xml, in tab order (the id under any prefix). */
function xmlSheetIds(xml: string): Array<string | null> {
  const text = stripXmlComments(xml);
  const start = /<(?:[\w.-]+:)?sheets\b[^<>]*>/.exec(text);
  if (!start) return [];
  const end = text.slice(start.index).search(/<\/(?:[\w.-]+:)?sheets\s*>/);
  const sheets = text.slice(start.index, end < 0 ? undefined : start.index + end);
  return [...sheets.matchAll(/<(?:[\w.-]+:)?sheet\b[^<>]*>/g)].map((m) => {
    // r:id under whatever prefix; like SheetJS, the last one when given twice.
    const attributes = attributesOf(m[0]);
    const key = Object.keys(attributes).filter((k) => k === "id" || k.endsWith(":id")).pop();
    return key === undefined ? null : attributes[key];
  });
}

const BRT_BUNDLE_SH = 156;

/**
 * Most sheets an .xlsx/.xlsb may list. SheetJS looks every part up by a linear search of the
 * container, so its time grows with the square of the sheet count (measured: 1,000 sheets
 * 1.3 s, 5,000 sheets 19 s); a city's whole book of evaluation sheets has a few hundred.
 */
export const MAX_SHEETS = 1000;

/**
 * Most bytes the shared-strings part may inflate to. SheetJS keeps each string two or three
 * times (text, rich-text XML), as two-byte strings for Japanese: ~100 MB of strings exhausted a
 * 1 GB worker (BENCHMARKS.md). Evaluation sheets' long texts make ~30 KB per sheet, so 32 MiB
 * is room for a thousand of them.
 */
export const SHARED_STRINGS_BYTES = 32 * 1024 * 1024;

/** strRelID of every BrtBundleSh in a workbook.bin, in tab order. */
function binarySheetIds(bytes: Uint8Array): Array<string | null> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ids: Array<string | null> = [];
  eachBiff12Record(bytes, (type, body, size) => {
    if (type !== BRT_BUNDLE_SH || body + 12 > bytes.length) return;
    const chars = dv.getUint32(body + 8, true); // XLNullableWideString: 0xFFFFFFFF is null
    const end = body + 12 + chars * 2;
    ids.push(chars === 0xffffffff || end > Math.min(body + size, bytes.length) ? null : new TextDecoder("utf-16le").decode(bytes.subarray(body + 12, end)));
  });
  return ids;
}

function contentTypesXml(format: "xlsx" | "xlsb", workbook: string, sheets: string[], strings: string | null, styles: string | null): string {
  const types = CONTENT_TYPES[format];
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    override(workbook, types.workbook) +
    sheets.map((s) => override(s, types.sheet)).join("") +
    (strings ? override(strings, types.strings) : "") +
    (styles ? override(styles, types.styles) : "") +
    "</Types>"
  );
}

/**
 * Finds the workbook part through `_rels/.rels`, its sheets, shared strings and styles
 * through the workbook's relationships, reads and tallies each, and hands over those alone.
 * Returns null when the zip holds no workbook part at all.
 */
export async function ooxmlHandover(pkg: ZipPackage, limits: ReadLimits, tally: Tally): Promise<Handover | null> {
  const workbook = await workbookPart(pkg);
  if (workbook === null) return null;
  const binary = partKey(workbook).endsWith(".bin");
  const format = binary ? "xlsb" : "xlsx";
  const ext = binary ? "bin" : "xml";
  const workbookBytes = (await pkg.read(workbook)) as Uint8Array;
  const ids = binary ? binarySheetIds(workbookBytes) : xmlSheetIds(decodeXml(workbookBytes));
  if (ids.length > MAX_SHEETS) {
    throw new WorkbookReadError("too-large", { en: `more than ${MAX_SHEETS} sheets (${ids.length})`, ja: `シートが ${MAX_SHEETS} 枚を超えます(${ids.length} 枚)` });
  }
  if (binary) tallyBiff12(workbookBytes, tally, limits);
  else tallyXml(workbookBytes, tally, limits);

  const rels = relationshipsOf(await pkg.text(relsPartOf(workbook)));
  const byId = new Map(rels.map((r) => [r.id, r]));
  const parts: HandoverPart[] = [{ name: `xl/workbook.${ext}`, data: workbookBytes }];
  const sheetParts: string[] = [];
  const relXml: string[] = [];
  const sheets: ListedSheet[] = [];
  // Parts read once, even when two sheets name the same part (each still counts its cells).
  const read = new Map<string, Uint8Array | null>();
  const readOnce = async (part: string) => {
    const key = partKey(part);
    if (!read.has(key)) read.set(key, await pkg.read(part));
    return read.get(key) ?? null;
  };

  for (const [i, id] of ids.entries()) {
    if (id === null) throw corrupt(`sheet ${i + 1} in ${workbook} has no relationship id`, `${workbook} の ${i + 1} 番目のシートに関係 ID がありません`);
    const rel = byId.get(id);
    const part = rel && typeIs(rel, WORKSHEET_SUFFIX) ? targetPart(workbook, rel) : null;
    const data = part === null ? null : await readOnce(part);
    const name = `xl/worksheets/sheet${i + 1}.${ext}`;
    if (data === null) {
      // Not a worksheet (chart, dialog, macro sheet) or a worksheet whose part is missing:
      // the parser must not find a part for it (see OTHER_SHEET_REL).
      relXml.push(`<Relationship Id="${escapeXml(id)}" Type="${OTHER_SHEET_REL}" Target="chartsheets/none${i + 1}.${ext}"/>`);
      sheets.push({ id, worksheet: rel !== undefined && typeIs(rel, WORKSHEET_SUFFIX) });
      continue;
    }
    if (binary) tallyBiff12(data, tally, limits);
    else tallySheetXml(data, tally, limits);
    // Counted as written; handed over without the empty cells the parser would only skip.
    parts.push({ name, data: binary ? data : withoutEmptyCells(data) });
    sheetParts.push(name);
    relXml.push(`<Relationship Id="${escapeXml(id)}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${i + 1}.${ext}"/>`);
    sheets.push({ id, worksheet: true });
  }

  /** Hands over the first part related by `suffix`, tallied, as `name`; null when there is none. */
  const handOverRelated = async (suffix: string, name: string, tallyXmlPart: typeof tallyXml, cap?: number): Promise<string | null> => {
    const data = await firstRelated(pkg, workbook, rels, suffix, cap);
    if (data === null) return null;
    (binary ? tallyBiff12 : tallyXmlPart)(data, tally, limits);
    parts.push({ name, data });
    return name;
  };
  const stringsName = await handOverRelated("/sharedStrings", `xl/sharedStrings.${ext}`, tallySharedStringsXml, SHARED_STRINGS_BYTES);
  const stylesName = await handOverRelated("/styles", `xl/styles.${ext}`, tallyXml);
  checkTally(tally, limits);

  const encoder = new TextEncoder();
  parts.push({ name: "[Content_Types].xml", data: encoder.encode(contentTypesXml(format, `xl/workbook.${ext}`, sheetParts, stringsName, stylesName)) });
  parts.push({
    name: `xl/_rels/workbook.${ext}.rels`,
    data: encoder.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relXml.join("")}</Relationships>`,
    ),
  });
  return { format, parts, sheets, customXml: await customXmlTexts(pkg, workbook, rels) };
}

async function firstRelated(pkg: ZipPackage, owner: string, rels: Relationship[], suffix: string, cap?: number): Promise<Uint8Array | null> {
  for (const rel of rels) {
    if (!typeIs(rel, suffix)) continue;
    const part = targetPart(owner, rel);
    const data = part === null ? null : await pkg.read(part, cap);
    if (data !== null) return data;
  }
  return null;
}

/** Most custom XML parts looked at for a template profile; a real workbook has one or two. */
const MAX_CUSTOM_XML = 16;

/**
 * Custom XML parts, where a template profile is saved: the workbook's customXml relationships,
 * then loose `customXml/itemN.xml` parts (some writers only list them in [Content_Types]).
 * Each is read within the same budget, at most SMALL_PART_BYTES; they are searched for the
 * profile, never parsed as sheets, and one that cannot be read is passed over: a profile is
 * optional, the sheets are what the file is for.
 */
async function customXmlTexts(pkg: ZipPackage, workbook: string, rels: Relationship[]): Promise<string[]> {
  const names = rels.filter((r) => typeIs(r, "/customXml")).map((r) => targetPart(workbook, r)).filter((n): n is string => n !== null);
  const related = new Set(names.map(partKey));
  for (const key of pkg.keys()) if (/^customxml\/item\d+\.xml$/.test(key) && !related.has(key)) names.push(key);
  const texts: string[] = [];
  for (const name of names.slice(0, MAX_CUSTOM_XML)) {
    const text = await pkg.text(name).catch((e: unknown) => {
      if (e instanceof WorkbookReadError) return null;
      throw e;
    });
    if (text !== null) texts.push(text);
  }
  return texts;
}

// ---- OpenDocument (.ods) ------------------------------------------------------------------

/**
 * Most bytes an OpenDocument content.xml may inflate to. SheetJS's OpenDocument parser holds
 * many copies of the text (measured: 16 MiB of content takes ~700 MB; 32 MiB exhausts a
 * 1 GB worker), so this cap, not the whole budget, keeps it within bounds. A LibreOffice
 * evaluation sheet is ~0.2 MB of content: a 16 MiB one holds about 80 of them.
 */
export const ODS_CONTENT_BYTES = 16 * 1024 * 1024;

const ODS_TYPES = ["application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.spreadsheet-template"];
// The parser recognizes an OpenDocument package by its manifest; what the original says is
// checked here (encryption, media type), so a minimal one is handed over.
const MINIMAL_MANIFEST =
  '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"/>';

const EMPTY_STYLES = '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>';

/** True when the zip looks like an OpenDocument package rather than OOXML. */
export function isOpenDocument(pkg: ZipPackage): boolean {
  return !pkg.has("[Content_Types].xml") && (pkg.has("content.xml") || pkg.has("mimetype"));
}

export async function odsHandover(pkg: ZipPackage, limits: ReadLimits, tally: Tally): Promise<Handover> {
  const mimetype = (await pkg.text("mimetype"))?.trim();
  if (mimetype !== undefined && !ODS_TYPES.includes(mimetype)) {
    throw corrupt(`an OpenDocument file that is not a spreadsheet (${mimetype.slice(0, 80)})`, `表計算ではない OpenDocument ファイルです(${mimetype.slice(0, 80)})`);
  }
  const manifest = await pkg.text("META-INF/manifest.xml");
  if (manifest !== null && /<(?:[\w.-]+:)?encryption-data\b/.test(manifest)) throw new WorkbookReadError("encrypted");
  const content = await pkg.read("content.xml", ODS_CONTENT_BYTES);
  if (content === null) throw corrupt("OpenDocument package without content.xml", "content.xml のない OpenDocument ファイルです");
  tallyOdsContent(content, tally, limits);
  const parts: HandoverPart[] = [
    { name: "META-INF/manifest.xml", data: new TextEncoder().encode(MINIMAL_MANIFEST) },
    { name: "content.xml", data: content },
  ];
  const styles = await pkg.read("styles.xml", ODS_CONTENT_BYTES);
  if (styles !== null) tallyXml(styles, tally, limits);
  // The parser requires a styles part; a package without one has no number formats.
  parts.push({ name: "styles.xml", data: styles ?? new TextEncoder().encode(EMPTY_STYLES) });
  return { format: "ods", parts, sheets: null, customXml: [] };
}
