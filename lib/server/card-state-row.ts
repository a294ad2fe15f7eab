import "server-only";
import type { CardSnapshot } from "@/lib/srs";
import type { CardState } from "./generated/prisma/client";

type StateColumns = Omit<CardState, "userId" | "cardId" | "version" | "updatedAt">;

export function snapshotFromRow(row: StateColumns): CardSnapshot {
  return {
    state: row.state,
    due: row.due.toISOString(),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.lastReview ? row.lastReview.toISOString() : null,
  };
}

export function rowFromSnapshot(snapshot: CardSnapshot): StateColumns {
  return {
    state: snapshot.state,
    due: new Date(snapshot.due),
    stability: snapshot.stability,
    difficulty: snapshot.difficulty,
    elapsedDays: snapshot.elapsedDays,
    scheduledDays: snapshot.scheduledDays,
    learningSteps: snapshot.learningSteps,
    reps: snapshot.reps,
    lapses: snapshot.lapses,
    lastReview: snapshot.lastReview ? new Date(snapshot.lastReview) : null,
  };
}
