import { State, type Card as FsrsCard } from "ts-fsrs";

/**
 * A card's scheduling state as we store it: the fields of ts-fsrs's Card, with plain numbers for the
 * enum and ISO strings for dates so it can be written to a JSON column (review log `stateBefore` /
 * `stateAfter`) and read back exactly.
 */
export interface CardSnapshot {
  state: State;
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: string | null;
}

export { State };

export function newCardSnapshot(now: Date): CardSnapshot {
  return {
    state: State.New,
    due: now.toISOString(),
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
  };
}

export function toFsrsCard(snapshot: CardSnapshot): FsrsCard {
  return {
    state: snapshot.state,
    due: new Date(snapshot.due),
    stability: snapshot.stability,
    difficulty: snapshot.difficulty,
    elapsed_days: snapshot.elapsedDays,
    scheduled_days: snapshot.scheduledDays,
    learning_steps: snapshot.learningSteps,
    reps: snapshot.reps,
    lapses: snapshot.lapses,
    last_review: snapshot.lastReview ? new Date(snapshot.lastReview) : undefined,
  };
}

export function fromFsrsCard(card: FsrsCard): CardSnapshot {
  return {
    state: card.state,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}
