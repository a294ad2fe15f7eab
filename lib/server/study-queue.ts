import "server-only";
import {
  createScheduler,
  newCardSnapshot,
  nextStudyDayStart,
  previewIntervals,
  State,
  studyDayStart,
  type CardSnapshot,
  type IntervalPreview,
  type StudySettings,
} from "@/lib/srs";
import { snapshotFromRow } from "./card-state-row";
import { Prisma, type PrismaClient } from "./generated/prisma/client";
import { getStudySettings } from "./study-settings";

// A learning step due in the next 20 minutes is shown early when nothing else is left (as Anki does),
// so a session does not stall on a 10-minute step.
const LEARN_AHEAD_MS = 20 * 60_000;

export type QueueKind = "learning" | "review" | "new";

export interface StudyCard {
  cardId: string;
  deckId: string;
  deckTitle: string;
  questionHtml: string;
  answerHtml: string;
  tags: string[];
  kind: QueueKind;
  /** The version a grade must name; see gradeCard. */
  version: number;
  snapshot: CardSnapshot;
  intervals: IntervalPreview[];
}

export interface QueueCounts {
  learning: number;
  review: number;
  new: number;
  /** Answers given today (study day), undone ones excluded. */
  doneToday: number;
  againToday: number;
}

export interface StudyQueue {
  card: StudyCard | null;
  counts: QueueCounts;
  /** When the next card becomes due if nothing is due now (a learning step later today, or tomorrow's reviews). */
  nextDueAt: string | null;
}

export interface QueueOptions {
  deckId?: string;
  now?: Date;
  /** Skip this card when choosing (the one just answered, while its learning step is not yet due). */
  excludeCardId?: string;
  /** Show this card first if it is active (the card whose answer was just undone). */
  preferCardId?: string;
}

interface DayBounds {
  start: Date;
  end: Date;
}

export function studyDayBounds(now: Date, settings: StudySettings): DayBounds {
  return { start: studyDayStart(now, settings.timeZone), end: nextStudyDayStart(now, settings.timeZone) };
}

/**
 * Today's queue for one learner: learning cards due now, then reviews due today, then new cards within
 * the daily limits. Returns the card to show next and the counts for the progress bar.
 */
export async function getStudyQueue(prisma: PrismaClient, userId: string, options: QueueOptions = {}): Promise<StudyQueue> {
  const now = options.now ?? new Date();
  const settings = await getStudySettings(prisma, userId);
  const day = studyDayBounds(now, settings);
  const cardFilter: Prisma.CardWhereInput = { suspendedAt: null, ...(options.deckId ? { deckId: options.deckId } : {}) };

  const done = await answersToday(prisma, userId, day);
  const reviewAllowance = Math.max(0, settings.reviewsPerDay - done.reviews);
  const newAllowance = Math.max(0, settings.newPerDay - done.started);

  const scope = await countScope(prisma, userId, options.deckId ?? null, now, day.end);
  const newAvailable = scope.active - scope.studied;
  const counts: QueueCounts = {
    learning: scope.learning,
    review: Math.min(scope.review, reviewAllowance),
    new: Math.min(newAvailable, newAllowance),
    doneToday: done.total,
    againToday: done.again,
  };

  const exclude = options.excludeCardId ? { cardId: { not: options.excludeCardId } } : {};
  const stateInclude = { card: { include: { deck: { select: { title: true } } } } } as const;
  const scheduler = createScheduler({ desiredRetention: settings.desiredRetention });

  if (options.preferCardId) {
    const preferred = await studyCardFor(prisma, userId, options.preferCardId, scheduler, now, cardFilter);
    if (preferred) return { card: preferred, counts, nextDueAt: null };
  }

  const learning = await prisma.cardState.findFirst({
    where: { userId, state: { in: [State.Learning, State.Relearning] }, due: { lte: now }, card: cardFilter, ...exclude },
    orderBy: { due: "asc" },
    include: stateInclude,
  });
  if (learning) return { card: toStudyCard(scheduler, learning, "learning", now), counts, nextDueAt: null };

  if (counts.review > 0) {
    const review = await prisma.cardState.findFirst({
      where: { userId, state: State.Review, due: { lt: day.end }, card: cardFilter, ...exclude },
      orderBy: { due: "asc" },
      include: stateInclude,
    });
    if (review) return { card: toStudyCard(scheduler, review, "review", now), counts, nextDueAt: null };
  }

  if (counts.new > 0) {
    const fresh = await prisma.card.findFirst({
      where: {
        ...cardFilter,
        states: { none: { userId, state: { not: State.New } } },
        ...(options.excludeCardId ? { id: { not: options.excludeCardId } } : {}),
      },
      orderBy: [{ deckId: "asc" }, { position: "asc" }],
      select: { id: true },
    });
    const card = fresh && (await studyCardFor(prisma, userId, fresh.id, scheduler, now, cardFilter));
    if (card) return { card, counts, nextDueAt: null };
  }

  const soon = await prisma.cardState.findFirst({
    where: { userId, state: { in: [State.Learning, State.Relearning] }, due: { gt: now }, card: cardFilter },
    orderBy: { due: "asc" },
    include: stateInclude,
  });
  if (soon && soon.due.getTime() - now.getTime() <= LEARN_AHEAD_MS && soon.cardId !== options.excludeCardId) {
    return { card: toStudyCard(scheduler, soon, "learning", now), counts: { ...counts, learning: counts.learning + 1 }, nextDueAt: null };
  }
  const nextReview = await prisma.cardState.findFirst({
    where: { userId, state: State.Review, due: { gte: day.end }, card: cardFilter },
    orderBy: { due: "asc" },
    select: { due: true },
  });
  const candidates = [soon?.due, nextReview?.due, counts.new === 0 && newAvailable > 0 ? day.end : undefined]
    .filter((d): d is Date => d instanceof Date)
    .sort((a, b) => a.getTime() - b.getTime());
  return { card: null, counts, nextDueAt: candidates[0]?.toISOString() ?? null };
}

