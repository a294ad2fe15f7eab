import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getPrisma } from "@/lib/server/db";
import { getDeckWithCards } from "@/lib/server/decks";
import { requireUser } from "@/lib/server/session";
import { stateLabelKey } from "@/app/components/state-label";

type Params = Promise<{ deckId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { deckId } = await params;
  const deck = await (await getPrisma()).deck.findUnique({ where: { id: deckId }, select: { title: true } });
  return { title: deck?.title ?? deckId };
}

export default async function DeckPage({ params }: { params: Params }) {
  const { deckId } = await params;
  const user = await requireUser(`/decks/${deckId}`);
  const t = await getTranslations("deck");
  const format = await getFormatter();
  const data = await getDeckWithCards(await getPrisma(), deckId, user.id);
  if (!data) notFound();
  const { deck, cards } = data;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
            {t("allDecks")}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">{deck.title}</h1>
        {deck.description ? <p className="mt-1 text-zinc-700 dark:text-zinc-300">{deck.description}</p> : null}
        <p className="mt-3">
          <Link
            href={`/review?deck=${deck.id}`}
            className="inline-block rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-700 dark:bg-indigo-400 dark:text-zinc-950"
          >
            {t("study")}
          </Link>
        </p>
      </div>
      <section aria-labelledby="cards-heading">
        <h2 id="cards-heading" className="mb-2 text-lg font-semibold">
          {t("cards", { count: cards.length })}
        </h2>
        <ol className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {cards.map((card) => (
            <li key={card.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
              <Link href={`/cards/${card.id}`} className="min-w-0 flex-1 hover:underline">
                {plainQuestion(card.questionMd)}
              </Link>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                {t(stateLabelKey(card.state?.state))}
                {card.state && card.state.state !== 0 ? ` · ${format.relativeTime(card.state.due, new Date())}` : ""}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** The question as one line of text for a list (Markdown markers dropped). */
function plainQuestion(markdown: string): string {
  return markdown
    .replace(/<[^>]+>/g, "")
    .replace(/[*_`#>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
