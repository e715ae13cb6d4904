import { XueliError } from "../core/error.js";
import { toInstant } from "../core/time.js";
import { type LocaleOptions, resolveLocale, show } from "../findings/index.js";
import { type Role, roles, type TransitionContext } from "./types.js";

/**
 * A transition context once checked: the instant, the text recorded in the history (the caller's
 * ISO string trimmed, or the Date's ISO form), the actor and the locale in force.
 */
export interface ResolvedContext {
  at: Date;
  atText: string;
  actor: Role;
  options: LocaleOptions;
}

/**
 * Checks a `TransitionContext` for the state machine (2) and the origin workflow (3.3): the one
 * implementation both use. The context is the caller's code, not data: a bad one is a programmer
 * error (`XueliError` `context.invalid`, `context.at`, `context.actor`, `locale.unknown`).
 * The locale is `options.locale` when given, else `context.locale`, else the default.
 *
 * Imports only the core, i18n and `./types`, so that `origin/workflow` can use it without an
 * import cycle between `origin` and `registration`.
 *
 * @example
 * resolveContext({ at: "2022-06-01T10:00:00+08:00", actor: "unit-staff" })
 * //=> { at: new Date("2022-06-01T02:00:00Z"), atText: "2022-06-01T10:00:00+08:00", actor: "unit-staff",
 * //     options: { locale: "zh-CN" } }
 */
export function resolveContext(context: unknown, options?: LocaleOptions): ResolvedContext {
  if (typeof context !== "object" || context === null) {
    throw new XueliError("context.invalid", "context must be an object { at, actor }");
  }
  const c = context as Partial<TransitionContext>;
  const at = toInstant(c.at);
  if (at === undefined) {
    throw new XueliError(
      "context.at",
      `context.at must be a valid Date or an ISO 8601 string with an offset, got ${show(c.at)}`,
    );
  }
  if (typeof c.actor !== "string" || !(roles as readonly string[]).includes(c.actor)) {
    throw new XueliError(
      "context.actor",
      `context.actor must be one of ${roles.join(", ")}, got ${show(c.actor)}`,
    );
  }
  const locale = resolveLocale(
    options?.locale !== undefined ? options : c.locale !== undefined ? { locale: c.locale } : undefined,
  );
  return {
    at,
    atText: typeof c.at === "string" ? c.at.trim() : at.toISOString(),
    actor: c.actor as Role,
    options: { locale },
  };
}
