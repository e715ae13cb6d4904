import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { jsonSchemaTexts, schemaFiles } from "../../scripts/json-schemas.js";

// schemas/*.json are generated from the zod schemas (scripts/json-schemas.ts) and committed, so the
// package ships them without a build step that needs TypeScript. A file that differs from what the
// generator gives (as JSON) fails here; `npm run gen:schemas` (UPDATE_SCHEMAS=1) rewrites them.
const dir = new URL("../../schemas/", import.meta.url);

describe("the shipped JSON Schemas are what the zod schemas generate (13.3)", () => {
  const texts = jsonSchemaTexts();
  if (process.env.UPDATE_SCHEMAS) {
    for (const [name, text] of Object.entries(texts)) writeFileSync(new URL(name, dir), text);
    // In the repository's JSON style, so `biome ci` passes; the comparison below reads the JSON.
    execFileSync(fileURLToPath(new URL("../../node_modules/.bin/biome", import.meta.url)), [
      "format",
      "--write",
      fileURLToPath(dir),
    ]);
  }

  it("schemas/ holds exactly student.json, batch.json, registration.json and report.json", () => {
    expect(readdirSync(dir).sort()).toEqual([
      "batch.json",
      "registration.json",
      "report.json",
      "student.json",
    ]);
    expect(Object.keys(schemaFiles).sort()).toEqual(readdirSync(dir).sort());
  });

  for (const name of Object.keys(texts)) {
    it(`schemas/${name} is current (npm run gen:schemas rewrites it)`, () => {
      expect(JSON.parse(readFileSync(new URL(name, dir), "utf8"))).toEqual(JSON.parse(texts[name] as string));
    });
  }

  it("says something of every value: no empty schema `{}` (what zod gives a type JSON Schema cannot represent)", () => {
    const empty: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (typeof node !== "object" || node === null) return;
      for (const [k, v] of Object.entries(node)) {
        const here = `${at}/${k}`;
        const isSchemaSlot = !["enum", "required", "default", "const", "examples"].includes(k);
        if (
          isSchemaSlot &&
          typeof v === "object" &&
          v !== null &&
          !Array.isArray(v) &&
          Object.keys(v).length === 0
        )
          empty.push(here);
        if (isSchemaSlot) walk(v, here);
      }
    };
    for (const [name, text] of Object.entries(texts)) walk(JSON.parse(text), name);
    expect(empty).toEqual([]);
  });

  it("each is a draft 2020-12 schema of this version, with its dates and enums", () => {
    const student = JSON.parse(texts["student.json"] as string);
    const version = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
    expect(student.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(student.$id).toBe(`https://unpkg.com/xueli-zhuce@${version}/schemas/student.json`);
    expect(student.properties.study.properties.defenseDate).toMatchObject({
      type: "string",
      format: "date",
      pattern: "^\\d{4}-\\d{2}-\\d{2}$",
    });
    expect(student.properties.sex.enum).toEqual(["male", "female"]);
    expect(student.properties.id.properties.type.enum).toEqual([
      "resident",
      "resident-15",
      "hk-macao-permit",
      "taiwan-permit",
      "passport",
    ]);
    expect(student.properties.studentNumber).toMatchObject({ type: "string", minLength: 1, pattern: "\\S" });
    const batch = JSON.parse(texts["batch.json"] as string);
    expect(batch.properties.opensAt.pattern).toMatch(/^\^\\s\*\\d\{4\}-/);
    expect(batch.properties.opensAt.format).toBeUndefined();
    const report = JSON.parse(texts["report.json"] as string);
    expect(report.properties.students.items.properties.findings.items.properties.code.enum).toContain(
      "id.checksum",
    );
  });
});
