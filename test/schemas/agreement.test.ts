import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatsJsonSchema, instantSchema, isoDateSchema } from "../../src/entities/formats.js";
import {
  batches,
  createRegistration,
  type Registration,
  RegistrationSchema,
  StudentSchema,
  transition,
  ucas2022Batch3,
} from "../../src/index.js";
import { readRoster } from "../../src/roster/index.js";
import { mutated } from "../hardening/arbitraries.js";
import { draft2020, errorsAgainst, rfc3339FullDate } from "../helpers/json-schema.js";
import { makeStudent } from "../registration/fixtures.js";

/*
 * The shipped JSON Schemas (schemas/*.json, draft 2020-12) read by a validator that knows nothing
 * of zod — ajv here, as networknt's json-schema-validator or python's jsonschema would on a Java
 * or Python platform (issue 13.3): the example roster's students and a registration validate, and
 * on generated records the JSON Schema of a student and `StudentSchema` accept and refuse the same.
 */

const check = Object.fromEntries(
  ["student.json", "batch.json", "registration.json"].map((n) => [n, errorsAgainst(n)]),
) as Record<string, (data: unknown) => string[]>;
const valid = (name: string, data: unknown) => (check[name] as (data: unknown) => string[])(data);

/** Plain JSON data, as a platform would send it (undefined, functions, NaN … become what JSON makes of them). */
function asJson(v: unknown): unknown {
  try {
    const text = JSON.stringify(v);
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined; // BigInt, cycles: not JSON at all
  }
}

describe("the example roster's students against schemas/student.json (13.3)", () => {
  it("every student the roster reader builds from examples/roster.csv validates, as with StudentSchema", async () => {
    const bytes = readFileSync(new URL("../../examples/roster.csv", import.meta.url));
    const r = await readRoster(new Uint8Array(bytes));
    expect(r.ok).toBe(true);
    const students = r.value?.students ?? [];
    expect(students).toHaveLength(20);
    for (const s of students) {
      expect(valid("student.json", asJson(s.input)), `row ${s.row}`).toEqual([]);
      expect(StudentSchema.safeParse(s.input).success, `row ${s.row}`).toBe(true);
    }
  });
});

describe("batches and registrations against schemas/batch.json and registration.json (13.3)", () => {
  it("the batch presets validate; a batch without its window does not", () => {
    for (const b of Object.values(batches)) expect(valid("batch.json", asJson(b))).toEqual([]);
    const { closesAt: _, ...open } = ucas2022Batch3;
    expect(valid("batch.json", open)).toEqual([" must have required property 'closesAt'"]);
    expect(valid("batch.json", { ...ucas2022Batch3, opensAt: "2022-05-18 08:00" })).toEqual([
      `/opensAt must match pattern "${formatsJsonSchema.instant.pattern}"`,
    ]);
  });

  it("a staged then submitted registration, stored as JSON, validates; a wrong state does not", () => {
    const at = { at: "2022-06-01T10:00:00+08:00", actor: "unit-staff" } as const;
    let reg: Registration = createRegistration(makeStudent(), ucas2022Batch3);
    for (const event of [{ type: "stage", conclusion: "graduation" }, { type: "submit" }] as const) {
      const r = transition(reg, event, at);
      expect(r.ok, JSON.stringify(r.findings)).toBe(true);
      reg = r.value as Registration;
    }
    const stored = asJson(reg);
    expect(valid("registration.json", stored)).toEqual([]);
    expect(RegistrationSchema.safeParse(stored).success).toBe(true);
    expect(valid("registration.json", { ...(stored as object), state: "approved" })).toEqual([
      "/state must be equal to one of the allowed values",
    ]);
  });
});

// Records near a valid student: each field mostly valid, else wrong in type or wrong in the ways
// a JSON Schema can and cannot see (a 30 February, a blank student number, a year out of range).
const WRONG_TYPE = [null, 1, "x", true, [], {}] as const;
/** Mostly `ok`, sometimes one of `near` (valid or not), sometimes a value of the wrong type. */
const field = (ok: fc.Arbitrary<unknown>, ...near: unknown[]) =>
  fc.oneof(
    { weight: 20, arbitrary: ok },
    ...(near.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...near) }] : []),
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...WRONG_TYPE) },
  );
const date = field(
  fc.constant("2022-05-20"),
  "2020-02-29",
  "2021-02-29",
  "1999-02-30",
  "2022-13-01",
  "2022-5-20",
  "",
);
const nearStudent = fc
  .record(
    {
      studentNumber: field(fc.constant("2019E8012345001"), "", " ", "\u3000", " 1 ", "\uFEFF"),
      name: field(fc.constant("测试甲"), "", " "),
      sex: field(fc.constantFrom("male", "female"), "男", "Male"),
      ethnicity: field(fc.constant("汉族"), "01", 1, 97, 1.5),
      id: field(
        fc.record({
          type: field(fc.constantFrom("resident", "passport"), "ID"),
          number: field(fc.constant("11010819980512168X"), ""),
        }),
      ),
      degreeLevel: field(fc.constantFrom("master", "doctor"), "bachelor"),
      trainingUnit: field(fc.constant("测试研究所"), "", "  "),
      admissionYear: field(fc.constant(2019), 1950, 2100, 1949, 2101, 2019.5, "2019"),
      origin: field(
        fc.record({ value: field(fc.constant("北京市海淀区"), ""), reviewed: field(fc.boolean()) }),
      ),
      photo: field(fc.record({ uploaded: field(fc.boolean()), fileName: field(fc.constant("a.jpg")) })),
      study: field(
        fc.record(
          {
            creditsComplete: field(fc.boolean()),
            requiredSegmentsComplete: field(fc.boolean()),
            thesisComplete: field(fc.boolean()),
            defense: field(fc.constantFrom("passed", "failed", "pending"), "done"),
            defenseDate: date,
            withinMaxStudyPeriod: field(fc.boolean()),
          },
          { requiredKeys: ["creditsComplete", "requiredSegmentsComplete", "thesisComplete", "defense"] },
        ),
      ),
      changes: field(
        fc.record(
          {
            name: field(
              fc.record({
                former: field(fc.constant("测试乙")),
                changedOn: date,
                evidence: field(fc.constant(["police-certificate"]), ["photo"]),
              }),
            ),
            programOrUnit: field(fc.record({ approvedOn: date })),
          },
          { requiredKeys: [] },
        ),
      ),
      extra: fc.constantFrom<unknown>("kept out", 1),
    },
    {
      requiredKeys: [
        "studentNumber",
        "name",
        "sex",
        "id",
        "degreeLevel",
        "trainingUnit",
        "admissionYear",
        "photo",
        "study",
      ],
    },
  )
  .map(asJson);

