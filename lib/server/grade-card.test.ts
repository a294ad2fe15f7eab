import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { State } from "@/lib/srs";
import type { Database } from "./database";
import { gradeCard, undoReview } from "./grade-card";
import { getStudyQueue } from "./study-queue";
import { updateStudySettings } from "./study-settings";
import { createTestDatabase } from "./test-database";
import { insertDeck, insertUser } from "./test-fixtures";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const at = (iso: string) => new Date(iso);

describe("gradeCard", () => {
  it("records a first answer: creates the card state at version 1 and appends one log row", async () => {
    const [cardId] = await insertDeck(db.prisma, "grade-first", 1);
    const userId = await insertUser(db.prisma);
    const now = at("2026-03-02T10:00:00+09:00");
    const result = await gradeCard(db.prisma, userId, { cardId, rating: 3, expectedVersion: 0, durationMs: 4200 }, now);
    expect(result.ok).toBe(true);
    const state = await db.prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
    expect(state.version).toBe(1);
    expect(state.state).toBe(State.Learning);
    expect(state.due.getTime() - now.getTime()).toBe(10 * 60_000);
    const logs = await db.prisma.reviewLog.findMany({ where: { userId } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ rating: 3, durationMs: 4200, previousState: State.New, scheduledDays: 0 });
    expect((logs[0].stateBefore as { state: number }).state).toBe(State.New);
    expect((logs[0].stateAfter as { due: string }).due).toBe(state.due.toISOString());
  });

  it("rejects a repeated submission of the same card state and records only one answer", async () => {
    const [cardId] = await insertDeck(db.prisma, "grade-double", 1);
    const userId = await insertUser(db.prisma);
    const input = { cardId, rating: 3, expectedVersion: 0, durationMs: 1000 };
    const first = await gradeCard(db.prisma, userId, input);
    const second = await gradeCard(db.prisma, userId, input);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, code: "stale" });
    expect(await db.prisma.reviewLog.count({ where: { userId } })).toBe(1);
  });

  it("lets exactly one of several simultaneous requests for one state win (two tabs, retries)", async () => {
    const [cardId] = await insertDeck(db.prisma, "grade-race", 1);
    const userId = await insertUser(db.prisma);
    await gradeCard(db.prisma, userId, { cardId, rating: 3, expectedVersion: 0, durationMs: 1 });
    const results = await Promise.all(
      [1, 2, 3, 4].map((rating) => gradeCard(db.prisma, userId, { cardId, rating, expectedVersion: 1, durationMs: 1 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "stale")).toHaveLength(3);
    expect(await db.prisma.reviewLog.count({ where: { userId } })).toBe(2);
    const state = await db.prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
    expect(state.version).toBe(2);
  });

  it("refuses bad input with a specific message and records nothing", async () => {
    const [cardId] = await insertDeck(db.prisma, "grade-bad", 1);
    const userId = await insertUser(db.prisma);
    const bad = await gradeCard(db.prisma, userId, { cardId, rating: 7, expectedVersion: 0, durationMs: 1 });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    expect(!bad.ok && bad.message).toMatch(/rating must be 1/);
    const missing = await gradeCard(db.prisma, userId, { cardId: "no-such-card", rating: 3, expectedVersion: 0, durationMs: 1 });
    expect(missing).toMatchObject({ ok: false, code: "not-found" });
    expect(await db.prisma.reviewLog.count({ where: { userId } })).toBe(0);
  });
});