async function studyCardFor(
  prisma: PrismaClient,
  userId: string,
  cardId: string,
  scheduler: Scheduler,
  now: Date,
  cardFilter: Prisma.CardWhereInput,
): Promise<StudyCard | null> {
  const card = await prisma.card.findFirst({
    where: { ...cardFilter, id: cardId },
    include: { deck: { select: { title: true } }, states: { where: { userId } } },
  });
  if (!card) return null;
  const row = card.states[0];
  const snapshot = row ? snapshotFromRow(row) : newCardSnapshot(now);
  const kind: QueueKind = snapshot.state === State.New ? "new" : snapshot.state === State.Review ? "review" : "learning";
  return buildStudyCard(scheduler, card, row?.version ?? 0, snapshot, kind, now);
}

type Scheduler = ReturnType<typeof createScheduler>;
type StateWithCard = Prisma.CardStateGetPayload<{ include: { card: { include: { deck: { select: { title: true } } } } } }>;

function toStudyCard(scheduler: Scheduler, row: StateWithCard, kind: QueueKind, now: Date): StudyCard {
  return buildStudyCard(scheduler, row.card, row.version, snapshotFromRow(row), kind, now);
}

function buildStudyCard(
  scheduler: Scheduler,
  card: StateWithCard["card"],
  version: number,
  snapshot: CardSnapshot,
  kind: QueueKind,
  now: Date,
): StudyCard {
  return {
    cardId: card.id,
    deckId: card.deckId,
    deckTitle: card.deck.title,
    questionHtml: card.questionHtml,
    answerHtml: card.answerHtml,
    tags: card.tags,
    kind,
    version,
    snapshot,
    intervals: previewIntervals(scheduler, card.id, snapshot, now),
  };
}

interface ScopeCounts {
  /** Active (not suspended) cards in scope. */
  active: number;
  /** Of those, cards this learner has started (state other than New). */
  studied: number;
  learning: number;
  review: number;
}

type StateCounts = Omit<ScopeCounts, "active">;

/**
 * The queue counts for the active (not suspended) cards in scope. New cards are counted as active minus
 * studied, since an anti-join over every card cost ~40 ms per answer at 20,000 cards (README,
 * "Benchmarks"). Without a deck filter the learner's states are counted alone and the few on suspended
 * cards subtracted, so the card table is not joined row by row.
 */
async function countScope(prisma: PrismaClient, userId: string, deckId: string | null, now: Date, dayEnd: Date): Promise<ScopeCounts> {
  const stateCounts = async (join: Prisma.Sql, filter: Prisma.Sql): Promise<StateCounts> => {
    const [row] = await prisma.$queryRaw<{ studied: bigint; learning: bigint; review: bigint }[]>(Prisma.sql`
      SELECT count(*) FILTER (WHERE s.state <> ${State.New}) AS studied,
             count(*) FILTER (WHERE s.state IN (${State.Learning}, ${State.Relearning}) AND s.due <= ${now}) AS learning,
             count(*) FILTER (WHERE s.state = ${State.Review} AND s.due < ${dayEnd}) AS review
        FROM card_state s ${join}
       WHERE s."userId" = ${userId} ${filter}`);
    return { studied: Number(row.studied), learning: Number(row.learning), review: Number(row.review) };
  };
  const joinCard = Prisma.sql`JOIN card c ON c.id = s."cardId"`;
  if (deckId !== null) {
    const [active, inDeck] = await Promise.all([
      prisma.card.count({ where: { deckId, suspendedAt: null } }),
      stateCounts(joinCard, Prisma.sql`AND c."deckId" = ${deckId} AND c."suspendedAt" IS NULL`),
    ]);
    return { active, ...inDeck };
  }
  const [active, all, suspended] = await Promise.all([
    prisma.card.count({ where: { suspendedAt: null } }),
    stateCounts(Prisma.empty, Prisma.empty),
    stateCounts(joinCard, Prisma.sql`AND c."suspendedAt" IS NOT NULL`),
  ]);
  return {
    active,
    studied: all.studied - suspended.studied,
    learning: all.learning - suspended.learning,
    review: all.review - suspended.review,
  };
}

interface AnswersToday {
  total: number;
  again: number;
  /** New cards answered for the first time today (counts against the new-card limit). */
  started: number;
  /** Review-state cards answered today (counts against the review limit). */
  reviews: number;
}

async function answersToday(prisma: PrismaClient, userId: string, day: DayBounds): Promise<AnswersToday> {
  const groups = await prisma.reviewLog.groupBy({
    by: ["previousState", "rating"],
    where: { userId, undoneAt: null, reviewedAt: { gte: day.start, lt: day.end } },
    _count: { _all: true },
  });
  const result: AnswersToday = { total: 0, again: 0, started: 0, reviews: 0 };
  for (const group of groups) {
    const n = group._count._all;
    result.total += n;
    if (group.rating === 1) result.again += n;
    if (group.previousState === State.New) result.started += n;
    if (group.previousState === State.Review) result.reviews += n;
  }
  return result;
}
