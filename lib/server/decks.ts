import "server-only";
import { State, studyDayKey } from "@/lib/srs";
import { Prisma, type PrismaClient } from "./generated/prisma/client";
import { studyDayBounds } from "./study-queue";
import { getStudySettings } from "./study-settings";

export interface DeckSummary {
  id: string;
  title: string;
  description: string;
  tags: string[];
  total: number;
  /** Cards never studied (before the daily limit). */
  new: number;
  learning: number;
  /** Reviews due by the end of the study day. */
  due: number;
}

/** Every deck with active cards and, for this learner, how many are new, in learning, and due today. */
export async function listDecks(prisma: PrismaClient, userId: string | null, now = new Date()): Promise<DeckSummary[]> {
  const dayEnd = userId ? studyDayBounds(now, await getStudySettings(prisma, userId)).end : now;
  const rows = await prisma.$queryRaw<
    { deckId: string; total: bigint; new: bigint; learning: bigint; due: bigint }[]
  >(Prisma.sql`
    SELECT c."deckId",
           count(*) AS total,
           count(*) FILTER (WHERE s."cardId" IS NULL OR s.state = ${State.New}) AS new,
           count(*) FILTER (WHERE s.state IN (${State.Learning}, ${State.Relearning}) AND s.due <= ${now}) AS learning,
           count(*) FILTER (WHERE s.state = ${State.Review} AND s.due < ${dayEnd}) AS due
      FROM card c
      LEFT JOIN card_state s ON s."cardId" = c.id AND s."userId" = ${userId ?? ""}
     WHERE c."suspendedAt" IS NULL
     GROUP BY c."deckId"`);
  const counts = new Map(rows.map((row) => [row.deckId, row]));
  const decks = await prisma.deck.findMany({ where: { id: { in: [...counts.keys()] } }, orderBy: { title: "asc" } });
  return decks.map((deck) => {
    const row = counts.get(deck.id)!;
    return {
      id: deck.id,
      title: deck.title,
      description: deck.description,
      tags: deck.tags,
      total: Number(row.total),
      new: Number(row.new),
      learning: Number(row.learning),
      due: Number(row.due),
    };
  });
}

export interface ForecastDay {
  day: string; // YYYY-MM-DD (study day)
  due: number;
}

/** Reviews falling due on each of the next `days` study days (today includes anything overdue). */
export async function dueForecast(prisma: PrismaClient, userId: string, days = 14, now = new Date()): Promise<ForecastDay[]> {
  const settings = await getStudySettings(prisma, userId);
  const horizon = new Date(now.getTime() + days * 86400_000);
  const states = await prisma.cardState.findMany({
    where: { userId, state: { not: State.New }, due: { lt: horizon }, card: { suspendedAt: null } },
    select: { due: true },
  });
  const buckets = new Map<string, number>();
  const keys: string[] = [];
  for (let i = 0; i < days; i++) {
    const key = studyDayKey(new Date(now.getTime() + i * 86400_000), settings.timeZone);
    if (!buckets.has(key)) {
      buckets.set(key, 0);
      keys.push(key);
    }
  }
  const today = keys[0];
  for (const { due } of states) {
    const key = due <= now ? today : studyDayKey(due, settings.timeZone);
    if (buckets.has(key)) buckets.set(key, buckets.get(key)! + 1);
  }
  return keys.map((day) => ({ day, due: buckets.get(day)! }));
}

export async function getDeckWithCards(prisma: PrismaClient, deckId: string, userId: string) {
  const deck = await prisma.deck.findUnique({ where: { id: deckId } });
  if (!deck) return null;
  const cards = await prisma.card.findMany({
    where: { deckId, suspendedAt: null },
    orderBy: { position: "asc" },
    select: {
      id: true,
      questionMd: true,
      tags: true,
      sourceLine: true,
      states: { where: { userId }, select: { state: true, due: true, reps: true, lapses: true } },
    },
  });
  return {
    deck,
    cards: cards.map(({ states, ...card }) => ({ ...card, state: states[0] ?? null })),
  };
}

export async function getCardWithHistory(prisma: PrismaClient, cardId: string, userId: string) {
  const card = await prisma.card.findUnique({
    where: { id: cardId },
    include: {
      deck: { select: { id: true, title: true } },
      states: { where: { userId } },
      reviewLogs: { where: { userId }, orderBy: { reviewedAt: "desc" }, take: 200 },
    },
  });
  if (!card) return null;
  const { states, reviewLogs, ...rest } = card;
  return { card: rest, state: states[0] ?? null, history: reviewLogs };
}
