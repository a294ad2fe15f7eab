import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getPrisma } from "@/lib/server/db";
import { dueForecast, listDecks } from "@/lib/server/decks";
import { getSessionUser } from "@/lib/server/session";
import { ForecastChart } from "./components/forecast-chart";
import { StartLink } from "./components/start-link";

export default async function HomePage() {
  const t = await getTranslations("home");
  const locale = await getLocale();
  const user = await getSessionUser();
  const prisma = await getPrisma();
  const decks = await listDecks(prisma, user?.id ?? null);
  const forecast = user ? await dueForecast(prisma, user.id) : null;
  // Due by the end of the study day (overdue included), the same number as the chart's first bar.
  const dueToday = forecast?.[0]?.due ?? 0;

  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-2xl font-bold">{user ? t("welcomeBack") : t("headline")}</h1>
        <p className="text-zinc-700 dark:text-zinc-300">{t("intro")}</p>
        <div className="flex flex-wrap items-center gap-3">
          {user ? (
            <Link
              href="/review"
              className="rounded-lg bg-indigo-600 px-5 py-3 font-semibold text-white hover:bg-indigo-700 dark:bg-indigo-400 dark:text-zinc-950 dark:hover:bg-indigo-300"
            >
              {t("startReview")}
            </Link>
          ) : (
            // A plain link (no prefetch): following it opens an anonymous account.
            <StartLink
              next="/review"
              className="rounded-lg bg-indigo-600 px-5 py-3 font-semibold text-white hover:bg-indigo-700 dark:bg-indigo-400 dark:text-zinc-950 dark:hover:bg-indigo-300"
              testId="start-studying"
            >
              {t("startNow")}
            </StartLink>
          )}
          {user ? <span className="text-sm text-zinc-600 dark:text-zinc-400">{t("dueToday", { count: dueToday })}</span> : null}
        </div>
      </section>

      {forecast ? (
        <section aria-labelledby="forecast-heading" className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <h2 id="forecast-heading" className="mb-2 text-sm font-semibold">
            {t("forecast")}
          </h2>
          <ForecastChart days={forecast} label={t("forecast")} locale={locale} />
        </section>
      ) : null}

      <section aria-labelledby="decks-heading">
        <h2 id="decks-heading" className="mb-3 text-lg font-semibold">
          {t("decks")}
        </h2>
        {decks.length === 0 ? <p className="text-zinc-600 dark:text-zinc-400">{t("noDecks")}</p> : null}
        <ul className="space-y-3">
          {decks.map((deck) => (
            <li key={deck.id} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900" data-testid="deck-row" data-deck-id={deck.id}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 flex-1">
                  <h3 className="font-semibold">
                    <Link href={`/decks/${deck.id}`} className="hover:underline">
                      {deck.title}
                    </Link>
                  </h3>
                  {deck.description ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{deck.description}</p> : null}
                </div>
                <dl className="flex gap-3 text-center text-sm tabular-nums">
                  <div>
                    <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t("new")}</dt>
                    <dd className="font-semibold text-sky-700 dark:text-sky-300" data-testid="deck-new">{deck.new}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t("learning")}</dt>
                    <dd className="font-semibold text-red-700 dark:text-red-300" data-testid="deck-learning">{deck.learning}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-zinc-600 dark:text-zinc-400">{t("due")}</dt>
                    <dd className="font-semibold text-emerald-700 dark:text-emerald-300" data-testid="deck-due">{deck.due}</dd>
                  </div>
                </dl>
              </div>
              <div className="mt-3 flex items-center justify-between text-sm">
                <span className="text-zinc-600 dark:text-zinc-400">{t("cardCount", { count: deck.total })}</span>
                {user ? (
                  <Link href={`/review?deck=${deck.id}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">
                    {t("studyDeck")}
                  </Link>
                ) : (
                  <StartLink next={`/review?deck=${deck.id}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">
                    {t("studyDeck")}
                  </StartLink>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