describe("schemas/student.json and StudentSchema agree on shape (13.3)", () => {
  const agree = (record: unknown) => {
    let zod: boolean;
    try {
      zod = StudentSchema.safeParse(record).success;
    } catch {
      // zod reads `length` of any object where it wants a string ({"length":{"toString":0}} throws):
      // validateStudent refuses such a record as schema.invalid (unreadable), so it is a refusal.
      zod = false;
    }
    const json = valid("student.json", record);
    expect(
      json.length === 0,
      `zod ${zod ? "accepts" : "refuses"}, JSON Schema says ${JSON.stringify(json)}`,
    ).toBe(zod);
    return zod;
  };

  it("accept and refuse the same records near a valid student (a 30 February, a blank number, a year out of range)", () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(nearStudent, (record) => {
        if (agree(record)) accepted++;
        else refused++;
      }),
      { numRuns: 2000 },
    );
    // Both sides of the agreement were exercised.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(200);
  });

  it("accept and refuse the same hostile mutations of a valid student (arbitraries of the hardening tests)", () => {
    const base = asJson(makeStudent());
    fc.assert(
      fc.property(mutated(base).map(asJson), (record) => {
        agree(record);
      }),
      { numRuns: 1000 },
    );
  });

  it("the check can fail: a schema without the date format would accept 1999-02-30", () => {
    const record = asJson(makeStudent({ study: { ...makeStudent().study, defenseDate: "1999-02-30" } }));
    expect(StudentSchema.safeParse(record).success).toBe(false);
    expect(valid("student.json", record)).toEqual(['/study/defenseDate must match format "date"']);
    expect(errorsAgainst("student.json", draft2020({ formats: false }))(record)).toEqual([]);
  });
});

describe("the formats' JSON Schema against the library's formats (13.3)", () => {
  const digits = (n: number) =>
    fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
  const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
  const dateLike = fc
    .tuple(digits(4), fc.oneof(digits(2), digits(1)), fc.oneof(digits(2), digits(1)))
    .map(([y, m, d]) => `${y}-${m}-${d}`);
  const nearDate = fc
    .tuple(fc.integer({ min: 1000, max: 9999 }), two(13), two(32))
    .map(([y, m, d]) => `${y}-${m}-${d}`);

  it("a date: pattern and format `date` accept exactly what isoDateSchema accepts (no 1999-02-30)", () => {
    const pattern = new RegExp(formatsJsonSchema.date.pattern, "u");
    fc.assert(
      fc.property(
        fc.oneof(
          dateLike,
          nearDate,
          fc.constantFrom("2000-02-29", "1900-02-29", "0000-01-01", " 2022-05-20"),
        ),
        (s) => {
          expect(pattern.test(s) && rfc3339FullDate(s), s).toBe(isoDateSchema.safeParse(s).success);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("an instant: the pattern accepts every instant instantSchema accepts (it says the shape, not the calendar)", () => {
    const pattern = new RegExp(formatsJsonSchema.instant.pattern, "u");
    const instantLike = fc
      .tuple(
        fc.oneof({ weight: 4, arbitrary: nearDate }, { weight: 1, arbitrary: dateLike }),
        fc.constantFrom("T", "T", "T", " ", "t"),
        fc.oneof(two(26), digits(1)),
        two(61),
        fc.option(fc.tuple(two(61), fc.option(digits(3)))),
        fc.constantFrom("Z", "+08:00", "+0800", "-05:30", "", "+8", "z"),
        fc.constantFrom("", "", " ", "\n"),
      )
      .map(([date, t, h, mi, s, zone, pad]) => {
        const sec = s === null ? "" : `:${s[0]}${s[1] === null ? "" : `.${s[1]}`}`;
        return `${pad}${date}${t}${h}:${mi}${sec}${zone}${pad}`;
      });
    let accepted = 0;
    fc.assert(
      fc.property(instantLike, (s) => {
        if (instantSchema.safeParse(s).success) {
          accepted++;
          expect(pattern.test(s), s).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(50);
    // What the pattern cannot tell: a 30 February at a valid time.
    expect(pattern.test("2022-02-30T10:00:00+08:00")).toBe(true);
    expect(instantSchema.safeParse("2022-02-30T10:00:00+08:00").success).toBe(false);
  });
});
