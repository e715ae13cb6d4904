// The roster's rows as the CLI's checks take them: the one column mapping lives in the package
// (src/roster/, `xueli-zhuce/roster`), shared with `readRoster` and the browser page.
export type { RosterStudent, RosterUnreadableRow } from "../../roster/index.js";
