"use server";

import { z } from "zod";
import { getPrisma } from "@/lib/server/db";
import { gradeCard, undoReview } from "@/lib/server/grade-card";
import { getSessionUser } from "@/lib/server/session";
import { getStudyQueue, type StudyQueue } from "@/lib/server/study-queue";

export type ReviewActionResult =
  | { ok: true; queue: StudyQueue; reviewLogId?: string }
  | { ok: false; code: "invalid" | "not-found" | "stale" | "no-session"; queue: StudyQueue | null };

const deckSchema = z.string().min(1).max(100).optional();

export async function gradeCardAction(input: unknown, deckInput?: unknown): Promise<ReviewActionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, code: "no-session", queue: null };
  const deckId = deckSchema.safeParse(deckInput).data;
  const prisma = await getPrisma();
  // gradeCard validates `input` with its zod schema and answers with a typed failure when it is wrong.
  const result = await gradeCard(prisma, user.id, input);
  const justAnswered = z.object({ cardId: z.string() }).safeParse(input).data?.cardId;
  const queue = await getStudyQueue(prisma, user.id, { deckId, excludeCardId: result.ok ? justAnswered : undefined });
  return result.ok ? { ok: true, queue, reviewLogId: result.reviewLogId } : { ok: false, code: result.code, queue };
}

export async function undoReviewAction(input: unknown, deckInput?: unknown): Promise<ReviewActionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, code: "no-session", queue: null };
  const deckId = deckSchema.safeParse(deckInput).data;
  const prisma = await getPrisma();
  const result = await undoReview(prisma, user.id, input);
  const queue = await getStudyQueue(prisma, user.id, { deckId, preferCardId: result.ok ? result.cardId : undefined });
  return result.ok ? { ok: true, queue } : { ok: false, code: result.code, queue };
}
