// Issue 11 item 7: every string that reaches a terminal or a text, md or csv report is inert.

import fc from "fast-check";
import { cleanLine, cleanMarkdown, cleanText, csvField, escapedJsonBytes, escapeJsonText } from "../../../src/core/report";

const ESC = "\u001b";

describe("cleanLine (terminal, text report)", () => {
  test.each([
    [`a${ESC}]0;PWNED\u0007b`, "a\\x1B]0;PWNED\\x07b"],
    [`${ESC}[2J${ESC}]52;c;ZXZpbA==\u0007`, "\\x1B[2J\\x1B]52;c;ZXZpbA==\\x07"],
    ["one\ntwo\r\nthree\rfour", "one ⏎ two ⏎ three ⏎ four"],
    ["tab\there", "tab here"],
    ["\u009b31m C1 CSI", "\\x9B31m C1 CSI"],
    ["abc\u202Eevil\u202C \u2066iso\u2069 \u200Fmark", "abc\\u202Eevil\\u202C \\u2066iso\\u2069 \\u200Fmark"],
    ["line\u2028sep", "line ⏎ sep"],
    ["施策課題 41303000", "施策課題 41303000"],
  ])("%j → %j", (input, expected) => {
    expect(cleanLine(input)).toBe(expected);
  });
});

describe("cleanText (CSV fields keep their line breaks)", () => {
  test("line breaks kept as \\n, the rest escaped", () => {
    expect(cleanText(`a\r\nb${ESC}[1m\u202E`)).toBe("a\nb\\x1B[1m\\u202E");
    expect(csvField(`=1+1${ESC}`)).toBe("'=1+1\\x1B");
  });
});

describe("cleanMarkdown (md report)", () => {
  test.each([
    ["![i](http://host/img.png)", "\\!\\[i\\]\\(http://host/img.png\\)"],
    ["[l](javascript:alert(1))", "\\[l\\]\\(javascript:alert\\(1\\)\\)"],
    ["*em* _em_ `code` ~~del~~ a|b \\", "\\*em\\* \\_em\\_ \\`code\\` \\~\\~del\\~\\~ a\\|b \\\\"],
    ["<img src=x onerror=alert(1)> &lt;", "&lt;img src=x onerror=alert\\(1\\)&gt; &amp;lt;"],
    ["two\nlines", "two<br>lines"],
    [`${ESC}[31mred`, "\\\\x1B\\[31mred"],
  ])("%j → %j", (input, expected) => {
    expect(cleanMarkdown(input)).toBe(expected);
  });

  test("whatever the text, no link, image, emphasis, code, HTML or control character survives", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (s) => {
        const md = cleanMarkdown(s);
        // Every Markdown-active character is escaped; the only tag is the <br> we write.
        expect(md.replace(/<br>/g, "")).not.toMatch(/(?<!\\)[[\]()!*_`|~#<>]/);
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        expect(md).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
});

describe("escapeJsonText (JSON keeps the value, the terminal sees escapes)", () => {
  test("C1 and bidi controls become \\u escapes that parse back to the same string", () => {
    const value = `a\u009bb\u202Ec\u2028d${ESC}`;
    const json = escapeJsonText(JSON.stringify({ value }));
    expect(json).toBe('{"value":"a\\u009bb\\u202ec\\u2028d\\u001b"}');
    expect(JSON.parse(json).value).toBe(value);
  });

  test("escapedJsonBytes is escapeJsonText in UTF-8, for every string (the byte search never misses one)", () => {
    const decode = (b: Uint8Array) => new TextDecoder().decode(b);
    for (const ch of ["\u007f", "\u0080", "\u009f", "\u061c", "\u200e", "\u200f", "\u2028", "\u202e", "\u2066", "\u2069", "×", "…", "①", "施"]) {
      const json = JSON.stringify({ v: `a${ch}b` });
      expect([ch, decode(escapedJsonBytes(json))]).toEqual([ch, escapeJsonText(json)]);
    }
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const json = JSON.stringify(s);
        return decode(escapedJsonBytes(json)) === escapeJsonText(json);
      }),
    );
  });

  test("escapedJsonBytes with an encoder returning Node Buffers (the CLI's, searched by memchr) gives the same bytes", () => {
    const toBuffer = (text: string) => Buffer.from(text, "utf8");
    for (const ch of ["\u007f", "\u0085", "\u061c", "\u200f", "\u2029", "\u202a", "\u2069", "…", "施"]) {
      const json = JSON.stringify({ v: `${"施策".repeat(50)}${ch}b` });
      const bytes = escapedJsonBytes(json, toBuffer);
      expect(Buffer.isBuffer(bytes)).toBe(true);
      expect([ch, new TextDecoder().decode(bytes)]).toEqual([ch, escapeJsonText(json)]);
    }
  });

  test("any string survives the round trip", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => JSON.parse(escapeJsonText(JSON.stringify(s))) === s));
  });
});
