import { describe, expect, it } from "vitest";
import { isValidTimeZone, nextStudyDayStart, studyDayKey, studyDayStart } from "./study-day";

describe("study day", () => {
  it("counts 01:30 in Seoul as part of the previous evening's day", () => {
    const lateNight = new Date("2026-03-10T01:30:00+09:00");
    expect(studyDayStart(lateNight, "Asia/Seoul").toISOString()).toBe(new Date("2026-03-09T04:00:00+09:00").toISOString());
    expect(studyDayKey(lateNight, "Asia/Seoul")).toBe("2026-03-09");
    expect(nextStudyDayStart(lateNight, "Asia/Seoul").toISOString()).toBe(new Date("2026-03-10T04:00:00+09:00").toISOString());
  });

  it("starts a new day at exactly 04:00 local time", () => {
    const justBefore = new Date("2026-03-10T03:59:59+09:00");
    const atFour = new Date("2026-03-10T04:00:00+09:00");
    expect(studyDayKey(justBefore, "Asia/Seoul")).toBe("2026-03-09");
    expect(studyDayKey(atFour, "Asia/Seoul")).toBe("2026-03-10");
    expect(studyDayStart(atFour, "Asia/Seoul").getTime()).toBe(atFour.getTime());
  });

  it("uses the learner's own zone: the same instant is a different study day in Seoul and New York", () => {
    const instant = new Date("2026-06-01T20:00:00Z"); // 05:00 on June 2 in Seoul, 16:00 on June 1 in New York
    expect(studyDayKey(instant, "Asia/Seoul")).toBe("2026-06-02");
    expect(studyDayKey(instant, "America/New_York")).toBe("2026-06-01");
  });

  it("handles daylight-saving changes: the day before a spring-forward night is 23 hours long", () => {
    // US DST began 2026-03-08 at 02:00 local.
    const saturday = new Date("2026-03-07T12:00:00-05:00");
    const start = studyDayStart(saturday, "America/New_York");
    const next = nextStudyDayStart(saturday, "America/New_York");
    expect(start.toISOString()).toBe(new Date("2026-03-07T04:00:00-05:00").toISOString());
    expect(next.toISOString()).toBe(new Date("2026-03-08T04:00:00-04:00").toISOString());
    expect((next.getTime() - start.getTime()) / 3600_000).toBe(23);
  });

  it("rejects unknown zones", () => {
    expect(isValidTimeZone("Asia/Seoul")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
