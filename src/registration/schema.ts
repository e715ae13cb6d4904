import * as z from "zod/mini";
import { conclusions, roles, states } from "../core/vocabulary.js";
import { BatchSchema } from "../entities/batch.js";
import { instantSchema } from "../entities/formats.js";
import { ConclusionSchema, StudentSchema } from "../entities/student.js";

/** An event of the machine as JSON (2, 3.3). */
export const RegistrationEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("stage"), conclusion: z.enum(conclusions) }),
  z.object({ type: z.literal("unstage") }),
  z.object({ type: z.literal("submit") }),
  z.object({ type: z.literal("certify"), certificateNumber: z.string() }),
  z.object({ type: z.literal("edit-origin"), value: z.string() }),
  z.object({ type: z.literal("review-origin") }),
  z.object({ type: z.literal("withdraw-origin-review") }),
]);

/** One history entry as JSON. */
export const HistoryEntrySchema = z.object({
  event: RegistrationEventSchema,
  from: z.enum(states),
  to: z.enum(states),
  at: instantSchema,
  actor: z.enum(roles),
});

/**
 * The shape of a registration as JSON: unknown keys are dropped, the student and the batch are
 * parsed by their own schemas. Whether the history leads to the state is checked by
 * `parseRegistration`, not by the schema. `z.output<typeof RegistrationSchema>` is `Registration`
 * (a type test holds them equal).
 * @example
 * RegistrationSchema.safeParse(JSON.parse(JSON.stringify(staged))).success //=> true
 * RegistrationSchema.safeParse({ ...staged, state: "archived" }).success //=> false
 */
export const RegistrationSchema = z.object({
  state: z.enum(states),
  student: StudentSchema,
  batch: BatchSchema,
  conclusion: z.optional(ConclusionSchema),
  certificateNumber: z.optional(z.string()),
  history: z.array(HistoryEntrySchema),
});