describe("undoReview", () => {
  it("restores the exact previous state, keeps the log row stamped as undone, and works only once", async () => {
    const [cardId] = await insertDeck(db.prisma, "undo-exact", 1);
    const userId = await insertUser(db.prisma);
    const t0 = at("2026-03-02T09:00:00Z");
    await gradeCard(db.prisma, userId, { cardId, rating: 3, expectedVersion: 0, durationMs: 1 }, t0);
    const beforeSecond = await db.prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
    const second = await gradeCard(db.prisma, userId, { cardId, rating: 1, expectedVersion: 1, durationMs: 1 }, at("2026-03-02T09:11:00Z"));
    if (!second.ok) throw new Error(second.message);

    const undone = await undoReview(db.prisma, userId, { reviewLogId: second.reviewLogId });
    expect(undone.ok).toBe(true);
    const restored = await db.prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
    const { version: _v1, updatedAt: _u1, ...restoredFields } = restored;
    const { version: _v2, updatedAt: _u2, ...expectedFields } = beforeSecond;
    expect(restoredFields).toEqual(expectedFields);
    expect(restored.version).toBe(3); // grade, grade, undo: a tab still showing version 2 is now stale
    const log = await db.prisma.reviewLog.findUniqueOrThrow({ where: { id: second.reviewLogId } });
    expect(log.undoneAt).not.toBeNull();

    expect(await undoReview(db.prisma, userId, { reviewLogId: second.reviewLogId })).toMatchObject({ ok: false, code: "stale" });
  });

  it("only undoes the most recent answer", async () => {
    const [a, b] = await insertDeck(db.prisma, "undo-latest", 2);
    const userId = await insertUser(db.prisma);
    const first = await gradeCard(db.prisma, userId, { cardId: a, rating: 3, expectedVersion: 0, durationMs: 1 }, at("2026-03-02T09:00:00Z"));
    await gradeCard(db.prisma, userId, { cardId: b, rating: 3, expectedVersion: 0, durationMs: 1 }, at("2026-03-02T09:00:05Z"));
    if (!first.ok) throw new Error("grade failed");
    expect(await undoReview(db.prisma, userId, { reviewLogId: first.reviewLogId })).toMatchObject({ ok: false, code: "stale" });
  });

  it("puts an undone new card back among today's new cards", async () => {
    await insertDeck(db.prisma, "undo-new", 3);
    const userId = await insertUser(db.prisma);
    const now = at("2026-03-02T10:00:00+09:00");
    const before = await getStudyQueue(db.prisma, userId, { deckId: "undo-new", now });
    const shown = before.card!;
    const graded = await gradeCard(db.prisma, userId, { cardId: shown.cardId, rating: 3, expectedVersion: shown.version, durationMs: 1 }, now);
    if (!graded.ok) throw new Error(graded.message);
    const after = await getStudyQueue(db.prisma, userId, { deckId: "undo-new", now });
    expect(after.counts.new).toBe(before.counts.new - 1);
    await undoReview(db.prisma, userId, { reviewLogId: graded.reviewLogId });
    const again = await getStudyQueue(db.prisma, userId, { deckId: "undo-new", now });
    expect(again.counts).toEqual(before.counts);
    expect(again.card?.cardId).toBe(shown.cardId);
    expect(again.card?.version).toBe(2);
  });
});

