// How every front end writes a number: rule messages, reports, the task pane, the summary
// sheets' number formats. Digits only, en-US style, never the machine's locale.

// Made on first use, one per precision: a page's first Intl formatter loads ICU data (20–80 ms
// in Chromium), which the browser preview would otherwise pay before its first findings, where
// whole numbers never need it. One per precision rather than toLocaleString with options, which
// builds a new formatter per call and made the rules several times slower than reading the sheet.
const intlFormats = new Map<number, Intl.NumberFormat>();

/** True for the numbers groupThousands formats exactly as en-US does (not -0, nothing past 2^53). */
export function isWholeNumber(n: number): boolean {
  return Number.isSafeInteger(n) && !Object.is(n, -0);
}

/** `-43769` → `-43,769`: the digits of a whole number, grouped by three like en-US. */
export function groupThousands(text: string): string {
  const sign = text[0] === "-" ? "-" : "";
  const digits = sign ? text.slice(1) : text;
  if (digits.length <= 3) return text;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return sign + out;
}

/**
 * `n` exactly as Intl en-US writes it with at most `maxFractionDigits` decimals (1,234.568), but
 * whole numbers (nearly every figure here) grouped by hand: Intl costs ~20× as much, and is made
 * only when a fraction first needs it.
 */
export function groupedNumber(n: number, maxFractionDigits: number): string {
  if (isWholeNumber(n)) return groupThousands(String(n));
  let format = intlFormats.get(maxFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { maximumFractionDigits: maxFractionDigits });
    intlFormats.set(maxFractionDigits, format);
  }
  return format.format(n);
}

/** A number in a rule or link message, as people write it in these sheets: 43,769; null → `-`. */
export function num(n: number | null): string {
  return n === null ? "-" : groupedNumber(n, 6);
}

/**
 * A figure in a report (text, Markdown, CSV): thousands separators, every decimal the value has;
 * null → "". -0 is `0`; what String() writes in exponent form (1e+21, 1e-7) stays so.
 */
export function formatNumber(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return "";
  const [int, frac] = String(Math.abs(n)).split(".");
  return `${n < 0 ? "-" : ""}${int.includes("e") ? int : groupThousands(int)}${frac ? `.${frac}` : ""}`;
}

/**
 * A fraction as a percentage with one decimal, as Excel's 0.0% shows it (halves away from zero):
 * 0.71333 → "71.3%", 0.2875 → "28.8%", -0.2875 → "-28.8%"; null → "". Reports, the pane and the
 * rule messages all write rates this way, so a message and the summary beside it agree.
 */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return "";
  const tenths = Math.round(Math.abs(rate) * 1000);
  return `${rate < 0 && tenths > 0 ? "-" : ""}${(tenths / 10).toFixed(1)}%`;
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/** ①–⑳ for an indicator's 1-based index, `(21)` beyond. */
export function circled(index: number): string {
  return index >= 1 && index <= CIRCLED.length ? CIRCLED[index - 1] : `(${index})`;
}

/** The Excel number formats of the summary sheets and link tables: a rate (0.0%) and an amount (#,##0). */
export const RATE_FORMAT = "0.0%";
export const AMOUNT_FORMAT = "#,##0";
