import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * Tree-shaking budgets (issue 13.2): what a browser app ships when it imports the package, built as
 * a consumer would — esbuild `--bundle --minify --format=esm --platform=browser`, then gzip. The
 * browser platform also proves the core has no Node built-in: an `import "node:fs"` (or "fs")
 * anywhere in what `.` reaches fails the build. The package is resolved as an installed
 * dependency (node_modules/xueli-zhuce → this repository: its package.json `exports` and
 * `sideEffects`, its dist/), so this measures the build layout, not the sources.
 */

const root = new URL("../..", import.meta.url).pathname;
/** [decision] A KB of the budgets is 1,000 bytes (the stricter reading). */
const KB = 1000;
const budgets = { one: 15 * KB, all: 100 * KB };

let scratch = "";

interface Measured {
  minified: number;
  gzip: number;
  /** The modules in the bundle, as paths relative to node_modules, heaviest first. */
  inputs: { path: string; bytes: number }[];
}

async function measure(contents: string): Promise<Measured> {
  const out = await build({
    stdin: { contents, resolveDir: scratch, loader: "js", sourcefile: "consumer.js" },
    absWorkingDir: scratch,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    // node_modules/xueli-zhuce is a link to the repository: resolve its own imports (zod …) from it.
    preserveSymlinks: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const bytes = out.outputFiles[0]?.contents ?? new Uint8Array();
  const meta = out.metafile as Metafile;
  const inputs = Object.values(meta.outputs).flatMap((o) =>
    Object.entries(o.inputs).map(([path, i]) => ({
      path: path.replace(/^.*node_modules\//, ""),
      bytes: i.bytesInOutput,
    })),
  );
  inputs.sort((a, b) => b.bytes - a.bytes);
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, inputs };
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const heaviest = (m: Measured) =>
  m.inputs
    .slice(0, 8)
    .map((i) => `${i.path} ${kb(i.bytes)}`)
    .join(", ");

describe("tree-shaking budgets of the core, as a browser app bundles it (13.2)", () => {
  let one: Measured;
  let all: Measured;

  beforeAll(async () => {
    if (!existsSync(join(root, "dist/index.js"))) throw new Error("run `npm run build` before this test");
    scratch = mkdtempSync(join(tmpdir(), "xueli-bundle-"));
    mkdirSync(join(scratch, "node_modules"));
    symlinkSync(root, join(scratch, "node_modules", "xueli-zhuce"), "dir");
    one = await measure(
      `import { validateIdNumber } from "xueli-zhuce";\nconsole.log(validateIdNumber("11010819980512168X"));\n`,
    );
    all = await measure(`import * as x from "xueli-zhuce";\nconsole.log(x);\n`);
    console.log(
      [
        `import { validateIdNumber }: ${kb(one.gzip)} gzip (${kb(one.minified)} minified; budget ${kb(budgets.one)})`,
        `import * as x (the whole core): ${kb(all.gzip)} gzip (${kb(all.minified)} minified; budget ${kb(budgets.all)})`,
      ].join("\n"),
    );
  }, 60_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("`import { validateIdNumber }` alone is at most 15 KB gzip", () => {
    expect(one.gzip, `heaviest: ${heaviest(one)}`).toBeLessThanOrEqual(budgets.one);
  });

  it("keeps zod, date-fns, the other validators' texts and the Standard Schema objects out of the ID path", () => {
    const paths = one.inputs.map((i) => i.path);
    expect(paths.filter((p) => /^(zod|date-fns|@date-fns)\//.test(p))).toEqual([]);
    expect(
      paths.filter((p) =>
        /dist\/(entities|standard|registration|photo|batch)\/|locales\/(zh-CN|en)\.js/.test(p),
      ),
    ).toEqual([]);
    // What it does carry: the validator, its own texts and the finding machinery.
    expect(paths).toEqual(
      expect.arrayContaining([
        "xueli-zhuce/dist/fields/id/index.js",
        "xueli-zhuce/dist/findings/locales/id.js",
        "xueli-zhuce/dist/findings/finding.js",
      ]),
    );
  });

  it("the whole core (`import * as x`) is at most 100 KB gzip and has no Node built-in", () => {
    // The build itself failed had any module reached by `.` imported a Node built-in.
    expect(all.inputs.map((i) => i.path)).toEqual(
      expect.arrayContaining(["xueli-zhuce/dist/index.js", "xueli-zhuce/dist/batch/check.js"]),
    );
    expect(all.inputs.some((i) => /dist\/(node|cli|roster)\//.test(i.path))).toBe(false);
    expect(all.gzip, `heaviest: ${heaviest(all)}`).toBeLessThanOrEqual(budgets.all);
  });

  it("a Node built-in in what is bundled fails the browser build (the check above can fail)", async () => {
    await expect(measure(`import * as n from "xueli-zhuce/node";\nconsole.log(n);\n`)).rejects.toThrow(
      /Could not resolve "(node:)?(fs|fs\/promises|path)"/,
    );
  });
});