describe("getStudyQueue", () => {
  it("shows due learning cards first, then new cards in file order, within the daily new limit", async () => {
    const ids = await insertDeck(db.prisma, "queue-order", 5);
    const userId = await insertUser(db.prisma);
    await updateStudySettings(db.prisma, userId, { newPerDay: 3 });
    const t0 = at("2026-03-02T10:00:00+09:00");
    const first = await getStudyQueue(db.prisma, userId, { deckId: "queue-order", now: t0 });
    expect(first.card?.cardId).toBe(ids[0]);
    expect(first.counts).toMatchObject({ new: 3, learning: 0, review: 0 });
    expect(first.card?.intervals.map((i) => i.label)).toEqual(["1m", "6m", "10m", expect.stringMatching(/d$/)]);

    await gradeCard(db.prisma, userId, { cardId: ids[0], rating: 1, expectedVersion: 0, durationMs: 1 }, t0);
    const t1 = new Date(t0.getTime() + 30_000);
    const next = await getStudyQueue(db.prisma, userId, { deckId: "queue-order", now: t1, excludeCardId: ids[0] });
    expect(next.card?.cardId).toBe(ids[1]);
    expect(next.counts).toMatchObject({ new: 2, learning: 0 });

    const t2 = new Date(t0.getTime() + 61_000); // the 1m step is due
    const later = await getStudyQueue(db.prisma, userId, { deckId: "queue-order", now: t2 });
    expect(later.card).toMatchObject({ cardId: ids[0], kind: "learning" });
    expect(later.counts).toMatchObject({ learning: 1, new: 2, doneToday: 1, againToday: 1 });
  });

  it("resets the daily limits at 04:00 in the learner's zone, not at midnight", async () => {
    const ids = await insertDeck(db.prisma, "queue-rollover", 4);
    const userId = await insertUser(db.prisma);
    await updateStudySettings(db.prisma, userId, { newPerDay: 1, timeZone: "Asia/Seoul" });
    const lateEvening = at("2026-03-02T23:30:00+09:00");
    await gradeCard(db.prisma, userId, { cardId: ids[0], rating: 4, expectedVersion: 0, durationMs: 1 }, lateEvening);
    const afterMidnight = await getStudyQueue(db.prisma, userId, { deckId: "queue-rollover", now: at("2026-03-03T01:30:00+09:00") });
    expect(afterMidnight.counts.new).toBe(0);
    expect(afterMidnight.card).toBeNull();
    expect(afterMidnight.nextDueAt).toBe(at("2026-03-03T04:00:00+09:00").toISOString());
    const morning = await getStudyQueue(db.prisma, userId, { deckId: "queue-rollover", now: at("2026-03-03T04:00:00+09:00") });
    expect(morning.counts.new).toBe(1);
    expect(morning.card?.cardId).toBe(ids[1]);
  });

  it("caps reviews at the daily review limit and shows the earliest-due review first", async () => {
    const ids = await insertDeck(db.prisma, "queue-reviews", 3);
    const userId = await insertUser(db.prisma);
    await updateStudySettings(db.prisma, userId, { newPerDay: 0, reviewsPerDay: 2 });
    const day1 = at("2026-03-02T10:00:00Z");
    for (const id of ids) await gradeCard(db.prisma, userId, { cardId: id, rating: 4, expectedVersion: 0, durationMs: 1 }, day1);
    const states = await db.prisma.cardState.findMany({ where: { userId }, orderBy: { due: "asc" } });
    expect(states.every((s) => s.state === State.Review)).toBe(true);
    const farFuture = new Date(states[2].due.getTime() + 86400_000);
    const queue = await getStudyQueue(db.prisma, userId, { deckId: "queue-reviews", now: farFuture });
    expect(queue.counts.review).toBe(2);
    expect(queue.card).toMatchObject({ cardId: states[0].cardId, kind: "review" });
  });

  it("leaves studied cards out of every count once they are suspended, with or without a deck filter", async () => {
    const ids = await insertDeck(db.prisma, "queue-suspended-studied", 3);
    const userId = await insertUser(db.prisma);
    const t0 = at("2026-03-02T10:00:00Z");
    await gradeCard(db.prisma, userId, { cardId: ids[0], rating: 1, expectedVersion: 0, durationMs: 1 }, t0);
    await gradeCard(db.prisma, userId, { cardId: ids[1], rating: 1, expectedVersion: 0, durationMs: 1 }, t0);
    const later = new Date(t0.getTime() + 5 * 60_000);
    for (const deckId of ["queue-suspended-studied", undefined]) {
      const before = await getStudyQueue(db.prisma, userId, { deckId, now: later });
      expect(before.counts.learning).toBe(2);
    }
    await db.prisma.card.update({ where: { id: ids[0] }, data: { suspendedAt: new Date() } });
    for (const deckId of ["queue-suspended-studied", undefined]) {
      const after = await getStudyQueue(db.prisma, userId, { deckId, now: later });
      expect(after.counts.learning).toBe(1);
      expect(after.card?.cardId).toBe(ids[1]);
    }
  });

  it("never shows suspended cards", async () => {
    const ids = await insertDeck(db.prisma, "queue-suspended", 2);
    const userId = await insertUser(db.prisma);
    await db.prisma.card.update({ where: { id: ids[0] }, data: { suspendedAt: new Date() } });
    const queue = await getStudyQueue(db.prisma, userId, { deckId: "queue-suspended" });
    expect(queue.counts.new).toBe(1);
    expect(queue.card?.cardId).toBe(ids[1]);
  });
});
