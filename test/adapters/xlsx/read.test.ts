import ExcelJS from "exceljs";
import { cellAt } from "../../../src/core/grid";
import { readWorkbook } from "../../../src/adapters/xlsx";
import { isoDate, toCellValue } from "../../../src/adapters/xlsx/sheetjs";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readWorkbook: cell values", () => {
  let grid: Awaited<ReturnType<typeof readWorkbook>>;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("評価票");
    ws.getCell("C3").value = "施策課題";
    ws.getCell("D3").value = 41303000;
    ws.getCell("C4").value = { richText: [{ text: "参考指標名" }, { text: "①", font: { bold: true } }] };
    ws.getCell("C5").value = { text: "川崎市", hyperlink: "https://www.city.kawasaki.jp/" };
    ws.getCell("C6").value = { formula: "D3/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
    ws.getCell("C7").value = { formula: "38182/43769", result: 0.8723525783088487 };
    ws.getCell("C8").value = { error: "#N/A" } as ExcelJS.CellValue;
    ws.getCell("C9").value = true;
    ws.getCell("C10").value = new Date(Date.UTC(2013, 3, 1));
    ws.getCell("C11").value = { formula: "DATE(2014,3,31)", result: new Date(Date.UTC(2014, 2, 31, 12)) };
    ws.getCell("C11").numFmt = "yyyy/m/d";
    ws.getCell("C12").value = { formula: "NOW()" }; // never calculated: no cached result
    ws.getCell("E3").value = "環境局地球環境推進室";
    ws.mergeCells("E3:G4");
    const hidden = wb.addWorksheet("メモ", { state: "hidden" });
    hidden.getCell("A1").value = "hidden note";
    wb.addWorksheet("空白");
    grid = await readWorkbook(await bytesOf(wb));
  });

  it("keeps every worksheet in order, hidden ones included", () => {
    expect(grid.sheets.map((s) => s.name)).toEqual(["評価票", "メモ", "空白"]);
  });

  it("starts the grid at the used area (C3) and makes it rectangular", () => {
    const s = grid.sheets[0];
    expect([s.top, s.left]).toEqual([2, 2]);
    // rows 3..11: C12's formula has no cached result, so it holds no value
    expect(s.values).toHaveLength(9);
    expect(s.values.every((r) => r.length === 5)).toBe(true); // C..G
  });

  it("converts each kind of value", () => {
    const s = grid.sheets[0];
    expect(cellAt(s, 2, 3)).toBe(41303000);
    expect(cellAt(s, 3, 2)).toBe("参考指標名①");
    expect(cellAt(s, 4, 2)).toBe("川崎市");
    expect(cellAt(s, 5, 2)).toEqual({ error: "#DIV/0!" });
    expect(cellAt(s, 6, 2)).toBe(0.8723525783088487);
    expect(cellAt(s, 7, 2)).toEqual({ error: "#N/A" });
    expect(cellAt(s, 8, 2)).toBe(true);
    // Dates are dates (issue 11): a date-formatted number is not a year or a plain number.
    expect(cellAt(s, 9, 2)).toEqual({ date: "2013-04-01" });
    expect(cellAt(s, 10, 2)).toEqual({ date: "2014-03-31T12:00:00" });
    expect(cellAt(s, 11, 2)).toBeNull();
  });

  it("keeps a merge's value in its master cell only", () => {
    const s = grid.sheets[0];
    expect(s.merges).toEqual([{ top: 2, left: 4, bottom: 3, right: 6 }]);
    expect(cellAt(s, 2, 4)).toBe("環境局地球環境推進室");
    expect([cellAt(s, 2, 5), cellAt(s, 2, 6), cellAt(s, 3, 4), cellAt(s, 3, 6)]).toEqual([null, null, null, null]);
  });

  it("reads a hidden sheet and gives an empty sheet an empty grid", () => {
    expect(grid.sheets[1]).toEqual({ name: "メモ", top: 0, left: 0, values: [["hidden note"]], merges: [] });
    expect(grid.sheets[2]).toEqual({ name: "空白", top: 0, left: 0, values: [], merges: [] });
  });

  it("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("B2").value = 7;
    const bytes = await bytesOf(wb);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const read = await readWorkbook(buffer as ArrayBuffer);
    expect(read.sheets[0]).toEqual({ name: "S", top: 1, left: 1, values: [[7]], merges: [] });
  });

  it("reads the same date from a workbook in the 1904 date system", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    wb.addWorksheet("S").getCell("A1").value = new Date(Date.UTC(2013, 3, 1));
    const read = await readWorkbook(await bytesOf(wb));
    expect(read.sheets[0].values).toEqual([[{ date: "2013-04-01" }]]);
  });
});

describe("toCellValue (SheetJS cells → grid values)", () => {
  it("maps each SheetJS cell type, and never lets a damaged one through as a number", () => {
    expect(toCellValue(undefined)).toBeNull();
    expect(toCellValue({ t: "z" })).toBeNull();
    expect(toCellValue({ t: "n", v: 12 })).toBe(12);
    expect(toCellValue({ t: "n", v: "12" })).toBeNull();
    expect(toCellValue({ t: "s", v: "施策" })).toBe("施策");
    expect(toCellValue({ t: "b", v: true })).toBe(true);
    expect(toCellValue({ t: "e", v: 0x07 })).toEqual({ error: "#DIV/0!" });
    expect(toCellValue({ t: "e", v: 99, w: "#SPILL!" })).toEqual({ error: "#SPILL!" });
    expect(toCellValue({ t: "d", v: new Date(Date.UTC(2013, 3, 1)) })).toEqual({ date: "2013-04-01" });
    expect(toCellValue({ t: "d", v: new Date(Number.NaN) })).toEqual({ error: "#VALUE!" });
  });

  it("isoDate: the calendar value in the UTC fields, time only when there is one, float noise rounded", () => {
    expect(isoDate(new Date(Date.UTC(2014, 2, 31, 12)))).toBe("2014-03-31T12:00:00");
    expect(isoDate(new Date(Date.UTC(2013, 3, 1) - 1))).toBe("2013-04-01");
    expect(isoDate(new Date(Date.UTC(10000, 0, 1)))).toBeNull();
  });
});
