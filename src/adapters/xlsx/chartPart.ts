// Adds a scatter chart to a written .xlsx (exceljs cannot write charts): the chart part, a
// drawing anchored at the given cells, the sheet's <drawing> element and every relationship
// and content type that ties them together. All other parts are kept as they are. No Node
// import: the preview builds summary workbooks in the browser too.

import JSZip from "jszip";
import { attributesOf, escapeXml, nextRelationshipId, relationshipsOf, resolveTarget } from "./xml";

export interface ScatterChartSpec {
  sheetName: string;
  title: string;
  xTitle: string;
  yTitle: string;
  /** A1 range on sheetName, with or without `$`: `K2:K10`. */
  xRange: string;
  yRange: string;
  seriesName: string;
  /** 0-based cell coordinates of the chart's top-left and bottom-right corners. */
  anchor: { fromCol: number; fromRow: number; toCol: number; toRow: number };
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_DRAWING = `${REL_NS}/drawing`;
const REL_CHART = `${REL_NS}/chart`;
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// CT_Worksheet children that must follow <drawing> (schema order); it goes before the first present.
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** A clustered column chart: one bar per category, a series per value range. */
export interface BarChartSpec {
  kind: "bar";
  sheetName: string;
  title: string;
  /** A1 range of the category names (the 所属). */
  categories: string;
  series: { name: string; values: string }[];
  yTitle: string;
  /** Number format of the value axis, e.g. `#,##0`. */
  numberFormat: string;
  anchor: ScatterChartSpec["anchor"];
}

export type ChartSpec = (ScatterChartSpec & { kind?: "scatter" }) | BarChartSpec;

export class ChartPartError extends Error {}

/**
 * The sheet name as a formula prefix: quoted ('Sheet name'!) unless it is a plain word that
 * cannot be mistaken for a cell reference; apostrophes inside are doubled.
 */
export function sheetReference(sheetName: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheetName) && !/^[A-Za-z]{1,3}\d+$/.test(sheetName) && !/^[Rr]\d*[Cc]\d*$/.test(sheetName);
  return plain ? `${sheetName}!` : `'${sheetName.replace(/'/g, "''")}'!`;
}

/** `K2:K10` (or `$K$2:$K$10`) on a sheet → `'Sheet name'!$K$2:$K$10`. */
export function absoluteRangeFormula(sheetName: string, range: string): string {
  const corners = range.split(":");
  const absolute = corners.map((corner) => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(corner.trim());
    if (!m || corners.length > 2) throw new ChartPartError(`not an A1 range: ${range}`);
    return `$${m[1].toUpperCase()}$${m[2]}`;
  });
  return `${sheetReference(sheetName)}${absolute.join(":")}`;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** Adds a relationship (creating the rels part if need be) and returns its new Id. */
function addRelationship(relsXml: string | null, type: string, target: string): { xml: string; id: string } {
  const id = nextRelationshipId(relationshipsOf(relsXml));
  const element = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const base = relsXml ?? `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  if (!base.includes("</Relationships>")) throw new ChartPartError("relationships part without a closing tag");
  return { xml: base.replace("</Relationships>", `${element}</Relationships>`), id };
}

async function readText(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async("string") : null;
}

/** The worksheet part of a sheet, looked up by its name in workbook.xml. */
async function worksheetPart(zip: JSZip, sheetName: string): Promise<string> {
  const workbook = await readText(zip, "xl/workbook.xml");
  if (workbook === null) throw new ChartPartError("no xl/workbook.xml: not a workbook");
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => attributesOf(m[0])).find((a) => a.name === sheetName);
  if (!sheet) throw new ChartPartError(`no sheet named "${sheetName}"`);
  const relId = Object.entries(sheet).find(([k]) => /^[\w.-]+:id$/.test(k))?.[1];
  const rel = relationshipsOf(await readText(zip, "xl/_rels/workbook.xml.rels")).find((r) => r.id === relId);
  if (!rel) throw new ChartPartError(`sheet "${sheetName}" has no worksheet relationship`);
  return resolveTarget("xl/workbook.xml", rel.target);
}

/** Smallest N ≥ 1 such that `${prefix}${N}.xml` is not yet a part. */
function nextPartNumber(zip: JSZip, prefix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`)) n++;
  return n;
}

