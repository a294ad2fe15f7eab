import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { gradeCard } from "./grade-card";
import { moveStudyData } from "./move-study-data";
import { createTestDatabase } from "./test-database";
import { insertDeck, insertUser } from "./test-fixtures";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("moveStudyData", () => {
  it("merges into an account that studied the same card: every log moves, the more recent state wins", async () => {
    const [shared, onlyGuest] = await insertDeck(db.prisma, "merge", 2);
    const guest = await insertUser(db.prisma, "guest");
    const owner = await insertUser(db.prisma, "owner");
    await gradeCard(db.prisma, owner, { cardId: shared, rating: 3, expectedVersion: 0, durationMs: 1 }, new Date("2026-03-01T10:00:00Z"));
    await gradeCard(db.prisma, guest, { cardId: shared, rating: 4, expectedVersion: 0, durationMs: 1 }, new Date("2026-03-05T10:00:00Z"));
    await gradeCard(db.prisma, guest, { cardId: onlyGuest, rating: 3, expectedVersion: 0, durationMs: 1 }, new Date("2026-03-05T10:01:00Z"));
    const guestShared = await db.prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: guest, cardId: shared } } });

    const moved = await moveStudyData(db.prisma, guest, owner);
    expect(moved).toEqual({ states: 2, logs: 2 });
    expect(await db.prisma.reviewLog.count({ where: { userId: owner } })).toBe(3);
    const ownerShared = await db.prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: owner, cardId: shared } } });
    expect(ownerShared.due).toEqual(guestShared.due);
    expect(ownerShared.version).toBeGreaterThan(guestShared.version);
    expect(await db.prisma.cardState.count({ where: { userId: guest } })).toBe(0);
  });
});
