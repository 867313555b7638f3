// readWorkbook / writeXlsx also run in the browser preview: no Node module, no Node-only global.

import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";

const FILES = ["read.ts", "write.ts", "zip.ts", "sniff.ts", "inflate.ts", "tally.ts", "package.ts", "sheetjs.ts", "errors.ts", "index.ts", "xml.ts", "profileXml.ts"];
const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe.each(FILES)("src/adapters/xlsx/%s", (file) => {
  const source = readFileSync(join(__dirname, "../../../src/adapters/xlsx", file), "utf8");
  const code = source.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");

  it("imports no Node module", () => {
    const imports = [...code.matchAll(/from\s+"([^"]+)"|require\("([^"]+)"\)|import\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
    expect(imports.filter((m) => NODE_MODULES.has(m))).toEqual([]);
  });

  it("uses no Buffer, process or __dirname", () => {
    expect(code.match(/\b(Buffer|process|__dirname|__filename)\b/g)).toBeNull();
  });
});
