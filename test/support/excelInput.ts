// What Excel stores when an add-in writes a string to Range.values or Range.formulas: the
// string is parsed as if typed, unless it starts with the apostrophe text prefix.
// - The reference of Range.values: a string starting with +, - or = is taken as a formula.
// - office-js#1559 (Microsoft: "by design"): values and formulas are parsed in the US locale
//   ("2018-12-31", "12/31/2018" become dates; office-js#229 shows the date format it gets);
//   numbers in scientific notation, with thousands separators, percent or currency become numbers.
// - Issue 12's review of the adapter (hyoka's own tracker): Excel for a Japanese user also turns
//   full-width figures (％ － ￥ １２３), era dates (令和5年4月1日) and 2013年4月1日 into numbers
//   and dates. No Microsoft page says which API applies which locale, so the fake takes the
//   stricter reading: with `ja-JP` both the US forms and the Japanese forms convert.
// The fake stores what the cell would hold: a number (a date as its serial), a boolean, a
// formula, or the text unchanged.

export type InputLocale = "en-US" | "ja-JP";

export type ExcelInput = { value: string | number | boolean } | { formula: string };

const ERAS: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925, R: 2018, H: 1988, S: 1925 };

/** Excel's serial of a date (1900 date system: day 1 = 1900-01-01, with its 1900-02-29). */
function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1) return null;
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

function asNumber(text: string): number | null {
  let t = text;
  let scale = 1;
  if (t.endsWith("%")) {
    t = t.slice(0, -1);
    scale = 0.01;
  }
  if (!/\d/.test(t) || !NUMBER.test(t)) return null;
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n * scale : null;
}

function asUsDate(text: string): number | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) return serial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return m ? serial(Number(m[3]), Number(m[1]), Number(m[2])) : null;
}

function asJapaneseDate(text: string): number | null {
  let m = /^(令和|平成|昭和)(\d+|元)年(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (m) return serial(ERAS[m[1]] + (m[2] === "元" ? 1 : Number(m[2])), Number(m[3]), Number(m[4]));
  m = /^([RHS])(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/i.exec(text);
  if (m) return serial(ERAS[m[1].toUpperCase()] + Number(m[2]), Number(m[3]), Number(m[4]));
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
  return m ? serial(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** What Excel keeps for a string written to a cell (numbers and booleans are kept as they are). */
export function excelInputValue(text: string, locale: InputLocale): ExcelInput {
  if (text.startsWith("'")) return { value: text.slice(1) }; // the text prefix, not part of the value
  if (text.startsWith("=")) return { formula: text };
  // Full-width forms are what a Japanese user types; NFKC maps them to ASCII (％ → %, － → -, ￥ → ¥).
  const t = (locale === "ja-JP" ? text.normalize("NFKC").replace(/\u2212/g, "-") : text).trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE" };
  const currency = locale === "ja-JP" ? /^([-+]?)[$¥]/ : /^([-+]?)\$/;
  const n = asNumber(t.replace(currency, "$1"));
  if (n !== null) return { value: n };
  const date = asUsDate(t) ?? (locale === "ja-JP" ? asJapaneseDate(t) : null);
  if (date !== null) return { value: date };
  // The reference of Range.values: a value starting with + or - is a formula (=+abc → #NAME?).
  if (/^[+-]/.test(text)) return { formula: `=${text}` };
  return { value: text };
}
