/**
 * The JSON Schemas (draft 2020-12) the package ships in schemas/ (issue 13.3), generated from the
 * zod schemas so they cannot drift: the input of a student (`StudentSchema`), a batch
 * (`BatchSchema`) and a registration (`RegistrationSchema`), and the CLI's JSON report
 * (`ReportSchema`, src/roster/report-schema.ts). Written by `npm run gen:schemas`
 * (`UPDATE_SCHEMAS=1 vitest run test/schemas/generated.test.ts`); the same test fails while a
 * committed file differs from what this generates.
 *
 * They say the shape: types, required fields, enums, bounds, the formats' patterns. Not the rules
 * (a checksum, a region code, three levels of an origin, a window, a history that adds up): those
 * are the library's and the CLI's (docs/integration.md).
 */
import * as z from "zod";
import { version } from "../package.json";
import { formatsJsonSchema, instantSchema, isoDateSchema } from "../src/entities/formats.js";
import { BatchSchema, RegistrationSchema, StudentSchema } from "../src/index.js";
import { ReportParamsSchema, ReportSchema } from "../src/roster/report-schema.js";

/** A JSON Schema document, as JSON. */
export type JsonSchema = Record<string, unknown>;

interface SchemaFile {
  schema: z.core.$ZodType;
  /** Input (what the library accepts: defaults may be left out) or output (what the CLI writes). */
  io: "input" | "output";
  title: string;
  description: string;
}

const RULES =
  "The shape only: the rules (ID checksum, region and birth date, name characters, origin levels, " +
  "the registration's guards …) are checked by the xueli-zhuce library or the `xueli` CLI.";

/** The files of schemas/, by name. */
export const schemaFiles: Readonly<Record<string, SchemaFile>> = {
  "student.json": {
    schema: StudentSchema,
    io: "input",
    title: "Student",
    description: `A student record for graduate certificate e-registration (UCAS), as validateStudent and StudentSchema accept it. ${RULES}`,
  },
  "batch.json": {
    schema: BatchSchema,
    io: "input",
    title: "Batch",
    description: `A registration batch: its window [opensAt, closesAt) and its dates, as defineBatch and BatchSchema accept it (opensAt before closesAt is checked by the library). ${RULES}`,
  },
  "registration.json": {
    schema: RegistrationSchema,
    io: "input",
    title: "Registration",
    description: `A registration as JSON: state, student, batch and history, as parseRegistration reads it (whether the history leads to the state is checked by parseRegistration). ${RULES}`,
  },
  "report.json": {
    schema: ReportSchema,
    io: "output",
    title: "xueli check report",
    description:
      "The JSON report of `xueli check --format json` and of `checkRoster` (xueli-zhuce/roster): the batch, the window of the run (with --at), every student's findings by roster row, the photo folder's files and findings, and the summary (lines read, students and photos checked, counts by code, the sheet read, footer lines skipped, rules skipped for want of a column).",
  },
};

/** A string schema that trims before it checks its minimum length: at least one non-space character. */
function trimsToNonEmpty(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as {
    type: string;
    checks?: { _zod: { def: { check: string; minimum?: number } } }[];
  };
  if (def.type !== "string" || def.checks === undefined) return false;
  const kinds = def.checks.map((c) => c._zod.def);
  const trim = kinds.findIndex((k) => k.check === "overwrite");
  const min = kinds.findIndex((k) => k.check === "min_length" && (k.minimum ?? 0) >= 1);
  return trim >= 0 && min > trim;
}

/** One file's JSON Schema. */
export function jsonSchemaOf(file: SchemaFile, name: string): JsonSchema {
  const generated = z.toJSONSchema(file.schema, {
    target: "draft-2020-12",
    io: file.io,
    // Only the report's params (a custom zod type) are not representable; they are given below.
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema === ReportParamsSchema) ctx.jsonSchema.type = "object";
      if (ctx.zodSchema === isoDateSchema) Object.assign(ctx.jsonSchema, formatsJsonSchema.date);
      if (ctx.zodSchema === instantSchema) Object.assign(ctx.jsonSchema, formatsJsonSchema.instant);
      // `.trim().min(1)`: "  " is refused after trimming; `\S` says it (JS and JSON Schema
      // regexes share the white-space class `trim` removes).
      if (trimsToNonEmpty(ctx.zodSchema)) ctx.jsonSchema.pattern = "\\S";
    },
  }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `https://unpkg.com/xueli-zhuce@${version}/schemas/${name}`,
    title: file.title,
    description: file.description,
    ...rest,
  };
}

/** Every file of schemas/ with its text (2-space JSON and a final newline). */
export function jsonSchemaTexts(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(schemaFiles).map(([name, file]) => [
      name,
      `${JSON.stringify(jsonSchemaOf(file, name), null, 2)}\n`,
    ]),
  );
}
