// Empty cells left out of the worksheet XML handed to SheetJS (emptyCells.ts): exactly the
// ones it would skip, and the cells read are the same with or without them, whatever the rows
// look like (property below: cells with and without references, types, styles, prefixes,
// self-closed and prefixed rows, stray text between rows).

import fc from "fast-check";
import { withoutEmptyCells } from "../../../src/adapters/xlsx/emptyCells";
import { inflateBudget } from "../../../src/adapters/xlsx/inflate";
import { ooxmlHandover, ZipPackage } from "../../../src/adapters/xlsx/package";
import { parseParts, sheetToGrid } from "../../../src/adapters/xlsx/sheetjs";
import { sniffWorkbook } from "../../../src/adapters/xlsx/sniff";
import { newTally } from "../../../src/adapters/xlsx/tally";
import { readWorkbook } from "../../../src/adapters/xlsx";
import { nodeInflateRaw } from "../../../src/cli/nodeInflate";
import { fuzzParameters } from "../../fuzz/runs";
import { ascii, oneSheetPackage } from "./fixtures";

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
const strip = (xml: string) => text(withoutEmptyCells(ascii(xml)));

describe("withoutEmptyCells", () => {
  it("drops value-less cells with only a reference and a style, before a referenced cell or the row end", () => {
    expect(strip('<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1"/><c r="C1" s="3"/><c r="D1"><v>2</v></c><c r="E1" s="12"/></row>')).toBe(
      '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="D1"><v>2</v></c></row>',
    );
  });

  it("keeps an empty cell before a cell without a reference (that cell's column counts from it)", () => {
    const xml = '<row r="1"><c r="B1"/><c><v>1</v></c></row>';
    expect(strip(xml)).toBe(xml);
  });

  it("keeps cells with a type, other attributes, single quotes, a prefix or a space before />", () => {
    for (const cell of ['<c r="B1" t="s"/>', '<c r="B1" s="1" t="n"/>', '<c s="1" r="B1"/>', "<c r='B1'/>", '<c r="B1" />', '<c r="b1"/>', '<c r="B1" cm="1"/>']) {
      const xml = `<row r="1">${cell}</row>`;
      expect(strip(xml)).toBe(xml);
    }
    const prefixed = '<x:row r="1"><x:c r="B1"/></x:row>';
    expect(strip(prefixed)).toBe(prefixed);
  });

  it("keeps cells outside an open row: before any row, after a self-closed row, after a prefixed row end", () => {
    for (const xml of ['<c r="A1"/></row>', '<row r="1"/><c r="A1"/></row>', '<row r="1"><c r="A1"><v>1</v></c></x:row><c r="B1"/></row>', '<row r="1" <c r="A1"/></row>']) {
      expect(strip(xml)).toBe(xml);
    }
  });

  it("returns the same bytes when nothing is dropped", () => {
    const bytes = ascii('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(withoutEmptyCells(bytes)).toBe(bytes);
  });

  it("is applied to what the reader hands over, and the sheet reads the same", async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>施策</t></is></c><c r="B1" s="1"/><c r="C1"/></row><row r="2"><c r="A2"/><c r="B2"><v>7</v></c></row>';
    const read = await readWorkbook(oneSheetPackage(rows), { inflateRaw: nodeInflateRaw });
    expect(read.sheets[0].values).toEqual([["施策", null], [null, 7]]);
    const { handover } = await handoverOf(rows);
    expect(Buffer.from(handover.parts.find((p) => p.name === "xl/worksheets/sheet1.xml")!.data).toString("utf8")).toContain(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>施策</t></is></c></row><row r="2"><c r="B2"><v>7</v></c></row></sheetData>',
    );
  });
});

async function handoverOf(sheetData: string) {
  const bytes = oneSheetPackage(sheetData);
  const limits = { maxCells: 100_000, maxBytes: 1 << 24 };
  const container = sniffWorkbook(bytes, limits);
  if (container.kind !== "zip") throw new Error("not a zip");
  const pkg = new ZipPackage(bytes, container.directory, inflateBudget(limits.maxBytes), nodeInflateRaw);
  const handover = await ooxmlHandover(pkg, limits, newTally());
  if (handover === null) throw new Error("no workbook");
  return { handover, sheet: (await pkg.read("xl/worksheets/sheet1.xml")) as Uint8Array };
}

/** The sheet as SheetJS reads the given parts (values, merges; its own outcome when it throws). */
function readParts(parts: { name: string; data: Uint8Array }[]): unknown {
  try {
    const parsed = parseParts(parts);
    return parsed.SheetNames.map((name) => sheetToGrid(name, parsed.Sheets[name], 100_000));
  } catch (e) {
    return { threw: String((e as Error).message) };
  }
}

const ref = fc.tuple(fc.constantFrom("A", "B", "C", "Z", "AA"), fc.integer({ min: 1, max: 6 })).map(([c, r]) => `${c}${r}`);
const cell: fc.Arbitrary<string> = fc.oneof(
  ref.map((r) => `<c r="${r}"/>`),
  fc.tuple(ref, fc.nat(20)).map(([r, s]) => `<c r="${r}" s="${s}"/>`),
  fc.tuple(ref, fc.integer({ min: -5, max: 99 })).map(([r, v]) => `<c r="${r}"><v>${v}</v></c>`),
  fc.integer({ min: 0, max: 99 }).map((v) => `<c><v>${v}</v></c>`),
  fc.constant("<c/>"),
  ref.map((r) => `<c r="${r}" t="inlineStr"><is><t>t${r}</t></is></c>`),
  ref.map((r) => `<c r="${r}" t="s"/>`),
  ref.map((r) => `<c r="${r}" t="n"></c>`),
  ref.map((r) => `<x:c r="${r}"><v>3</v></x:c>`),
  fc.constantFrom(" ", "\n", "<!-- <c r=\"A1\"/> -->", "junk>", '<c r="B2"/>'),
);
const rowOpen = fc.oneof(
  fc.integer({ min: 1, max: 6 }).map((r) => `<row r="${r}">`),
  fc.constantFrom("<row>", '<row r="2" spans="1:3">', '<row r="3"/>', "<x:row r='4'>", "", '<row r="5"\n>'),
);
const rowClose = fc.constantFrom("</row>", "</row>", "</x:row>", "");
const sheetData = fc.array(fc.tuple(rowOpen, fc.array(cell, { maxLength: 8 }), rowClose).map(([o, cs, c]) => o + cs.join("") + c), { maxLength: 6 }).map((rows) => rows.join(""));

describe("withoutEmptyCells (property)", () => {
  it("SheetJS reads the same cells and merges from the stripped part as from the original", async () => {
    await fc.assert(
      fc.asyncProperty(sheetData, async (rows) => {
        const { handover, sheet } = await handoverOf(rows);
        const original = handover.parts.map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { name: p.name, data: sheet } : p));
        expect(readParts(handover.parts)).toEqual(readParts(original));
      }),
      fuzzParameters(1_000),
    );
  });
});
