// ESLint for the add-in: the Office add-ins plugin's rules (load before read, sync before read, no sync in loops,
// isNullObject, ...), TypeScript, React hooks, and the house limits (400 lines a file, 80 a function).
import Module from "node:module";
import path from "node:path";
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// This package compiles with TypeScript 7, which has no JavaScript API; typescript-eslint needs TypeScript 5's. Its
// require("typescript") is pointed at the TypeScript 5 installed for linting only (typescript-for-lint).
const require = Module.createRequire(import.meta.url);
const typescriptForLint = require.resolve("typescript-for-lint");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const from = parent?.filename ?? "";
  if (request === "typescript" && (from.includes(`${path.sep}@typescript-eslint${path.sep}`) || from.includes(`${path.sep}ts-api-utils${path.sep}`))) return typescriptForLint;
  return resolve.call(this, request, parent, ...rest);
};
const { default: officeAddins } = await import("eslint-plugin-office-addins");
const base = officeAddins.configs.recommended.find((c) => c.rules?.["office-addins/call-sync-before-read"]);
const officeRules = Object.fromEntries(Object.entries(base.rules).filter(([name]) => name.startsWith("office-addins/")));
// The parser the plugin is built against (its own dependency).
const fromPlugin = Module.createRequire(require.resolve("eslint-plugin-office-addins"));
const parser = fromPlugin("@typescript-eslint/parser");

export default [
  { ignores: ["**/dist/**", "**/node_modules/**", "**/src/api/contract.gen.ts", "**/e2e/artifacts/**"] },
  js.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mjs}"],
    languageOptions: {
      parser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node, Office: "readonly", Word: "readonly", OfficeExtension: "readonly", React: "readonly" },
    },
    plugins: { "office-addins": officeAddins, "@typescript-eslint": base.plugins["@typescript-eslint"], "react-hooks": reactHooks },
    rules: {
      ...officeRules,
      "no-unused-vars": "off",
      "no-undef": "off", // TypeScript checks names (tsc --noEmit runs first)
      "no-redeclare": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "max-lines": ["error", { max: 400 }],
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // A describe() block groups tests; each test inside it stays short. The fake Word's own tests exercise its
    // batching in loops on purpose.
    files: ["**/*.test.{ts,tsx}"],
    rules: { "max-lines-per-function": "off", "office-addins/no-context-sync-in-loop": "off" },
  },
];
