import { describe, expect, it } from "vitest";
import { newCardSnapshot, State } from "./card-snapshot";
import { createScheduler, previewIntervals, Rating, scheduleReview, type Grade } from "./schedule-review";

describe("scheduleReview", () => {
  it("reproduces ts-fsrs's published FSRS-6 reference sequence through our own code", () => {
    // Reference (see README, Scheduling): default parameters, no fuzz, card created 2022-12-29 12:30 UTC,
    // each review at the previous due; Good x6, Again x2, Good x5.
    const scheduler = createScheduler({ desiredRetention: 0.9, enableFuzz: false });
    const ratings: Grade[] = [
      ...Array<Grade>(6).fill(Rating.Good),
      ...Array<Grade>(2).fill(Rating.Again),
      ...Array<Grade>(5).fill(Rating.Good),
    ];
    let snapshot = newCardSnapshot(new Date(Date.UTC(2022, 11, 29, 12, 30)));
    const scheduled: number[] = [];
    for (const rating of ratings) {
      const result = scheduleReview(scheduler, "reference-card", snapshot, rating, new Date(snapshot.due));
      scheduled.push(result.scheduledDays);
      snapshot = result.after;
    }
    expect(scheduled).toEqual([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
  });

  it("uses the 1m and 10m learning steps for a new card", () => {
    const scheduler = createScheduler({ desiredRetention: 0.9 });
    const now = new Date("2026-03-01T10:00:00Z");
    const again = scheduleReview(scheduler, "c1", newCardSnapshot(now), Rating.Again, now);
    expect(again.after.state).toBe(State.Learning);
    expect(new Date(again.after.due).getTime() - now.getTime()).toBe(60_000);
    const good = scheduleReview(scheduler, "c1", newCardSnapshot(now), Rating.Good, now);
    expect(new Date(good.after.due).getTime() - now.getTime()).toBe(10 * 60_000);
  });

  it("relearns a lapsed review card after 10 minutes", () => {
    const scheduler = createScheduler({ desiredRetention: 0.9 });
    let snapshot = newCardSnapshot(new Date("2026-03-01T10:00:00Z"));
    for (const rating of [Rating.Easy, Rating.Good] as Grade[]) {
      snapshot = scheduleReview(scheduler, "c2", snapshot, rating, new Date(snapshot.due)).after;
    }
    expect(snapshot.state).toBe(State.Review);
    const reviewedAt = new Date(snapshot.due);
    const lapse = scheduleReview(scheduler, "c2", snapshot, Rating.Again, reviewedAt);
    expect(lapse.after.state).toBe(State.Relearning);
    expect(lapse.after.lapses).toBe(1);
    expect(new Date(lapse.after.due).getTime() - reviewedAt.getTime()).toBe(10 * 60_000);
  });

  it("schedules further out for a lower desired retention (0.80 vs 0.95)", () => {
    const at = (retention: number) => {
      const scheduler = createScheduler({ desiredRetention: retention, enableFuzz: false });
      let snapshot = newCardSnapshot(new Date("2026-01-01T00:00:00Z"));
      for (let i = 0; i < 4; i++) {
        snapshot = scheduleReview(scheduler, "c3", snapshot, Rating.Good, new Date(snapshot.due)).after;
      }
      return snapshot.scheduledDays;
    };
    expect(at(0.8)).toBeGreaterThan(at(0.95));
  });

  it("shows on each grade button exactly the due date that grade then produces, fuzz included", () => {
    const scheduler = createScheduler({ desiredRetention: 0.9 });
    let snapshot = newCardSnapshot(new Date("2026-01-01T00:00:00Z"));
    for (let i = 0; i < 3; i++) {
      snapshot = scheduleReview(scheduler, "fuzzed", snapshot, Rating.Good, new Date(snapshot.due)).after;
    }
    const shownAt = new Date(new Date(snapshot.due).getTime() + 3 * 3600_000);
    const pressedAt = new Date(shownAt.getTime() + 40_000); // the learner thinks for 40 s
    const preview = previewIntervals(scheduler, "fuzzed", snapshot, shownAt);
    for (const { rating, due } of preview) {
      const actual = scheduleReview(scheduler, "fuzzed", snapshot, rating, shownAt);
      expect(actual.after.due).toBe(due);
    }
    const good = preview.find((p) => p.rating === Rating.Good)!;
    const later = scheduleReview(scheduler, "fuzzed", snapshot, Rating.Good, pressedAt);
    // Pressing 40 s later moves the due date by at most those 40 s, never by a different fuzz draw.
    expect(Math.abs(new Date(later.after.due).getTime() - new Date(good.due).getTime())).toBeLessThanOrEqual(40_000);
  });

  it("fuzzes review intervals differently for different cards", () => {
    const scheduler = createScheduler({ desiredRetention: 0.9 });
    const intervals = new Set<number>();
    for (let i = 0; i < 20; i++) {
      let snapshot = newCardSnapshot(new Date("2026-01-01T00:00:00Z"));
      for (let r = 0; r < 5; r++) {
        snapshot = scheduleReview(scheduler, `card-${i}`, snapshot, Rating.Good, new Date(snapshot.due)).after;
      }
      intervals.add(snapshot.scheduledDays);
    }
    expect(intervals.size).toBeGreaterThan(1);
  });
});
