import { TZDate } from "@date-fns/tz";
import { format, isValid, parse } from "date-fns";

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

/** True for a real calendar date written `YYYY-MM-DD` (no 1999-02-30). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== "string" || !ISO_DATE.test(s)) return false;
  const d = parse(s, "yyyy-MM-dd", new Date(2000, 0, 1));
  return isValid(d) && format(d, "yyyy-MM-dd") === s;
}

/** The Beijing calendar date (`YYYY-MM-DD`) of an instant. */
export function beijingDate(instant: Date): string {
  return format(new TZDate(instant.getTime(), BEIJING), "yyyy-MM-dd");
}

/** Today's date in Beijing. */
export function beijingToday(now: Date = new Date()): string {
  return beijingDate(now);
}

/** Midnight in Beijing at the start of a `YYYY-MM-DD` date, as an instant. */
export function beijingStartOf(date: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, BEIJING).getTime());
}
