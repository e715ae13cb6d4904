import { defineConfig } from "vitest/config";

// Two projects: the fast unit tests (a rule's feedback loop in seconds: `npm run test:unit`) and
// the CLI's and the package's, which run the built `xueli` in child processes (minutes:
// `npm run test:cli`). `npm test` runs both.
const slow = [
  "test/cli/**/*.test.ts",
  "test/package/**/*.test.ts",
  "test/hardening/roster.test.ts",
  "test/hardening/duplicates.test.ts",
  "test/browser/**/*.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: slow,
          // Type tests (`*.test-d.ts`) run with the unit tests: they prove misuse does not compile.
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        extends: true,
        test: { name: "cli", include: slow, typecheck: { enabled: false, include: [] } },
      },
    ],
  },
});
