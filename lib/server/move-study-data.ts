import "server-only";
import type { PrismaClient } from "./generated/prisma/client";

/**
 * Moves everything a learner studied from one account to another, in one transaction: used when an
 * anonymous learner signs up (or signs in to an existing account) so no review is lost.
 * Every review log row moves. Where both accounts studied the same card, the state reviewed more
 * recently wins; settings move only if the target has none.
 */
export async function moveStudyData(prisma: PrismaClient, fromUserId: string, toUserId: string): Promise<{ states: number; logs: number }> {
  if (fromUserId === toUserId) return { states: 0, logs: 0 };
  return prisma.$transaction(async (tx) => {
    const incoming = await tx.cardState.findMany({ where: { userId: fromUserId } });
    const existing = new Map(
      (await tx.cardState.findMany({ where: { userId: toUserId, cardId: { in: incoming.map((s) => s.cardId) } } })).map((s) => [s.cardId, s]),
    );
    let states = 0;
    for (const state of incoming) {
      const theirs = existing.get(state.cardId);
      const incomingIsNewer = !theirs || (state.lastReview?.getTime() ?? 0) > (theirs.lastReview?.getTime() ?? 0);
      if (theirs && incomingIsNewer) {
        await tx.cardState.delete({ where: { userId_cardId: { userId: toUserId, cardId: state.cardId } } });
      }
      if (incomingIsNewer) {
        await tx.cardState.update({
          where: { userId_cardId: { userId: fromUserId, cardId: state.cardId } },
          // A version above both makes any tab still open on either account stale.
          data: { userId: toUserId, version: Math.max(state.version, theirs?.version ?? 0) + 1 },
        });
        states += 1;
      }
    }
    const { count: logs } = await tx.reviewLog.updateMany({ where: { userId: fromUserId }, data: { userId: toUserId } });
    const targetSettings = await tx.studySettings.findUnique({ where: { userId: toUserId } });
    if (!targetSettings) await tx.studySettings.updateMany({ where: { userId: fromUserId }, data: { userId: toUserId } });
    return { states, logs };
  });
}
