/**
 * The study day turns over at 04:00 in the learner's time zone (Anki's convention): answers given at
 * 01:30 still count for the evening they belong to, and "due today" means "due before the next 04:00".
 */
export const DAY_ROLLOVER_HOUR = 4;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockIn(timeZone: string, instant: Date): WallClock {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Seoul: +9h). */
function offsetAt(timeZone: string, instant: Date): number {
  const wall = wallClockIn(timeZone, instant);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant when the wall clock in `timeZone` shows the given local time. */
function instantOfWallClock(timeZone: string, year: number, month: number, day: number, hour: number): Date {
  const naive = Date.UTC(year, month - 1, day, hour);
  // Two passes settle the offset even when a DST change lies between the naive guess and the answer.
  let guess = naive - offsetAt(timeZone, new Date(naive));
  guess = naive - offsetAt(timeZone, new Date(guess));
  return new Date(guess);
}

/** Start of the study day that `now` falls in. */
export function studyDayStart(now: Date, timeZone: string, rolloverHour = DAY_ROLLOVER_HOUR): Date {
  const wall = wallClockIn(timeZone, now);
  const calendarDay = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  if (wall.hour < rolloverHour) calendarDay.setUTCDate(calendarDay.getUTCDate() - 1);
  return instantOfWallClock(
    timeZone,
    calendarDay.getUTCFullYear(),
    calendarDay.getUTCMonth() + 1,
    calendarDay.getUTCDate(),
    rolloverHour,
  );
}

/** Start of the study day after the one `now` falls in: the moment "today's" limits reset. */
export function nextStudyDayStart(now: Date, timeZone: string, rolloverHour = DAY_ROLLOVER_HOUR): Date {
  const start = studyDayStart(now, timeZone, rolloverHour);
  const wall = wallClockIn(timeZone, start);
  const next = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
  return instantOfWallClock(timeZone, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), rolloverHour);
}

/** The study day's calendar date (YYYY-MM-DD) in the learner's zone, e.g. for grouping reviews by day. */
export function studyDayKey(instant: Date, timeZone: string, rolloverHour = DAY_ROLLOVER_HOUR): string {
  const wall = wallClockIn(timeZone, studyDayStart(instant, timeZone, rolloverHour));
  return `${wall.year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
}
