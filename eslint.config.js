// ESLint 9 flat config: eslint-plugin-office-addins' recommended set (it brings
// typescript-eslint's parser and recommended rules), with its Office.js load/sync rules as
// errors: reading before load/sync is the bug the fake Excel context also catches in tests.
const officeAddins = require("eslint-plugin-office-addins");
// The plugin's own dependency: the parser it is tested with (typescript-eslint 8.8).
const tseslint = require("typescript-eslint");

// The plugin's config registers its plugins and TypeScript rules for .ts only (not .tsx):
// the same objects serve both below, so .tsx files are linted like .ts.
const recommendedTs = officeAddins.configs.recommended.find((c) => c.plugins && c.plugins["office-addins"]);

const officeRulesAsErrors = Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "error"]));

module.exports = [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "out/**", "assets/**", "**/*.js"] },
  ...officeAddins.configs.recommended,
  {
    // The plugin's config covers .ts but not .tsx: give both the TypeScript parser.
    files: ["**/*.ts", "**/*.tsx"],
    plugins: recommendedTs.plugins,
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      ...recommendedTs.rules,
      ...officeRulesAsErrors,
      // Navigation loads (`items/name`) are how a collection is read in one batch.
      "office-addins/no-navigational-load": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // The compiler resolves globals (Office, Excel from @types/office-js) better than ESLint.
      "no-undef": "off",
      // Japanese text quotes the ideographic space (U+3000) on purpose: flag it in code only.
      "no-irregular-whitespace": ["error", { skipComments: true, skipStrings: true, skipTemplates: true, skipRegExps: true }],
      // The plugin bundles prettier at 80 columns; the project has no formatter config to enforce.
      "prettier/prettier": "off",
    },
  },
];
