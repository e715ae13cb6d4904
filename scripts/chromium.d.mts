/** The system Chromium's executable (`XUELI_CHROMIUM`, else /usr/bin/chromium). */
export const CHROMIUM: string;
/** Headless, no sandbox, nothing that phones home. */
export const CHROMIUM_ARGS: string[];
