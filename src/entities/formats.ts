import { z } from "zod";
import { isIsoDate, toInstant } from "../core/time.js";

/**
 * The two string formats of the entities. A refused value gives a `custom` zod issue whose
 * `params.expected` names the format, so that `schema.invalid` can say what was expected in each
 * locale's words.
 */

/** A calendar date `YYYY-MM-DD` (no 1999-02-30). */
export const isoDateSchema = z.string().refine(isIsoDate, { params: { expected: "date" } });

/** An instant: ISO 8601 with an offset (`Z` or `±hh:mm`), never read in the host's zone. */
export const instantSchema = z.string().refine((s) => toInstant(s) !== undefined, {
  params: { expected: "instant" },
});
