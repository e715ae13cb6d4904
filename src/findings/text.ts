import type { Path } from "../core/result.js";
import type { FindingCode, FindingParams } from "./params.js";

/** What a message function may read besides the params: where the finding is. */
export interface MessageContext {
  path: Readonly<Path>;
}

/**
 * One code's text in one locale: a short title and, where params help, a message built from them.
 * The message function is typed by the code's params. It may return `undefined` for params it has
 * nothing special to say about: the generic form (title + expected / received / suggestion) is used
 * then.
 */
export type Text<C extends FindingCode> = TextFor<FindingParams[C]>;

/** One code's text, for params of shape `P`. */
export interface TextFor<P> {
  title: string;
  message?: (params: P, context: MessageContext) => string | undefined;
}

/** A locale table: every code must have its text, typed by its params, or the table does not compile. */
export type LocaleTable = LocaleTableOf<FindingParams>;

/** A locale table for a params map: one text per code of `M`, its message typed by that code's params. */
export type LocaleTableOf<M> = { readonly [C in keyof M]: TextFor<M[C]> };

/** The texts of some codes `C` in one locale (a part of a `LocaleTable`, for `findingIn`). */
export type TextsOf<C extends FindingCode> = { readonly [K in C]: Text<K> };
