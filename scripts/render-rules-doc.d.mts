export function renderRulesDoc(
  rules: readonly {
    code: string;
    severity: string;
    clause: string;
    standard?: string;
    title: { "zh-CN": string; en: string };
  }[],
): string;
