export const ADDED_PROVINCES: readonly { code: string; name: string }[];
export function renderDivisions(
  pca: readonly {
    code: string;
    name: string;
    children?: readonly {
      code: string;
      name: string;
      children?: readonly { code: string; name: string }[];
    }[];
  }[],
  version: string,
): string;
export function renderInstalled(): string;
export const target: string;
