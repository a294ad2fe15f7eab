import "server-only";
import { z } from "zod";
import { createScheduler, newCardSnapshot, Rating, scheduleReview, type CardSnapshot, type Grade } from "@/lib/srs";
import { rowFromSnapshot, snapshotFromRow } from "./card-state-row";
import { Prisma, type PrismaClient } from "./generated/prisma/client";
import { getStudySettings } from "./study-settings";

export const gradeInputSchema = z.object({
  cardId: z.string().min(1, "cardId is required").max(200),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
    error: "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)",
  }),
  /** The card-state version the learner was shown. */
  expectedVersion: z.number().int().min(0),
  /** Time from showing the question to grading; clamped to 1 hour so a forgotten tab does not skew stats. */
  durationMs: z.number().int().min(0).transform((ms) => Math.min(ms, 3_600_000)),
});
export type GradeInput = z.input<typeof gradeInputSchema>;

export type StudyFailure =
  | { ok: false; code: "invalid"; message: string }
  | { ok: false; code: "not-found"; message: string }
  | { ok: false; code: "stale"; message: string };

export type GradeResult = { ok: true; reviewLogId: string; after: CardSnapshot; version: number } | StudyFailure;

/** Thrown inside a transaction to roll it back; turned into a typed result outside. */
class StaleStateError extends Error {}

const STALE_GRADE =
  "This card was already answered (another tab, or a repeated click). Nothing was recorded twice; the queue has been refreshed.";

/**
 * Records one answer: appends to the review log and moves the card's state forward, in one transaction.
 * Idempotent by version: the request names the state version it was shown, and only one request per
 * version can win, so a double click, a retried request or a second tab never records two answers.
 */
export async function gradeCard(prisma: PrismaClient, userId: string, input: unknown, now = new Date()): Promise<GradeResult> {
  const parsed = gradeInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", message: parsed.error.issues[0]?.message ?? "invalid grade" };
  const { cardId, rating, expectedVersion, durationMs } = parsed.data;

  const card = await prisma.card.findUnique({ where: { id: cardId }, select: { id: true, suspendedAt: true } });
  if (!card || card.suspendedAt) return { ok: false, code: "not-found", message: `Card ${cardId} is not in any active deck.` };
  const settings = await getStudySettings(prisma, userId);
  const scheduler = createScheduler({ desiredRetention: settings.desiredRetention });

  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
      if ((row?.version ?? 0) !== expectedVersion) throw new StaleStateError();
      const before = row ? snapshotFromRow(row) : newCardSnapshot(now);
      const result = scheduleReview(scheduler, cardId, before, rating as Grade, now);
      const version = expectedVersion + 1;
      if (row) {
        // The version in the WHERE clause is what makes two concurrent requests unable to both win.
        const { count } = await tx.cardState.updateMany({
          where: { userId, cardId, version: expectedVersion },
          data: { ...rowFromSnapshot(result.after), version },
        });
        if (count !== 1) throw new StaleStateError();
      } else {
        await tx.cardState.create({ data: { userId, cardId, ...rowFromSnapshot(result.after), version } });
      }
      const log = await tx.reviewLog.create({
        data: {
          userId,
          cardId,
          rating,
          previousState: before.state,
          reviewedAt: now,
          elapsedDays: result.elapsedDays,
          scheduledDays: result.scheduledDays,
          durationMs,
          stateBefore: before as unknown as Prisma.InputJsonValue,
          stateAfter: result.after as unknown as Prisma.InputJsonValue,
        },
      });
      return { ok: true as const, reviewLogId: log.id, after: result.after, version };
    });
  } catch (error) {
    if (error instanceof StaleStateError || isUniqueViolation(error)) return { ok: false, code: "stale", message: STALE_GRADE };
    throw error;
  }
}

export const undoInputSchema = z.object({ reviewLogId: z.string().min(1).max(100) });

export type UndoResult = { ok: true; cardId: string; restored: CardSnapshot } | StudyFailure;

/**
 * Takes back the learner's last answer: the card's state returns exactly to what it was before, and the
 * log row is stamped `undoneAt` (kept, not deleted). Only the most recent answer can be undone, and only
 * once; the request names it so a repeated U press cannot undo the answer before it.
 */
export async function undoReview(prisma: PrismaClient, userId: string, input: unknown, now = new Date()): Promise<UndoResult> {
  const parsed = undoInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", message: "reviewLogId is required" };
  try {
    return await prisma.$transaction(async (tx) => {
      const latest = await tx.reviewLog.findFirst({
        where: { userId, undoneAt: null },
        orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      });
      if (!latest || latest.id !== parsed.data.reviewLogId) throw new StaleStateError();
      const before = latest.stateBefore as unknown as CardSnapshot;
      const { count } = await tx.reviewLog.updateMany({ where: { id: latest.id, undoneAt: null }, data: { undoneAt: now } });
      if (count !== 1) throw new StaleStateError();
      await tx.cardState.update({
        where: { userId_cardId: { userId, cardId: latest.cardId } },
        data: { ...rowFromSnapshot(before), version: { increment: 1 } },
      });
      return { ok: true as const, cardId: latest.cardId, restored: before };
    });
  } catch (error) {
    if (error instanceof StaleStateError) {
      return { ok: false, code: "stale", message: "That answer was already undone, or a newer answer came after it." };
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export { Rating };
