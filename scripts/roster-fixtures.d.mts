/** The check characters of GB 11643-1999, indexed by the weighted sum mod 11. */
export const CHECK: string;
/** The GB 11643-1999 check character of a 17-digit body. */
export function checkChar(body: string): string;
/** A generated resident number; the sequence's parity is adjusted to the sex. */
export function residentId(region: string, birth: string, seq: number, male: boolean): string;
/** The same number with another check character, `step` places further (1–10). */
export function withWrongCheck(id: string, step?: number): string;
/** The roster template's headers (docs/roster.md). */
export const rosterHeaders: readonly string[];
/** A CSV cell, quoted where it needs it. */
export function csvCell(v: unknown): string;
/** The study record of a student who may graduate. */
export function passingStudy(): {
  creditsComplete: true;
  requiredSegmentsComplete: true;
  thesisComplete: true;
  defense: "passed";
  defenseDate: string;
  withinMaxStudyPeriod: true;
  degreeCertificateExpected: true;
};
