import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The layers of docs/architecture.md, checked on the sources: each folder of src/ imports only
 * folders below it, no two folders import each other (directly or round a cycle), and the shells
 * (node/, cli/) import the library only through its public entry points.
 */

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

/** The library's folders, bottom to top: a folder may import only those before it. */
const layers = [
  "core",
  "findings",
  "entities",
  "fields",
  "photo",
  "registration",
  "batch",
  "roster",
  // Standard Schema v1 over the validators: nothing of the library imports it.
  "standard",
] as const;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Every relative import of a file (static, type-only, re-export or dynamic), resolved to a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [
    ...text.matchAll(/(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/g),
    ...text.matchAll(/import\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...text.matchAll(/^import\s+["']([^"']+)["']/gm),
  ].map((m) => m[1] as string);
  return specs
    .filter((s) => s.startsWith("."))
    .map((s) => relative(src, resolve(dirname(file), s)).replace(/\.js$/, ".ts"))
    .filter((p) => !p.startsWith("..")); // package.json (the CLI's version) is not a layer
}

/** The unit of a path under src/: its top folder, a subfolder of fields/, or the entry file. */
function unitOf(path: string): string {
  const parts = path.split("/");
  if (parts.length === 1) return parts[0] as string; // index.ts
  if (parts[0] === "fields") return `fields/${parts[1]}`;
  return parts[0] as string;
}

const graph = new Map<string, Set<string>>();
const edges: { from: string; to: string; file: string; target: string }[] = [];
for (const file of files(src)) {
  const from = relative(src, file);
  for (const target of importsOf(file)) {
    const a = unitOf(from);
    const b = unitOf(target);
    edges.push({ from: a, to: b, file: from, target });
    if (a !== b) {
      const set = graph.get(a) ?? new Set<string>();
      set.add(b);
      graph.set(a, set);
    }
  }
}

const layerOf = (unit: string): number => layers.indexOf(unit.split("/")[0] as (typeof layers)[number]);

describe("layers that show in the folders (docs/architecture.md)", () => {
  it("finds the sources and their imports", () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(graph.get("registration")).toContain("findings");
  });

  it("core imports nothing else of the project", () => {
    expect(edges.filter((e) => e.from === "core" && e.to !== "core")).toEqual([]);
  });

  it("each library folder imports only the folders below it", () => {
    const upward = edges.filter((e) => {
      const a = layerOf(e.from);
      const b = layerOf(e.to);
      return a >= 0 && (b < 0 || b > a);
    });
    expect(upward).toEqual([]);
  });

  it("has no import cycle between folders (fields/* counted one by one)", () => {
    const cycles: string[][] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (u: string, path: string[]) => {
      if (state.get(u) === "done") return;
      if (state.get(u) === "open") {
        cycles.push([...path.slice(path.indexOf(u)), u]);
        return;
      }
      state.set(u, "open");
      for (const v of graph.get(u) ?? []) visit(v, [...path, u]);
      state.set(u, "done");
    };
    for (const u of graph.keys()) visit(u, []);
    expect(cycles).toEqual([]);
  });

  it("node/ and cli/ import the library only through its public entry points", () => {
    const entry = new Set(["index.ts", "node/index.ts"]);
    const deep = edges.filter(
      (e) => (e.from === "node" || e.from === "cli") && e.to !== e.from && !entry.has(e.target),
    );
    // The CLI also reads rosters through the roster subpath's entry (xueli-zhuce/roster).
    expect(deep.filter((e) => !(e.from === "cli" && e.target === "roster/index.ts"))).toEqual([]);
    expect(deep.filter((e) => e.from === "cli").length).toBeGreaterThan(0);
    // And the core's entry never reaches the shells.
    expect(edges.filter((e) => e.from === "index.ts" && (e.to === "node" || e.to === "cli"))).toEqual([]);
    expect(edges.filter((e) => layerOf(e.from) >= 0 && (e.to === "node" || e.to === "cli"))).toEqual([]);
  });

  it("lists the public surface by name: no `export *` in the entry points", () => {
    for (const f of ["index.ts", "node/index.ts", "roster/index.ts"]) {
      expect(readFileSync(join(src, f), "utf8"), f).not.toMatch(/export\s+\*/);
    }
  });

  it("roster/ is the layer above batch, and the core's entry does not reach it (no spreadsheet library in the core)", () => {
    expect(layerOf("roster")).toBe(layerOf("batch") + 1);
    expect(edges.filter((e) => e.from === "index.ts" && e.to === "roster")).toEqual([]);
    expect(graph.get("roster")).toContain("findings");
  });

  it("would catch a cycle and a deep import (the checks themselves can fail)", () => {
    expect(unitOf("fields/origin/validate.ts")).toBe("fields/origin");
    expect(layerOf("registration")).toBeGreaterThan(layerOf("fields/origin"));
    expect(importsOf(join(src, "cli/check.ts"))).toContain("index.ts");
  });
});
