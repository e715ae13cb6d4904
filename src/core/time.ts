/** Every date rule is evaluated in Beijing time, whatever the host's time zone (2.1). */
export const BEIJING = "Asia/Shanghai";

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An instant from a `Date` or an ISO 8601 string **with** an offset (`Z` or `±hh:mm`); `undefined`
 * for anything else, so a time without a zone is never read in the host's zone by accident.
 */
export function toInstant(at: unknown): Date | undefined {
  if (at instanceof Date) return Number.isNaN(at.getTime()) ? undefined : at;
  if (typeof at !== "string") return undefined;
  const m = ISO_INSTANT.exec(at.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(h) > 24 || Number(mi) > 59 || Number(s ?? 0) > 59) {
    return undefined;
  }
  if (!isIsoDate(`${y}-${mo}-${d}`)) return undefined;
  const t = Date.parse(at.trim());
  return Number.isNaN(t) ? undefined : new Date(t);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * True for a real calendar date written `YYYY-MM-DD` (no 1999-02-30), proleptic Gregorian.
 * Plain arithmetic: it runs several times per student and per transition, and a date-fns
 * parse-and-format round trip cost ~30 µs a call (the hottest function of `xueli check`).
 */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== "string" || !ISO_DATE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] as number));
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

// The host's time-zone database through Intl (what @date-fns/tz reads too), made on first use.
let beijingCalendar: Intl.DateTimeFormat | undefined;

/**
 * The Beijing calendar date (`YYYY-MM-DD`) of an instant, from the time-zone database (China's
 * 1986–1991 summer time included). Intl directly rather than date-fns's `format` over a `TZDate`
 * (same answers, years ≤ 0 read as their era's year the same way): those bring ~20 KB into every
 * bundle that checks an ID number (issue 13.2).
 */
export function beijingDate(instant: Date): string {
  beijingCalendar ??= new Intl.DateTimeFormat("en-US", {
    timeZone: BEIJING,
    calendar: "gregory",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  });
  let y = 0;
  let m = 0;
  let d = 0;
  for (const part of beijingCalendar.formatToParts(instant)) {
    if (part.type === "year") y = Number(part.value);
    else if (part.type === "month") m = Number(part.value);
    else if (part.type === "day") d = Number(part.value);
  }
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Today's date in Beijing. */
export function beijingToday(now: Date = new Date()): string {
  return beijingDate(now);
}
