/** A student record as `bench/data.mjs` generates it (api.md's Student shape). */
export type BenchStudent = Record<string, unknown> & {
  studentNumber: string;
  name: string;
  id: { type: string; number: string };
};

/** One roster line (CSV, the status system's Chinese headers) for a generated student. */
export function rosterLine(s: BenchStudent): string;
/** The header line of the generated roster. */
export const rosterHeader: string;

export interface MadeBenchData {
  roster: string;
  photoDir?: string;
  students: number;
  rows: number;
  bytes: number;
}

/** Writes DIR/roster.csv (and DIR/photos/ unless `photos: false`). */
export function makeBenchData(
  dir: string,
  n?: number,
  options?: {
    photos?: boolean;
    origins?: string[];
    targetBytes?: number;
    seed?: number;
    namedBy?: "student-number" | "id-number";
  },
): Promise<MadeBenchData>;
