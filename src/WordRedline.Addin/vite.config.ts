import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

const root = path.dirname(fileURLToPath(import.meta.url));
const testsRoot = path.resolve(root, "../../tests/WordRedline.Addin.Tests");

// The tests live in tests/WordRedline.Addin.Tests (the repository's layout) but share this package's
// node_modules: resolve their bare imports as if they were imported from here.
function resolveTestImportsHere(): Plugin {
  return {
    name: "wordredline-tests-resolve-here",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer?.startsWith(testsRoot) || source.startsWith(".") || path.isAbsolute(source) || source.startsWith("\0")) {
        return null;
      }
      return this.resolve(source, path.join(root, "package.json"), { ...options, skipSelf: true });
    },
  };
}

export default defineConfig({
  plugins: [react(), resolveTestImportsHere()],
  // Relative URLs: the service may host the pane under any origin.
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        taskpane: path.join(root, "taskpane.html"),
        commands: path.join(root, "commands.html"),
        "auth-dialog": path.join(root, "auth-dialog.html"),
      },
    },
  },
  server: { fs: { allow: [root, testsRoot] } },
  test: {
    root,
    include: ["../../tests/WordRedline.Addin.Tests/{unit,fakes,gateway,corpus,ui}/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 60_000,
    server: { deps: { inline: [/tests\/WordRedline\.Addin\.Tests/] } },
  },
});
