// Worksheet XML without its empty cells, before SheetJS sees it. Excel writes a `<c r="B5"
// s="3"/>` for every cell that has only a style (the borders of a form), and evaluation
// sheets are mostly such cells (two in three in the bench's workbooks). SheetJS parses each
// one's tag and then drops it (no value, no type, stubs off): removing them first reads the
// same cells for less work. Pure byte work, after the tally (tally.ts counts every cell).
//
// SheetJS splits the sheet data at each row end (`</row>`, any prefix), takes the first `>`
// not after `/` as the end of the row's tag, and splits the rest at each `<c`. A cell is removed
// only where that piece provably gives nothing and changes nothing after it: exactly
// `<c r="A1"/>` or `<c r="A1" s="0"/>` (no type, no prefix, double quotes), after an open
// `<row …>` tag in the same row (so it is never taken for the row's tag), and followed at once
// by `</row>` or by a cell that names its own reference (`<c r="`): a cell without one takes
// the column after the previous cell's.

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const COLON = 0x3a;

function bytesOf(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

const CELL_WITH_REF = bytesOf('<c r="');
const STYLE = bytesOf(' s="');
const ROW_START = bytesOf("<row");
const ROW_END = bytesOf("</row>");
const ROW = bytesOf("row");

function startsAt(bytes: Uint8Array, at: number, text: Uint8Array): boolean {
  if (at + text.length > bytes.length) return false;
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text[k]) return false;
  return true;
}

/** Index after a run of at most `max` bytes in [low, high] from `at`, or -1 when empty or longer. */
function runEnd(bytes: Uint8Array, at: number, low: number, high: number, max: number): number {
  let end = at;
  while (end < bytes.length && bytes[end] >= low && bytes[end] <= high) end++;
  return end === at || end - at > max ? -1 : end;
}

const isWordByte = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;

/** Does the end tag at `at` end a row as SheetJS sees it (`</row>`, `</x:row>`)? */
function isRowEnd(bytes: Uint8Array, at: number): boolean {
  let name = at + 2;
  let end = name;
  while (isWordByte(bytes[end])) end++;
  if (bytes[end] === COLON && end > name) {
    name = end + 1;
    end = name;
    while (isWordByte(bytes[end])) end++;
  }
  return bytes[end] === GT && end - name === ROW.length && startsAt(bytes, name, ROW);
}

/** Where an empty cell starting at `at` (`<c r="A1"/>`, `<c r="A1" s="0"/>`) ends, else -1. */
function emptyCellEnd(bytes: Uint8Array, at: number): number {
  if (!startsAt(bytes, at, CELL_WITH_REF)) return -1;
  let i = runEnd(bytes, at + CELL_WITH_REF.length, 0x41, 0x5a, 3); // A–XFD
  if (i > 0) i = runEnd(bytes, i, 0x30, 0x39, 7); // 1–1048576
  if (i < 0 || bytes[i] !== QUOTE) return -1;
  i++;
  if (startsAt(bytes, i, STYLE)) {
    i = runEnd(bytes, i + STYLE.length, 0x30, 0x39, 6);
    if (i < 0 || bytes[i] !== QUOTE) return -1;
    i++;
  }
  return bytes[i] === SLASH && bytes[i + 1] === GT ? i + 2 : -1;
}

/** The worksheet part without the empty cells described above; the same bytes when there are none. */
export function withoutEmptyCells(bytes: Uint8Array): Uint8Array {
  // Tag to tag with indexOf (memchr on a Node Buffer) rather than byte by byte: a sheet is
  // mostly text between tags. The first removal copies the part once; later ones only move
  // the kept bytes left within that copy (copyWithin), so nothing is allocated per cell.
  let out: Uint8Array | null = null;
  let written = 0; // bytes of `out` already final
  let kept = 0; // where the bytes not yet moved into place start, in `bytes`
  let inRow = false;
  for (let i = bytes.indexOf(LT); i !== -1; i = bytes.indexOf(LT, i + 1)) {
    const next = bytes[i + 1];
    if (next === SLASH) {
      if (isRowEnd(bytes, i)) inRow = false;
      continue;
    }
    if (next === 0x72 /* r */ && startsAt(bytes, i, ROW_START) && (bytes[i + 4] === 0x20 || bytes[i + 4] === GT)) {
      // Open when this tag is what SheetJS takes for the row's: its first `>`, not after `/`
      // (a self-closed row holds no cells), with no `<` before it.
      const close = bytes.indexOf(GT, i);
      const nextTag = bytes.indexOf(LT, i + 1);
      inRow = close !== -1 && bytes[close - 1] !== SLASH && (nextTag === -1 || nextTag > close);
      continue;
    }
    if (!inRow || next !== 0x63 /* c */) continue;
    const end = emptyCellEnd(bytes, i);
    if (end < 0 || !(startsAt(bytes, end, CELL_WITH_REF) || startsAt(bytes, end, ROW_END))) continue;
    if (out === null) {
      out = new Uint8Array(bytes.length);
      out.set(bytes);
      written = i;
    } else if (i > kept) {
      out.copyWithin(written, kept, i);
      written += i - kept;
    }
    kept = end;
    i = end - 1;
  }
  if (out === null) return bytes;
  out.copyWithin(written, kept, bytes.length);
  return out.subarray(0, written + bytes.length - kept);
}
