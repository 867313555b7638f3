// The core stays pure: no Office.js, DOM, React or Node imports, so the same code runs in
// the CLI, in Excel and in the browser preview.
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.resolve(__dirname, "..");

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

const NODE_BUILTINS = new Set(require("node:module").builtinModules as string[]);

function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

describe.each(["src/core", "src/samples"])("%s is pure", (folder) => {
  const files = tsFiles(path.join(root, folder));

  it("has source files", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [path.relative(root, f), f]))("%s imports only core code", (_rel, file) => {
    const source = fs.readFileSync(file, "utf8");
    for (const spec of importsOf(source)) {
      const bare = spec.replace(/^node:/, "").split("/")[0];
      expect({ spec, node: spec.startsWith("node:") || NODE_BUILTINS.has(bare) }).toEqual({ spec, node: false });
      expect({ spec, relative: spec.startsWith(".") || spec.endsWith(".json") }).toEqual({ spec, relative: true });
      const resolved = path.resolve(path.dirname(file), spec);
      expect({ spec, inside: resolved.startsWith(path.join(root, "src/core")) || resolved.startsWith(path.join(root, "src/samples")) }).toEqual({ spec, inside: true });
    }
    // Office, DOM and Node globals must not be reached for either (comments may name them).
    const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
    expect(code).not.toMatch(/\b(Office|Excel)\.\w|\bdocument\.|\bwindow\.|\bprocess\.|\bBuffer\b|\brequire\(/);
  });
});
