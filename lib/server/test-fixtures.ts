import "server-only";
import type { PrismaClient } from "./generated/prisma/client";

/** Inserts a deck with `count` simple cards straight into the database (tests and benchmarks). */
export async function insertDeck(prisma: PrismaClient, deckId: string, count: number, firstPosition = 0) {
  await prisma.deck.upsert({
    where: { id: deckId },
    create: { id: deckId, title: `Deck ${deckId}`, sourcePath: `content/${deckId}.md`, contentHash: "test", tags: [] },
    update: {},
  });
  const cards = Array.from({ length: count }, (_, i) => {
    const position = firstPosition + i;
    return {
      id: `${deckId}-${position}`,
      deckId,
      questionMd: `Question ${position}?`,
      answerMd: `Answer ${position}`,
      questionHtml: `<p>Question ${position}?</p>`,
      answerHtml: `<p>Answer ${position}</p>`,
      tags: [],
      sourceLine: position + 1,
      position,
      contentHash: `hash-${position}`,
    };
  });
  await prisma.card.createMany({ data: cards });
  return cards.map((c) => c.id);
}

let userCounter = 0;

export async function insertUser(prisma: PrismaClient, name = "learner") {
  userCounter += 1;
  const id = `${name}-${userCounter}-${Date.now()}`;
  await prisma.user.create({ data: { id, name, email: `${id}@example.test` } });
  return id;
}
