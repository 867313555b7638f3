// Fuzzing the file reader (issue 11 item 9): zip structure (entry names, methods, declared
// sizes, order, stray and damaged entries, cut-off bytes) and sheet XML (whitespace, attribute
// order, prefixes and quotes in tags). Whatever the bytes, readWorkbook gives well-formed grids
// within the cell limit or a WorkbookReadError, never anything else; the tally counts every
// cell and merged cell however it is spelled. Case count and seed from runs.ts.

import fc from "fast-check";
import { readWorkbook, WorkbookReadError } from "../../src/adapters/xlsx";
import { newTally, tallySheetXml, type Tally } from "../../src/adapters/xlsx/tally";
import { nodeInflateRaw } from "../../src/cli/nodeInflate";
import { buildZip, packageEntries, sheetXml, type RawEntry } from "../adapters/xlsx/fixtures";
import { fuzzParameters } from "./runs";

jest.setTimeout(600_000);

const MAX_CELLS = 5000;

/** Reads, and checks that the outcome is a well-formed grid or a WorkbookReadError. */
async function readChecked(bytes: Uint8Array): Promise<Awaited<ReturnType<typeof readWorkbook>> | WorkbookReadError> {
  let result;
  try {
    result = await readWorkbook(bytes, { inflateRaw: nodeInflateRaw, maxCells: MAX_CELLS, maxBytes: 4 * 1024 * 1024 });
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  let area = 0;
  for (const s of result.sheets) {
    const width = s.values[0]?.length ?? 0;
    expect(s.values.every((r) => r.length === width)).toBe(true);
    expect(Number.isInteger(s.top) && s.top >= 0 && Number.isInteger(s.left) && s.left >= 0).toBe(true);
    for (const m of s.merges) expect(m.top <= m.bottom && m.left <= m.right).toBe(true);
    area += s.values.length * width;
  }
  expect(area).toBeLessThanOrEqual(MAX_CELLS);
  expect(result.sheets.length).toBeGreaterThan(0);
  return result;
}

// ---- zip structure ----------------------------------------------------------------------

const ROWS = '<row r="1"><c r="A1" t="inlineStr"><is><t>施策課題</t></is></c><c r="B1"><v>41303000</v></c></row><row r="2"><c r="A2"><v>43769</v></c></row>';

/** Spellings of one part name that all name the same part. */
const sameName = (name: string): fc.Arbitrary<string> =>
  fc.constantFrom(name, `/${name}`, name.replace("/", "/./"), `zz/../${name}`, name.toUpperCase(), name.replace(/\//g, "\\"));

const junkBytes = fc.uint8Array({ maxLength: 64 });
const strayEntry: fc.Arbitrary<RawEntry> = fc.record({
  name: fc.oneof(
    fc.constantFrom("xl/worksheets/sheet1.xml.bak", "docProps/app.xml", "xl/theme/theme1.xml", "customXml/item1.xml", "xl/media/image1.png", "../../etc/passwd", ""),
    fc.string({ maxLength: 24 }),
  ),
  compressed: junkBytes,
  declaredSize: fc.constantFrom(0, 805, 0xffffffff, 6 * 1024 * 1024 * 1024),
  method: fc.constantFrom(0, 8, 12, 99),
});

interface ZipCase {
  entries: RawEntry[];
  order: number[];
  cut: number | null;
  flip: { at: number; value: number } | null;
}

const zipCase: fc.Arbitrary<ZipCase> = fc
  .record({
    sheetName: sameName("xl/worksheets/sheet1.xml"),
    workbookName: sameName("xl/workbook.xml"),
    method: fc.constantFrom(0, 8, 8, 8, 12),
    declared: fc.option(fc.constantFrom(0, 1, 805, 0xffffffff), { nil: undefined }),
    strays: fc.array(strayEntry, { maxLength: 4 }),
    seedOrder: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
    cut: fc.option(fc.nat(), { nil: null }),
    flip: fc.option(fc.record({ at: fc.nat(), value: fc.nat(255) }), { nil: null }),
  })
  .map(({ sheetName, workbookName, method, declared, strays, seedOrder, cut, flip }) => {
    const entries = packageEntries([{ name: "S", entry: sheetName, target: "/xl/worksheets/sheet1.xml", xml: sheetXml(ROWS) }], strays).map((e) =>
      e.name === "xl/workbook.xml" ? { ...e, name: workbookName } : e.name === sheetName ? { ...e, method, declaredSize: declared } : e,
    );
    const order = entries.map((_, i) => i).sort((a, b) => (seedOrder[a % 12] ?? 0) - (seedOrder[b % 12] ?? 0));
    return { entries, order, cut, flip };
  });

describe("zip structure: names, methods, sizes, order, stray entries, damage", () => {
  it("gives grids within the limit or a WorkbookReadError; an intact sheet reads whatever its spelling and order", async () => {
    await fc.assert(
      fc.asyncProperty(zipCase, async ({ entries, order, cut, flip }) => {
        const ordered = order.map((i) => entries[i]);
        let bytes = buildZip(ordered);
        const intact = cut === null && flip === null;
        if (cut !== null) bytes = bytes.subarray(0, cut % (bytes.length + 1));
        if (flip !== null && bytes.length > 0) {
          bytes = new Uint8Array(bytes);
          bytes[flip.at % bytes.length] = flip.value;
        }
        const result = await readChecked(bytes);
        const sheet = entries.find((e) => e.data !== undefined && String(e.data).includes("<sheetData>"));
        const stored = sheet?.method === 0 || sheet?.method === 8;
        // Stray entries may collide with a needed part (same name): then ambiguity is an error.
        const collides = entries.some((e) => e !== sheet && e.compressed !== undefined && /^(\/|\.\/|zz\/\.\.\/)?xl[\\/](\.\/)?(workbook|worksheets[\\/]sheet1)\.xml$/i.test(e.name));
        if (intact && stored && !collides) {
          expect(result).not.toBeInstanceOf(WorkbookReadError);
          expect((result as Awaited<ReturnType<typeof readWorkbook>>).sheets[0].values).toEqual([
            ["施策課題", 41303000],
            [43769, null],
          ]);
        }
      }),
      fuzzParameters(1000),
    );
  });
});

// ---- sheet XML: whitespace, attribute order, prefixes, quotes ------------------------------

const space = fc.constantFrom(" ", "\t", "\n", "\r\n", "  ", " \t ");
const quote = fc.constantFrom('"', "'");

interface Attribute {
  name: string;
  value: string;
}

/** A start tag in some spelling: prefix or not, any whitespace, attributes in any order. */
function tag(local: string, attributes: Attribute[], close: string): fc.Arbitrary<string> {
  return fc
    .record({
      prefix: fc.constantFrom("", "x:", "ssml:"),
      spaces: fc.array(space, { minLength: attributes.length + 1, maxLength: attributes.length + 1 }),
      around: fc.array(fc.constantFrom("", " ", "\t"), { minLength: attributes.length * 2, maxLength: attributes.length * 2 }),
      quotes: fc.array(quote, { minLength: attributes.length, maxLength: attributes.length }),
      order: fc.shuffledSubarray(
        attributes.map((_, i) => i),
        { minLength: attributes.length, maxLength: attributes.length },
      ),
    })
    .map(({ prefix, spaces, around, quotes, order }) => {
      const attrs = order.map((i, k) => `${spaces[k]}${attributes[i].name}${around[2 * k]}=${around[2 * k + 1]}${quotes[k]}${attributes[i].value}${quotes[k]}`).join("");
      return `<${prefix}${local}${attrs}${spaces[attributes.length].replace(/\n/g, " ")}${close}`;
    });
}

const columnLetters = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : columnLetters(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));
const mergeBox = fc.record({ top: fc.nat(1_100_000), left: fc.nat(16_400), height: fc.nat(3000), width: fc.nat(300) });

describe("sheet XML in any spelling", () => {
  it("the tally counts every <c> and every merged cell exactly, however the tags are written", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(200), fc.nat(30)), { maxLength: 40 }),
        fc.array(mergeBox, { maxLength: 4 }),
        fc.infiniteStream(fc.nat()),
        (cells, merges, choices) => {
          const sample = <T>(arb: fc.Arbitrary<T>): T => fc.sample(arb, { numRuns: 1, seed: choices.next().value })[0];
          const cellTags = cells.map(([r, c]) => sample(tag("c", [{ name: "r", value: `${columnLetters(c)}${r + 1}` }, { name: "s", value: "0" }], ">")) + "<v>1</v></c>");
          const mergeTags = merges.map((m) =>
            sample(tag("mergeCell", [{ name: "ref", value: `${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.left + m.width)}${m.top + m.height + 1}` }, { name: "xr:uid", value: "{0}" }], "/>")),
          );
          const xml = sheetXml(`<row r="1">${cellTags.join("")}</row>`, `<mergeCells>${mergeTags.join("")}</mergeCells>`);
          const tally: Tally = newTally();
          try {
            tallySheetXml(new TextEncoder().encode(xml), tally, { maxCells: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER });
          } catch (e) {
            if (!(e instanceof WorkbookReadError)) throw e;
          }
          expect(tally.cells).toBe(cells.length);
          expect(tally.rangeCells).toBe(merges.reduce((n, m) => n + (m.height + 1) * (m.width + 1), 0));
        },
      ),
      fuzzParameters(2000),
    );
  });

  it("a sheet in any spelling reads within the limit or is refused, never anything else", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(60), fc.nat(12), fc.oneof(fc.integer(), fc.constantFrom("a<b", "施策", ""))), { maxLength: 30 }),
        fc.array(mergeBox, { maxLength: 3 }),
        fc.nat(),
        async (cells, merges, seed) => {
          let k = seed;
          const pick = <T>(arb: fc.Arbitrary<T>): T => fc.sample(arb, { numRuns: 1, seed: k++ })[0];
          const body = cells
            .map(([r, c, v]) => {
              const inline = typeof v === "string";
              const attrs = [{ name: "r", value: `${columnLetters(c)}${r + 1}` }, ...(inline ? [{ name: "t", value: "inlineStr" }] : [])];
              const content = inline ? `<is><t>${v.replace(/</g, "&lt;")}</t></is>` : `<v>${v}</v>`;
              return `${pick(tag("c", attrs, ">"))}${content}</c>`;
            })
            .join("");
          const mergeTags = merges.map((m) => pick(tag("mergeCell", [{ name: "ref", value: `${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.left + m.width)}${m.top + m.height + 1}` }], "/>"))).join("");
          const bytes = buildZip(packageEntries([{ name: "S", entry: "xl/worksheets/sheet1.xml", xml: sheetXml(`<row r="1">${body}</row>`, `<mergeCells>${mergeTags}</mergeCells>`) }]));
          await readChecked(bytes);
        },
      ),
      fuzzParameters(1000),
    );
  });
});
