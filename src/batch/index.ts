export { checkBatch } from "./check.js";
export { type RegistrationForm, validateRegistrationForm } from "./form.js";
export { type BatchSummary, summarizeBatch } from "./summary.js";
