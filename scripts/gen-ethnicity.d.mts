export interface GroupRow {
  code: string;
  name: string;
  romanized?: string;
  letter?: string;
  former?: string;
}
export const sourceUrl: URL;
export const targetUrl: URL;
export function parseGroups(tsv: string): GroupRow[];
export function renderEthnicityModule(tsv: string): string;
