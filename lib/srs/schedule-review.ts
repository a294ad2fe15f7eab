import { fsrs, generatorParameters, GenSeedStrategyWithCardId, Rating, StrategyMode, type FSRS, type Grade } from "ts-fsrs";
import { fromFsrsCard, toFsrsCard, type CardSnapshot } from "./card-snapshot";
import { formatInterval } from "./format-interval";

export { Rating };
export type { Grade };
export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

export interface SchedulerOptions {
  desiredRetention: number;
  /** Off only for reproducing published reference sequences; learners always get fuzz. */
  enableFuzz?: boolean;
}

/**
 * Our FSRS-6 configuration: learning steps 1m 10m, relearning 10m, intervals capped at 100 years.
 * Fuzz is seeded by card id and repetition count, so the interval a grade button shows is exactly the
 * interval that grade then gives, whenever the learner presses it.
 */
export function createScheduler(options: SchedulerOptions): FSRS {
  const scheduler = fsrs(
    generatorParameters({
      request_retention: options.desiredRetention,
      maximum_interval: 36500,
      enable_fuzz: options.enableFuzz ?? true,
      enable_short_term: true,
      learning_steps: ["1m", "10m"],
      relearning_steps: ["10m"],
    }),
  );
  return scheduler.useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId("card_id"));
}

export interface ScheduledReview {
  before: CardSnapshot;
  after: CardSnapshot;
  rating: Grade;
  reviewedAt: Date;
  /** Whole days since the previous review, as FSRS counts them (0 for a first review). */
  elapsedDays: number;
  scheduledDays: number;
}

/** Applies one answer to a card. Pure: the same inputs always give the same result. */
export function scheduleReview(
  scheduler: FSRS,
  cardId: string,
  before: CardSnapshot,
  rating: Grade,
  reviewedAt: Date,
): ScheduledReview {
  const { card, log } = scheduler.next({ ...toFsrsCard(before), card_id: cardId } as never, reviewedAt, rating);
  return {
    before,
    after: fromFsrsCard(card),
    rating,
    reviewedAt,
    elapsedDays: log.elapsed_days,
    scheduledDays: card.scheduled_days,
  };
}

export interface IntervalPreview {
  rating: Grade;
  due: string;
  label: string;
}

/** What each grade would do right now, for the labels on the grade buttons ("10m", "3d"). */
export function previewIntervals(scheduler: FSRS, cardId: string, before: CardSnapshot, now: Date): IntervalPreview[] {
  const preview = scheduler.repeat({ ...toFsrsCard(before), card_id: cardId } as never, now);
  return GRADES.map((rating) => {
    const due = preview[rating].card.due;
    return { rating, due: due.toISOString(), label: formatInterval(due.getTime() - now.getTime()) };
  });
}
