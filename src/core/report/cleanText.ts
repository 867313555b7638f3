// Text that came from a workbook (cell text, sheet names, file names, zip entry names, a
// parser's messages) is attacker-controlled, and ends up on a terminal or in a text, Markdown
// or CSV report. Here it loses what could act on the reader: terminal control (ESC starts
// CSI/OSC sequences that clear the screen, set the title or write the clipboard; C1 CSI/OSC do
// the same on some terminals), forged line breaks, and bidi controls that reorder what is
// shown (Trojan Source). Markdown additionally loses links, images, emphasis, code and HTML.

/**
 * C0 and C1 controls, DEL, the bidi marks, embeddings, overrides and isolates, and the Unicode
 * line and paragraph separators (some viewers break lines there).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- as above, line breaks excepted
const UNSAFE_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;

/** A visible, inert stand-in: `\x1B` for controls, `\u202E` for the rest. */
function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * One line for a terminal or a text report: line breaks shown as ` ⏎ `, tabs as a space,
 * every other unsafe character escaped (`\x1B`, `\u202E`), so nothing can move the cursor,
 * restyle the screen or start a forged line.
 */
export function cleanLine(text: string): string {
  return text.replace(LINE_BREAK, " ⏎ ").replace(/\t/g, " ").replace(UNSAFE, escapeChar);
}

/** Like cleanLine but keeping line breaks (as `\n`): for a CSV field, which quoting keeps whole. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?|\u2028|\u2029/g, "\n").replace(UNSAFE_BUT_LINE_BREAKS, escapeChar);
}

// Characters Markdown gives meaning to inside a line (links, images, emphasis, code, tables,
// strikethrough, escapes); each gets a backslash, which CommonMark then shows as the plain character.
const MARKDOWN_PUNCTUATION = /[\\`*_[\]()!|~#]/g;

/**
 * Text inside a Markdown table cell or heading: unsafe characters escaped as in cleanLine,
 * `& < >` as entities (no HTML, no entity tricks), Markdown punctuation backslash-escaped
 * (never a link, image, emphasis or code), line breaks as `<br>`.
 */
export function cleanMarkdown(text: string): string {
  return text
    .replace(/\t/g, " ")
    .replace(UNSAFE_BUT_LINE_BREAKS, escapeChar)
    .replace(MARKDOWN_PUNCTUATION, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(LINE_BREAK, "<br>");
}

// JSON.stringify escapes C0 controls but writes C1 controls, bidi controls and U+2028/2029
// raw; they can only occur inside strings, where a \uXXXX escape is the same value.
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Serialized JSON with the characters above as `\uXXXX`: the same data, inert on a terminal. */
export function escapeJsonText(json: string): string {
  return json.replace(RAW_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Text → UTF-8 bytes, for escapedJsonBytes. */
export type Utf8Encode = (text: string) => Uint8Array;

// Made on first use: some hosts of this module (jsdom in the pane's tests) have no TextEncoder.
let utf8: InstanceType<typeof TextEncoder> | undefined;

const encodeUtf8: Utf8Encode = (text) => (utf8 ??= new TextEncoder()).encode(text);

/**
 * Does UTF-8 text hold one of RAW_IN_JSON's characters? Searches for their lead bytes with the
 * bytes' own indexOf: native on a Uint8Array, and memchr on a Node Buffer (~10× faster again).
 */
function hasRawInUtf8(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0x7f) !== -1) return true;
  // U+0080–U+009F: C2 80–C2 9F; U+061C: D8 9C; U+200E/F, U+2028–202E: E2 80 …; U+2066–2069: E2 81 A6–A9.
  for (let i = bytes.indexOf(0xc2); i !== -1; i = bytes.indexOf(0xc2, i + 1)) if (bytes[i + 1] <= 0x9f) return true;
  for (let i = bytes.indexOf(0xd8); i !== -1; i = bytes.indexOf(0xd8, i + 1)) if (bytes[i + 1] === 0x9c) return true;
  for (let i = bytes.indexOf(0xe2); i !== -1; i = bytes.indexOf(0xe2, i + 1)) {
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    if (b1 === 0x80 && (b2 === 0x8e || b2 === 0x8f || (b2 >= 0xa8 && b2 <= 0xae))) return true;
    if (b1 === 0x81 && b2 >= 0xa6 && b2 <= 0xa9) return true;
  }
  return false;
}

/**
 * escapeJsonText, already UTF-8 encoded: the text is encoded first and searched for the rare
 * characters with native byte searches, and only re-escaped when one is there. A regular
 * expression over the whole text costs as much as serializing it (a report entry is ~100 KB).
 * `encode` may return a Node Buffer (the CLI's workers), whose byte search is faster.
 */
export function escapedJsonBytes(json: string, encode: Utf8Encode = encodeUtf8): Uint8Array {
  const bytes = encode(json);
  return hasRawInUtf8(bytes) ? encode(escapeJsonText(json)) : bytes;
}
