// Hardening (issue 7): the exports that are not Result-returning validators but promise not to
// throw on data — the guards ("read registrations defensively and never throw"), summarizeBatch
// ("never throws"), the normalizers and the predicates — fed the same hostile values.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import { makeStudent, office, staff } from "../registration/fixtures.js";
import { hostile, mutated, notPolluted, prototypeFingerprint } from "./arbitraries.js";

const RUNS = 300;
const fingerprint = prototypeFingerprint();
const registrationJson = JSON.parse(
  JSON.stringify(api.createRegistration(makeStudent(), api.ucas2022Batch3)),
) as api.Registration;
const events: api.RegistrationEvent[] = [
  { type: "stage", conclusion: "graduation" },
  { type: "stage", conclusion: "completion" },
  { type: "unstage" },
  { type: "submit" },
  { type: "certify", certificateNumber: "144301202202000001" },
];
const registration = fc.oneof(hostile, mutated(registrationJson)) as fc.Arbitrary<api.Registration>;

/** A finding array as guards return it: every entry with a code, severity and message. */
function assertFindings(v: unknown): void {
  expect(Array.isArray(v)).toBe(true);
  for (const f of v as api.Finding[]) {
    expect(typeof f.code).toBe("string");
    expect(["error", "warning"]).toContain(f.severity);
    expect(typeof f.message).toBe("string");
  }
}

describe("hardening: guards, summaries, normalizers and predicates never throw on data", () => {
  afterAll(() => {
    expect(notPolluted()).toBe(true);
    expect(prototypeFingerprint()).toBe(fingerprint);
  });

  it("runs every guard of the registry on hostile and nearly valid registrations (2)", () => {
    fc.assert(
      fc.property(registration, fc.constantFrom(...events), fc.boolean(), (reg, event, byOffice) => {
        // Guards read a typed registration: one that parseRegistration refuses is a programmer
        // error of guardInput's caller (XueliError), never a TypeError.
        let input: api.GuardInput;
        try {
          input = api.guardInput(reg, event, byOffice ? office : staff);
        } catch (e) {
          expect(e).toBeInstanceOf(api.XueliError);
          expect((e as api.XueliError).code).toBe("argument.invalid");
          return;
        }
        for (const [name, guard] of Object.entries(api.guards)) {
          try {
            assertFindings(guard(input));
          } catch (e) {
            throw new Error(`guard ${name} on ${event.type}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
        expect(notPolluted()).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("summarizes any registrations and any batch without throwing (4.1)", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.array(registration, { maxLength: 4 })), (regs) => {
        const s = api.summarizeBatch(regs as unknown[], api.ucas2022Batch3);
        expect(typeof s.total).toBe("number");
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.oneof(hostile, mutated({ ...api.ucas2022Batch3 })), (batch) => {
        expect(typeof api.summarizeBatch([registrationJson], batch as api.Batch).total).toBe("number");
      }),
      { numRuns: RUNS },
    );
  });

  it("normalizes any string: ID numbers and origins", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })), (s) => {
        expect(typeof api.normalizeIdNumber(s)).toBe("string");
        expect(typeof api.normalizeOriginText(s)).toBe("string");
      }),
      { numRuns: RUNS },
    );
  });

  it("answers the predicates with a boolean for anything, and explain with a rule or a XueliError", () => {
    fc.assert(
      fc.property(hostile, (x) => {
        expect(typeof api.isFindingCode(x)).toBe("boolean");
        expect(typeof api.isEventType(x)).toBe("boolean");
        try {
          expect(typeof api.explain(x as api.FindingCode).code).toBe("string");
        } catch (e) {
          expect(e).toBeInstanceOf(api.XueliError);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
