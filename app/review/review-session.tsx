"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { StudyQueue } from "@/lib/server/study-queue";
import { gradeCardAction, undoReviewAction, type ReviewActionResult } from "./actions";

type Phase = "question" | "answer";

interface Answered {
  reviewLogId: string;
  cardId: string;
}

const GRADE_STYLES: Record<number, string> = {
  1: "border-red-300 bg-red-50 text-red-900 hover:bg-red-100 dark:border-red-800 dark:bg-red-950 dark:text-red-100 dark:hover:bg-red-900",
  2: "border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100 dark:hover:bg-amber-900",
  3: "border-emerald-300 bg-emerald-50 text-emerald-900 hover:bg-emerald-100 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100 dark:hover:bg-emerald-900",
  4: "border-sky-300 bg-sky-50 text-sky-900 hover:bg-sky-100 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100 dark:hover:bg-sky-900",
};
const GRADE_KEYS = ["again", "hard", "good", "easy"] as const;

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function ReviewSession({ initialQueue, deckId, deckTitle }: { initialQueue: StudyQueue; deckId?: string; deckTitle?: string }) {
  const t = useTranslations("review");
  const format = useFormatter();
  const [queue, setQueue] = useState(initialQueue);
  const [phase, setPhase] = useState<Phase>("question");
  const [typed, setTyped] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [answered, setAnswered] = useState<Answered[]>([]);
  const [session, setSession] = useState({ count: 0, again: 0, startedAt: 0 });
  const [pending, startTransition] = useTransition();
  const shownAt = useRef(0);
  const answerRegion = useRef<HTMLDivElement>(null);
  const card = queue.card;

  useEffect(() => {
    shownAt.current = Date.now();
    setSession((s) => (s.startedAt ? s : { ...s, startedAt: Date.now() }));
  }, [card?.cardId, card?.version]);

  // Move focus to the answer when it unfolds, so a screen reader reads it; shortcuts keep working.
  useEffect(() => {
    if (phase === "answer") answerRegion.current?.focus({ preventScroll: true });
  }, [phase, card?.cardId]);

  const apply = useCallback(
    (result: ReviewActionResult) => {
      if (result.queue) setQueue(result.queue);
      setPhase("question");
      setTyped("");
      if (!result.ok) setMessage(t(`errors.${result.code}`));
      return result;
    },
    [t],
  );

  const reveal = useCallback(() => {
    if (!card || phase !== "question") return;
    setPhase("answer");
    setMessage(null);
  }, [card, phase]);

  const grade = useCallback(
    (rating: 1 | 2 | 3 | 4) => {
      if (!card || phase !== "answer" || pending) return;
      const input = { cardId: card.cardId, rating, expectedVersion: card.version, durationMs: Math.max(0, Date.now() - shownAt.current) };
      startTransition(async () => {
        const result = apply(await gradeCardAction(input, deckId));
        if (result.ok && result.reviewLogId) {
          setAnswered((list) => [...list, { reviewLogId: result.reviewLogId!, cardId: input.cardId }]);
          setSession((s) => ({ ...s, count: s.count + 1, again: s.again + (rating === 1 ? 1 : 0) }));
          setMessage(null);
        }
      });
    },
    [apply, card, deckId, pending, phase],
  );

  const undo = useCallback(() => {
    const last = answered.at(-1);
    if (!last || pending) return;
    startTransition(async () => {
      const result = apply(await undoReviewAction({ reviewLogId: last.reviewLogId }, deckId));
      setAnswered((list) => list.slice(0, -1));
      if (result.ok) {
        setSession((s) => ({ ...s, count: Math.max(0, s.count - 1) }));
        setMessage(t("undone"));
      }
    });
  }, [answered, apply, deckId, pending, t]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (isTypingTarget(event.target)) return;
      // event.code names the physical key, so shortcuts work with a Korean keyboard layout too (U is ㅕ there).
      if ((event.code === "Space" || event.code === "Enter") && phase === "question") {
        if (event.code === "Enter" && event.target instanceof HTMLButtonElement) return; // let buttons click
        event.preventDefault();
        reveal();
        return;
      }
      const digit = /^(?:Digit|Numpad)([1-4])$/.exec(event.code);
      if (digit && phase === "answer") {
        event.preventDefault();
        grade(Number(digit[1]) as 1 | 2 | 3 | 4);
        return;
      }
      if (event.code === "KeyU") {
        event.preventDefault();
        undo();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [grade, phase, reveal, undo]);

  const remaining = queue.counts.learning + queue.counts.review + queue.counts.new;
  const done = session.count;
  const total = done + remaining;
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold">{deckTitle ? t("titleForDeck", { deck: deckTitle }) : t("title")}</h1>
        <p className="flex gap-3 text-sm tabular-nums" aria-label={t("countsLabel")}>
          <span className="text-sky-700 dark:text-sky-300" data-testid="count-new">
            {t("countNew", { count: queue.counts.new })}
          </span>
          <span className="text-red-700 dark:text-red-300" data-testid="count-learning">
            {t("countLearning", { count: queue.counts.learning })}
          </span>
          <span className="text-emerald-700 dark:text-emerald-300" data-testid="count-review">
            {t("countReview", { count: queue.counts.review })}
          </span>
        </p>
      </div>

      <div>
        <div
          role="progressbar"
          aria-label={t("progress")}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={t("progressText", { done, total })}
          className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div className="h-full bg-indigo-600 transition-all dark:bg-indigo-400" style={{ width: `${percent}%` }} />
        </div>
        <p className="mt-1 text-right text-xs text-zinc-600 tabular-nums dark:text-zinc-400" data-testid="progress-text">
          {t("progressText", { done, total })}
        </p>
      </div>

      <p aria-live="polite" className="min-h-5 text-sm text-amber-800 dark:text-amber-300" data-testid="review-message">
        {message}
      </p>

      {card ? (
        <article
          className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
          aria-busy={pending}
          data-testid="review-card"
          data-card-id={card.cardId}
        >
          <p className="mb-3 flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
            <span>{card.deckTitle}</span>
            <span className="rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800">{t(`kind.${card.kind}`)}</span>
          </p>
          <h2 className="sr-only">{t("question")}</h2>
          <div className="card-content text-lg" dangerouslySetInnerHTML={{ __html: card.questionHtml }} />

          {phase === "question" ? (
            <div className="mt-6 space-y-3">
              <label htmlFor="typed-answer" className="block text-sm text-zinc-600 dark:text-zinc-400">
                {t("typeAnswer")}
              </label>
              <textarea
                id="typed-answer"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                    e.preventDefault();
                    reveal();
                  }
                }}
                rows={2}
                className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-950"
              />
              <button
                type="button"
                onClick={reveal}
                className="w-full rounded-lg bg-indigo-600 px-4 py-3 font-semibold text-white hover:bg-indigo-700 dark:bg-indigo-400 dark:text-zinc-950 dark:hover:bg-indigo-300"
              >
                {t("reveal")} <kbd className="ml-1 rounded border border-white/40 px-1 text-xs">Space</kbd>
              </button>
            </div>
          ) : (
            <div ref={answerRegion} tabIndex={-1} className="mt-6 space-y-4 focus:outline-none">
              <hr className="border-zinc-200 dark:border-zinc-800" />
              <h2 className="sr-only">{t("answer")}</h2>
              {typed.trim() ? (
                <div className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800">
                  <span className="font-medium">{t("yourAnswer")}:</span> <span className="whitespace-pre-wrap">{typed}</span>
                </div>
              ) : null}
              <div className="card-content" data-testid="answer" dangerouslySetInnerHTML={{ __html: card.answerHtml }} />
              <div className="grid grid-cols-2 gap-2 pt-2 sm:grid-cols-4" role="group" aria-label={t("gradeLabel")}>
                {card.intervals.map((interval, index) => (
                  <button
                    key={interval.rating}
                    type="button"
                    disabled={pending}
                    onClick={() => grade(interval.rating as 1 | 2 | 3 | 4)}
                    className={`rounded-lg border px-3 py-2 text-center disabled:opacity-60 ${GRADE_STYLES[interval.rating]}`}
                    data-testid={`grade-${interval.rating}`}
                  >
                    <span className="block font-semibold">
                      {t(`grade.${GRADE_KEYS[index]}`)} <kbd className="text-xs opacity-70">{interval.rating}</kbd>
                    </span>
                    <span className="block text-sm tabular-nums">{interval.label}</span>
                  </button>
                ))}
              </div>
            </div>
          )}
        </article>
      ) : (
        <section className="rounded-xl border border-zinc-200 bg-white p-6 text-center dark:border-zinc-800 dark:bg-zinc-900" data-testid="review-summary">
          <h2 className="text-lg font-semibold">{done > 0 ? t("summary.doneTitle") : t("summary.emptyTitle")}</h2>
          {done > 0 ? (
            <dl className="mx-auto mt-4 grid max-w-sm grid-cols-3 gap-2 text-sm">
              <div>
                <dt className="text-zinc-600 dark:text-zinc-400">{t("summary.cards")}</dt>
                <dd className="text-xl font-bold tabular-nums">{done}</dd>
              </div>
              <div>
                <dt className="text-zinc-600 dark:text-zinc-400">{t("summary.time")}</dt>
                <dd className="text-xl font-bold tabular-nums">{formatDuration(Date.now() - session.startedAt)}</dd>
              </div>
              <div>
                <dt className="text-zinc-600 dark:text-zinc-400">{t("summary.again")}</dt>
                <dd className="text-xl font-bold tabular-nums">{session.again}</dd>
              </div>
            </dl>
          ) : null}
          <p className="mt-4 text-sm text-zinc-700 dark:text-zinc-300" data-testid="next-due">
            {queue.nextDueAt
              ? t("summary.nextDue", {
                  relative: format.relativeTime(new Date(queue.nextDueAt), new Date()),
                  time: format.dateTime(new Date(queue.nextDueAt), { dateStyle: "medium", timeStyle: "short" }),
                })
              : t("summary.nothingScheduled")}
          </p>
          <Link href="/" className="mt-4 inline-block text-indigo-700 underline dark:text-indigo-300">
            {t("summary.backToDecks")}
          </Link>
        </section>
      )}

      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {t("shortcuts")}
        {answered.length > 0 ? (
          <>
            {" · "}
            <button type="button" onClick={undo} disabled={pending} className="underline">
              {t("undo")} (U)
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
}

function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
