import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getPrisma } from "@/lib/server/db";
import { requireUser } from "@/lib/server/session";
import { getStudyQueue } from "@/lib/server/study-queue";
import { ReviewSession } from "./review-session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ deck?: string }> }) {
  const { deck } = await searchParams;
  const deckId = typeof deck === "string" && deck.length > 0 && deck.length <= 100 ? deck : undefined;
  const user = await requireUser(deckId ? `/review?deck=${encodeURIComponent(deckId)}` : "/review");
  const prisma = await getPrisma();
  const queue = await getStudyQueue(prisma, user.id, { deckId });
  const deckTitle = deckId ? (await prisma.deck.findUnique({ where: { id: deckId }, select: { title: true } }))?.title : undefined;
  return <ReviewSession initialQueue={queue} deckId={deckId} deckTitle={deckTitle} />;
}