function withContentTypeOverride(contentTypes: string, partName: string, contentType: string): string {
  if (contentTypes.includes(`PartName="${partName}"`)) return contentTypes;
  return contentTypes.replace("</Types>", `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`);
}

/** Inserts `<drawing r:id>` where the schema wants it, declaring the r: namespace if missing. */
function withDrawingElement(sheetXml: string, relId: string): string {
  let xml = sheetXml;
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (!root) throw new ChartPartError("worksheet part without a <worksheet> element");
  if (!root[0].includes(`xmlns:r="${REL_NS}"`)) {
    // Another prefix may be bound to REL_NS already; binding r as well is always valid.
    xml = xml.replace(root[0], root[0].replace(/^<worksheet\b/, `<worksheet xmlns:r="${REL_NS}"`));
  }
  const element = `<drawing r:id="${relId}"/>`;
  let at = xml.lastIndexOf("</worksheet>");
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${name}[\\s/>]`).exec(xml);
    if (m && m.index < at) at = m.index;
  }
  if (at < 0) throw new ChartPartError("worksheet part without a closing tag");
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}

function anchorXml(anchor: ScatterChartSpec["anchor"], chartRelId: string, id: number, name: string): string {
  const corner = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${corner("from", anchor.fromCol, anchor.fromRow)}${corner("to", anchor.toCol, anchor.toRow)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${chartRelId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function drawingXml(anchor: string): string {
  return (
    XML_DECLARATION +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}">${anchor}</xdr:wsDr>`
  );
}

function richTitle(text: string, size: number): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="0"/></a:pPr>` +
    `<a:r><a:rPr lang="ja-JP" sz="${size}" b="0"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

function valueAxis(id: number, crossId: number, position: "b" | "l", title: string, numberFormat = "0%", crossBetween = "midCat"): string {
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${position}"/>${position === "l" ? "<c:majorGridlines/>" : ""}${richTitle(title, 1000)}` +
    `<c:numFmt formatCode="${escapeXml(numberFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${crossId}"/><c:crosses val="autoZero"/><c:crossBetween val="${crossBetween}"/></c:valAx>`
  );
}

function chartSpace(title: string, plotArea: string, legend: boolean): string {
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}">` +
    `<c:roundedCorners val="0"/><c:chart>${richTitle(title, 1400)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plotArea}</c:plotArea>${legend ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : ""}` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** c:chartSpace with clustered columns: the categories along the bottom, one colour per series. */
export function barChartXml(spec: BarChartSpec): string {
  const categories = absoluteRangeFormula(spec.sheetName, spec.categories);
  const series = spec.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeXml(categories)}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(absoluteRangeFormula(spec.sheetName, s.values))}</c:f></c:numRef></c:val></c:ser>`,
    )
    .join("");
  const categoryAxis =
    `<c:catAx><c:axId val="500000011"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000012"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  return chartSpace(
    spec.title,
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="150"/><c:axId val="500000011"/><c:axId val="500000012"/></c:barChart>` +
      categoryAxis +
      valueAxis(500000012, 500000011, "l", spec.yTitle, spec.numberFormat, "between"),
    true,
  );
}

/** c:chartSpace with one scatter series drawn as markers only (no connecting line). */
export function scatterChartXml(spec: ScatterChartSpec): string {
  const xFormula = absoluteRangeFormula(spec.sheetName, spec.xRange);
  const yFormula = absoluteRangeFormula(spec.sheetName, spec.yRange);
  const series =
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(spec.seriesName)}</c:v></c:tx>` +
    `<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="7"/></c:marker>` +
    `<c:xVal><c:numRef><c:f>${escapeXml(xFormula)}</c:f></c:numRef></c:xVal>` +
    `<c:yVal><c:numRef><c:f>${escapeXml(yFormula)}</c:f></c:numRef></c:yVal>` +
    `<c:smooth val="0"/></c:ser>`;
  return chartSpace(
    spec.title,
    `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}` +
      `<c:axId val="500000001"/><c:axId val="500000002"/></c:scatterChart>` +
      valueAxis(500000001, 500000002, "b", spec.xTitle) +
      valueAxis(500000002, 500000001, "l", spec.yTitle),
    false,
  );
}

