// Types of scripts/gen-division-editions.mjs, for the tests that import it.
export const DATA_DIR: string;
export const DEFAULT_CACHE: string;
/** The data module of the origin rules, relative to the repository. */
export const MODULE: string;
/** Renders every output file: path relative to the repository → content. */
export function renderAll(extracts?: ReadonlyMap<string, string>): Map<string, string>;
/** The written origin of a code in a table of codes. */
export function fullForm(table: ReadonlyMap<string, string>, code: string): string;
/** The compact per-province strings of src/fields/origin/divisions.data.ts. */
export function compactLines(table: ReadonlyMap<string, string>): string[];
