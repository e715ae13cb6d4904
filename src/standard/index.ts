import type { Student, StudentInput } from "../entities/student.js";
import { validateIdNumber } from "../fields/id/index.js";
import { validateName } from "../fields/name/index.js";
import { type Origin, type OriginOptions, validateOrigin } from "../fields/origin/index.js";
import { validateStudent } from "../fields/student/index.js";
import type { Finding, Locale, LocaleOptions, Result } from "../findings/index.js";

/*
 * Standard Schema v1 (https://standardschema.dev, issue 13.4): the interface that form and API
 * libraries (react-hook-form, TanStack Form, tRPC, Hono's validators …) accept in place of a zod or
 * valibot schema. The validators already return findings with a localized message and a path; here
 * they are given the `~standard` shape. The interfaces below are the spec's own, copied as the spec
 * asks of libraries, so the package needs no dependency for them (a type test holds them equal to
 * `@standard-schema/spec`).
 */

/** The issues of a failed validation: the error findings themselves (code, clause, params, message, path). */
export type StandardIssue = Finding;

/** What `~standard.validate` returns: the value on success, else the error findings as issues. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> };

/** The options a Standard Schema consumer may pass: `libraryOptions.locale` picks the messages' language. */
export interface StandardValidateOptions {
  /** `{ locale: "en" }` renders this call's messages in English (default: the schema's locale). */
  readonly libraryOptions?: Record<string, unknown> | undefined;
}

/** The `~standard` property of a Standard Schema v1. */
export interface StandardProps<Input, Output> {
  /** The version of the Standard Schema spec: 1. */
  readonly version: 1;
  /** Who made the schema: `"xueli-zhuce"`. */
  readonly vendor: string;
  /** Validates a value: synchronous, never throws on bad data. */
  readonly validate: (
    value: unknown,
    options?: StandardValidateOptions | undefined,
  ) => StandardResult<Output>;
  /** Types only (never set at run time): what `StandardSchemaV1.InferInput` / `InferOutput` read. */
  readonly types?: { readonly input: Input; readonly output: Output } | undefined;
}

/** A Standard Schema v1 whose input is `Input` and whose value on success is `Output`. Always synchronous. */
export interface StandardSchema<Input = unknown, Output = Input> {
  readonly "~standard": StandardProps<Input, Output>;
}

/** Options of `toStandardSchema`: the validator's own options, and what to give on success. */
export type ToStandardSchemaOptions<O, T, Out> = O & {
  /** The schema's value on success, from the validator's value (default: that value itself). */
  output?: (value: T) => Out;
};

/**
 * Gives a validator of this package the Standard Schema v1 shape, for form and API libraries. Its
 * issues are the validator's error findings: the message in the locale of `options.locale` (zh-CN by
 * default; a consumer's `libraryOptions.locale` overrides it per call), the path, and the finding's
 * `code`, `clause` and `params`. Warnings do not fail a Standard Schema: a result with warnings only
 * is a success. Synchronous, never throws on bad data (a non-string is a finding like any other).
 * @example
 * const idNumber = toStandardSchema(validateIdNumber, { locale: "en", output: (f) => f.normalized });
 * idNumber["~standard"].validate("11010819980512168x") //=> { value: "11010819980512168X" }
 * idNumber["~standard"].validate("110108199805121681")
 * //=> { issues: [{ code: "id.checksum", clause: "3.1", path: [], params: { expected: "X", received: "1" },
 * //     message: "The ID number's check character is wrong (expected X; received 1)", severity: "error" }] }
 */
export function toStandardSchema<I, T, O extends LocaleOptions = LocaleOptions, Out = T>(
  validate: (input: I, options?: O) => Result<T>,
  options?: ToStandardSchemaOptions<O, T, Out>,
): StandardSchema<I, Out> {
  const { output, ...own } = options ?? ({} as ToStandardSchemaOptions<O, T, Out>);
  const base = own as unknown as O;
  return {
    "~standard": {
      version: 1,
      vendor: "xueli-zhuce",
      validate(value, standardOptions) {
        const locale = standardOptions?.libraryOptions?.locale;
        const r = validate(value as I, locale === undefined ? base : { ...base, locale: locale as Locale });
        if (!r.ok) return { issues: r.findings.filter((f) => f.severity === "error") };
        return { value: output === undefined ? (r.value as unknown as Out) : output(r.value) };
      },
    },
  };
}

/**
 * Ready-made Standard Schemas of the field validators, for forms and APIs. [decision] A field's
 * schema gives the field's normalized text on success (what a form field holds: `idNumber` gives
 * `"11010819980512168X"` for `"11010819980512168x"`), `student` gives the parsed `Student`. For
 * the facts (birth date, region code …), a batch or another locale, make one with
 * `toStandardSchema(validateIdNumber, { … })`. Importing `standard` brings every validator it holds
 * into a bundle; `toStandardSchema` over one validator brings only that one.
 * @example
 * const r = standard.idNumber["~standard"].validate("110108199805121681");
 * r.issues?.[0]?.message //=> "身份证号码校验码不正确（应为 X；收到 1）"
 * r.issues?.[0]?.code //=> "id.checksum"
 */
export const standard: {
  /** A student record (`validateStudent`): input `StudentInput`, value the parsed `Student`. */
  readonly student: StandardSchema<StudentInput, Student>;
  /** An identity document number (`validateIdNumber`): value the normalized number. */
  readonly idNumber: StandardSchema<string, string>;
  /** A name (`validateName`): value the normalized name. */
  readonly name: StandardSchema<string, string>;
  /** An origin, 生源地 (`validateOrigin`): value the normalized three-level name. */
  readonly origin: StandardSchema<string, string>;
} = {
  student: /* @__PURE__ */ toStandardSchema<StudentInput, Student>(validateStudent),
  idNumber: /* @__PURE__ */ toStandardSchema(validateIdNumber, { output: (facts) => facts.normalized }),
  name: /* @__PURE__ */ toStandardSchema(validateName, { output: (facts) => facts.normalized }),
  origin: /* @__PURE__ */ toStandardSchema<string, Origin, OriginOptions, string>(validateOrigin, {
    output: (origin) => origin.normalized,
  }),
};
