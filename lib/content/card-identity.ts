import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { diceSimilarity, normalizeCardText } from "./text-similarity";
import type { ParsedCard } from "./types";

/** A card as the database holds it, reduced to what identity matching needs. */
export interface StoredCard {
  id: string;
  explicitId: boolean;
  questionMd: string;
  answerMd: string;
  suspended: boolean;
  /** cardContentHash() stored at the last sync; when present it decides "changed" (it also covers tags). */
  contentHash?: string;
}

/** `restored` = the matched stored card was suspended and is back in the file. */
export type CardStatus = "added" | "changed" | "unchanged" | "restored";

export interface PlannedCard {
  id: string;
  parsed: ParsedCard;
  status: CardStatus;
  /** The stored card whose row (and review history) takes this new explicit id. */
  renamedFrom?: string;
}

export interface IdentityPlan {
  /** One entry per parsed card, in the order given. */
  cards: PlannedCard[];
  /** Stored ids no longer in the file that are not suspended yet. */
  suspend: string[];
}

/** A fixed typo changes a few bigrams; a different question about the same topic changes many more. */
export const QUESTION_SIMILARITY_THRESHOLD = 0.8;

function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** `${deckSlug}-${first 10 hex digits of sha256(normalized question)}`: stable across formatting edits. */
export function generatedCardId(deckSlug: string, questionMd: string): string {
  return `${deckSlug}-${sha256Hex(normalizeCardText(questionMd)).slice(0, 10)}`;
}

/** Hash of what a learner sees (question, answer) and the card's tags; a difference means "changed". */
export function cardContentHash(card: ParsedCard): string {
  return sha256Hex(JSON.stringify(["netcards-card-v1", card.questionMd, card.answerMd, card.tags]));
}

interface Candidate {
  stored: StoredCard;
  question: string;
  answer: string;
}

interface Pending {
  index: number;
  parsed: ParsedCard;
  question: string;
  answer: string;
}

/**
 * Decides which stored card each parsed card is, so review history survives edits.
 *
 * Order of evidence, strongest first; each stored card is used at most once and each round sees only
 * what earlier rounds left:
 * 1. explicit id equal to a stored id;
 * 2. identical normalized question (cards identical in question and answer pair up first);
 * 3. identical normalized answer, only when unique on both sides (short answers like "UDP" repeat);
 * 4. most similar question at or above the threshold, only when it is the mutual best match and no
 *    other candidate ties, so two near-identical questions never take each other's ids.
 * A parsed card with a new explicit id may, in rounds 2-4, take over an implicit stored card (a
 * rename that keeps its history); an explicit stored card is never renamed, since its id was a
 * promise made by an author. Whatever is left gets a new id.
 */
export function planCardIdentities(deckSlug: string, stored: StoredCard[], parsed: ParsedCard[]): IdentityPlan {
  const matches = new Map<number, StoredCard>();
  const used = new Set<string>();
  const storedById = new Map(stored.map((card) => [card.id, card]));
  const explicitIds = new Set(parsed.flatMap((card) => (card.explicitId ? [card.explicitId] : [])));

  // Round 1: explicit ids.
  parsed.forEach((card, index) => {
    const match = card.explicitId ? storedById.get(card.explicitId) : undefined;
    if (match && !used.has(match.id)) {
      matches.set(index, match);
      used.add(match.id);
    }
  });

  const pending = (): Pending[] =>
    parsed.flatMap((card, index) =>
      matches.has(index) ? [] : [{ index, parsed: card, question: normalizeCardText(card.questionMd), answer: normalizeCardText(card.answerMd) }],
    );
  // A stored card whose id some parsed card names explicitly belongs to that card, matched or not.
  const candidatesFor = (card: Pending): Candidate[] =>
    stored
      .filter((entry) => !used.has(entry.id) && !explicitIds.has(entry.id))
      .filter((entry) => card.parsed.explicitId === null || !entry.explicitId)
      .map((entry) => ({ stored: entry, question: normalizeCardText(entry.questionMd), answer: normalizeCardText(entry.answerMd) }));
  const take = (card: Pending, candidate: Candidate) => {
    matches.set(card.index, candidate.stored);
    used.add(candidate.stored.id);
  };

  // Round 2: same question; cards identical in both parts first, so duplicated questions pair up by
  // their answers instead of by file order.
  for (const card of pending()) {
    const same = candidatesFor(card).find((candidate) => candidate.question === card.question && candidate.answer === card.answer);
    if (same) take(card, same);
  }
  for (const card of pending()) {
    const sameQuestion = candidatesFor(card).find((candidate) => candidate.question === card.question);
    if (sameQuestion) take(card, sameQuestion);
  }

  // Round 3: same answer, unique on both sides.
  const round3 = pending();
  for (const card of round3) {
    if (round3.filter((other) => other.answer === card.answer).length !== 1) continue;
    const sameAnswer = candidatesFor(card).filter((candidate) => candidate.answer === card.answer);
    if (sameAnswer.length === 1) take(card, sameAnswer[0]);
  }

  // Round 4: similar question, mutual unique best.
  const round4 = pending().map((card) => {
    const scored = candidatesFor(card)
      .map((candidate) => ({ candidate, score: diceSimilarity(card.question, candidate.question) }))
      .filter((entry) => entry.score >= QUESTION_SIMILARITY_THRESHOLD);
    const top = Math.max(0, ...scored.map((entry) => entry.score));
    return { card, scored, top, best: scored.filter((entry) => entry.score === top) };
  });
  for (const mine of round4) {
    if (mine.best.length !== 1) continue; // nothing close enough, or a tie between stored cards
    const chosen = mine.best[0].candidate.stored;
    // Another parsed card that wants the same stored card at least as much makes it ambiguous.
    const contested = round4.some(
      (other) => other !== mine && other.best.some((entry) => entry.candidate.stored.id === chosen.id && entry.score >= mine.top),
    );
    if (!contested) take(mine.card, mine.best[0].candidate);
  }

  // Ids: matched cards keep the stored id unless they carry a new explicit id; the rest are new.
  const taken = new Set<string>([...stored.map((card) => card.id), ...explicitIds]);
  const cards: PlannedCard[] = parsed.map((card, index) => {
    const match = matches.get(index);
    if (!match) {
      const id = card.explicitId ?? uniqueId(generatedCardId(deckSlug, card.questionMd), taken);
      taken.add(id);
      return { id, parsed: card, status: "added" };
    }
    const status: CardStatus = match.suspended ? "restored" : isChanged(match, card) ? "changed" : "unchanged";
    const id = card.explicitId ?? match.id;
    return id === match.id ? { id, parsed: card, status } : { id, parsed: card, status, renamedFrom: match.id };
  });

  const suspend = stored.filter((card) => !used.has(card.id) && !card.suspended).map((card) => card.id);
  return { cards, suspend };
}

function isChanged(stored: StoredCard, parsed: ParsedCard): boolean {
  if (stored.contentHash !== undefined) return stored.contentHash !== cardContentHash(parsed);
  return stored.questionMd !== parsed.questionMd || stored.answerMd !== parsed.answerMd;
}

/** Two cards with the same normalized question would get the same id: suffix `-2`, `-3`, ... */
function uniqueId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const id = `${base}-${suffix}`;
    if (!taken.has(id)) return id;
  }
}
