/** Seeded PRNG (mulberry32). */
export function rng(seed?: number): () => number;
/** A complete, valid student record (api.md's Student shape). */
export function makeStudent(
  r: () => number,
  i: number,
  options?: { origins?: string[] },
): Record<string, unknown>;
export function makeStudents(
  n: number,
  seed?: number,
  options?: { origins?: string[] },
): Record<string, unknown>[];
/** `n` distinct resident ID numbers, `wrongFraction` of them with a wrong check character. */
export function makeIdNumbers(n: number, wrongFraction?: number, seed?: number): string[];
export function uniqueName(i: number): string;
export function originForms(): string[];
export function tableOriginForms(): string[] | undefined;
