import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: path.join(root, "test/support/server-only-stub.ts") },
    ],
  },
  test: {
    environment: "node",
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], exclude: ["**/*.int.test.ts"] },
      },
      {
        extends: true,
        // Against a real PostgreSQL (or the embedded one): see scripts/test.ts.
        test: { name: "integration", include: ["lib/**/*.int.test.ts", "test/**/*.int.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
      },
    ],
  },
});
