// Writes docs/rules.md from the built catalogue (run after `npm run build`).
// test/rules/rules-doc.test.ts fails when the committed file is stale.
import { writeFileSync } from "node:fs";
import { renderRulesDoc } from "./render-rules-doc.mjs";

const { rules } = await import(new URL("../dist/index.js", import.meta.url).href);
writeFileSync(new URL("../docs/rules.md", import.meta.url), renderRulesDoc(rules));
console.log(`wrote docs/rules.md (${rules.length} codes)`);
