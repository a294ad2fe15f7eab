import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getPrisma } from "@/lib/server/db";
import { getCardWithHistory } from "@/lib/server/decks";
import { requireUser } from "@/lib/server/session";
import { stateLabelKey } from "@/app/components/state-label";
import { formatInterval, type CardSnapshot } from "@/lib/srs";

type Params = Promise<{ cardId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cardId } = await params;
  return { title: cardId };
}

const RATING_KEYS = ["", "again", "hard", "good", "easy"] as const;

export default async function CardPage({ params }: { params: Params }) {
  const { cardId } = await params;
  const user = await requireUser(`/cards/${cardId}`);
  const t = await getTranslations("card");
  const format = await getFormatter();
  const data = await getCardWithHistory(await getPrisma(), cardId, user.id);
  if (!data) notFound();
  const { card, state, history } = data;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/decks/${card.deck.id}`} className="text-indigo-700 underline dark:text-indigo-300">
          {card.deck.title}
        </Link>
        <span className="text-zinc-600 dark:text-zinc-400"> · {card.id}</span>
      </p>
      {card.suspendedAt ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {t("suspended")}
        </p>
      ) : null}
      <section aria-labelledby="q-heading" className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="q-heading" className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
          {t("question")}
        </h2>
        <div className="card-content text-lg" dangerouslySetInnerHTML={{ __html: card.questionHtml }} />
        <details className="mt-4">
          <summary className="cursor-pointer font-medium text-indigo-700 dark:text-indigo-300">{t("showAnswer")}</summary>
          <div className="card-content mt-3" dangerouslySetInnerHTML={{ __html: card.answerHtml }} />
        </details>
        <p className="mt-4 flex flex-wrap gap-1 text-xs">
          {card.tags.map((tag) => (
            <span key={tag} className="rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800">
              {tag}
            </span>
          ))}
        </p>
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          {card.deckId}.md:{card.sourceLine}
        </p>
      </section>

      <section aria-labelledby="state-heading">
        <h2 id="state-heading" className="mb-2 text-lg font-semibold">
          {t("schedule")}
        </h2>
        {state ? (
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            <Stat label={t("stateLabel")} value={t(stateLabelKey(state.state))} />
            <Stat label={t("due")} value={format.dateTime(state.due, { dateStyle: "medium", timeStyle: "short" })} />
            <Stat label={t("stability")} value={t("days", { count: Math.round(state.stability * 10) / 10 })} />
            <Stat label={t("lapses")} value={String(state.lapses)} />
          </dl>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("notStudied")}</p>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-lg font-semibold">
          {t("history")}
        </h2>
        {history.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("noHistory")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-zinc-600 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="py-1 pr-3">{t("when")}</th>
                  <th scope="col" className="py-1 pr-3">{t("rating")}</th>
                  <th scope="col" className="py-1 pr-3">{t("interval")}</th>
                  <th scope="col" className="py-1 pr-3">{t("duration")}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((log) => (
                  <tr key={log.id} className={`border-t border-zinc-200 dark:border-zinc-800 ${log.undoneAt ? "text-zinc-400 line-through dark:text-zinc-600" : ""}`}>
                    <td className="py-1.5 pr-3">{format.dateTime(log.reviewedAt, { dateStyle: "short", timeStyle: "short" })}</td>
                    <td className="py-1.5 pr-3">{t(`ratings.${RATING_KEYS[log.rating]}`)}</td>
                    <td className="py-1.5 pr-3 tabular-nums">{intervalAfter(log.stateAfter, log.reviewedAt)}</td>
                    <td className="py-1.5 pr-3 tabular-nums">{(log.durationMs / 1000).toFixed(1)}s</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/** The wait this answer scheduled ("10m", "3d"), from the state it produced. */
function intervalAfter(stateAfter: unknown, reviewedAt: Date): string {
  const due = (stateAfter as Partial<CardSnapshot> | null)?.due;
  return due ? formatInterval(new Date(due).getTime() - reviewedAt.getTime()) : "";
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 font-semibold">{value}</dd>
    </div>
  );
}