/** Returns a copy of the workbook with the scatter chart added on spec.sheetName. */
export async function addScatterChart(xlsx: Uint8Array, spec: ScatterChartSpec): Promise<Uint8Array> {
  return addChart(xlsx, spec);
}

/** Returns a copy of the workbook with the chart (scatter or bar) added on spec.sheetName. */
export async function addChart(xlsx: Uint8Array, spec: ChartSpec): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheetPart = await worksheetPart(zip, spec.sheetName);
  const sheetXml = await readText(zip, sheetPart);
  if (sheetXml === null) throw new ChartPartError(`worksheet part ${sheetPart} is missing`);
  const contentTypesXml = await readText(zip, "[Content_Types].xml");
  if (contentTypesXml === null) throw new ChartPartError("no [Content_Types].xml: not a workbook");

  const chartNumber = nextPartNumber(zip, "xl/charts/chart");
  const chartPart = `xl/charts/chart${chartNumber}.xml`;
  zip.file(chartPart, spec.kind === "bar" ? barChartXml(spec) : scatterChartXml(spec));
  let contentTypes = withContentTypeOverride(contentTypesXml, `/${chartPart}`, CT_CHART);

  // A sheet has at most one drawing: add the chart's anchor to it when there is one already.
  const sheetRelsPart = relsPathOf(sheetPart);
  const sheetRels = await readText(zip, sheetRelsPart);
  const existing = /<drawing\b[^>]*>/.exec(sheetXml);
  const existingRel = existing ? relationshipsOf(sheetRels).find((r) => r.id === Object.entries(attributesOf(existing[0])).find(([k]) => /:id$/.test(k))?.[1]) : undefined;
  if (existing && !existingRel) throw new ChartPartError(`sheet "${spec.sheetName}" has a <drawing> without a relationship`);

  if (existingRel) {
    const drawingPart = resolveTarget(sheetPart, existingRel.target);
    const drawing = await readText(zip, drawingPart);
    if (drawing === null || !drawing.includes("</xdr:wsDr>")) throw new ChartPartError(`drawing part ${drawingPart} is missing or not a spreadsheet drawing`);
    const drawingRels = addRelationship(await readText(zip, relsPathOf(drawingPart)), REL_CHART, `../charts/chart${chartNumber}.xml`);
    zip.file(relsPathOf(drawingPart), drawingRels.xml);
    const ids = [...drawing.matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
    const anchor = anchorXml(spec.anchor, drawingRels.id, Math.max(1, ...ids) + 1, spec.title);
    zip.file(drawingPart, drawing.replace("</xdr:wsDr>", `${anchor}</xdr:wsDr>`));
  } else {
    const drawingNumber = nextPartNumber(zip, "xl/drawings/drawing");
    const drawingPart = `xl/drawings/drawing${drawingNumber}.xml`;
    const drawingRels = addRelationship(null, REL_CHART, `../charts/chart${chartNumber}.xml`);
    zip.file(drawingPart, drawingXml(anchorXml(spec.anchor, drawingRels.id, 2, spec.title)));
    zip.file(relsPathOf(drawingPart), drawingRels.xml);
    const sheetRel = addRelationship(sheetRels, REL_DRAWING, `../drawings/drawing${drawingNumber}.xml`);
    zip.file(sheetRelsPart, sheetRel.xml);
    zip.file(sheetPart, withDrawingElement(sheetXml, sheetRel.id));
    contentTypes = withContentTypeOverride(contentTypes, `/${drawingPart}`, CT_DRAWING);
  }
  zip.file("[Content_Types].xml", contentTypes);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
