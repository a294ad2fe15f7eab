import type { ParsedDeck } from "./types";

/** Every card in our own decks carries exactly the difficulty it is meant for. */
export const LEVEL_TAGS = ["basic", "intermediate", "advanced"] as const;
export type LevelTag = (typeof LEVEL_TAGS)[number];

/** Minimum number of cards per deck slug (`content/<slug>.md`), shared by content:lint and the deck test. */
export const DECK_MINIMUMS: Readonly<Record<string, number>> = {
  "osi-tcp-ip": 35,
  https: 30,
  "tls-handshake": 45,
  cryptography: 30,
  "load-balancing": 30,
};

export interface ContentRequirements {
  /** Decks that must exist, with their minimum card counts. */
  minimumCards: Readonly<Record<string, number>>;
  /** Cards tagged `interview`, across all decks. */
  minimumInterviewCards: number;
  /** Cards tagged `misconception` (they name a common wrong belief), across all decks. */
  minimumMisconceptionCards: number;
}

export const CONTENT_REQUIREMENTS: ContentRequirements = {
  minimumCards: DECK_MINIMUMS,
  minimumInterviewCards: 15,
  minimumMisconceptionCards: 6,
};

const where = (deck: ParsedDeck, line: number) => `${deck.file}:${line}`;

/**
 * The checks our shipped decks must pass. Each returns human-readable failures (empty = pass), so the
 * test and the lint script report every offending card rather than stopping at the first.
 */
export const contentRequirementChecks = {
  "every deck parses without problems": (decks: ParsedDeck[]) =>
    decks.flatMap((deck) => deck.problems.map((problem) => `${where(deck, problem.line)}: ${problem.severity}: ${problem.message}`)),

  "every deck has at least its minimum number of cards": (decks: ParsedDeck[], requirements: ContentRequirements) =>
    Object.entries(requirements.minimumCards).flatMap(([slug, minimum]) => {
      const deck = decks.find((candidate) => candidate.slug === slug);
      if (!deck) return [`deck ${slug}.md is missing (needs at least ${minimum} cards)`];
      return deck.cards.length < minimum ? [`${deck.file}: ${deck.cards.length} cards, below the minimum of ${minimum}`] : [];
    }),

  "every card has an explicit id": (decks: ParsedDeck[]) =>
    decks.flatMap((deck) => deck.cards.filter((card) => card.explicitId === null).map((card) => `${where(deck, card.line)}: card has no explicit id`)),

  "every card has a non-empty question and answer": (decks: ParsedDeck[]) =>
    decks.flatMap((deck) =>
      deck.cards
        .filter((card) => card.questionMd.trim() === "" || card.answerMd.trim() === "")
        .map((card) => `${where(deck, card.line)}: card has an empty question or answer`),
    ),

  "ids are unique across all decks": (decks: ParsedDeck[]) => {
    const seen = new Map<string, string>();
    return decks.flatMap((deck) =>
      deck.cards.flatMap((card) => {
        if (card.explicitId === null) return [];
        const first = seen.get(card.explicitId);
        if (first) return [`${where(deck, card.line)}: id \`${card.explicitId}\` is already used at ${first}`];
        seen.set(card.explicitId, where(deck, card.line));
        return [];
      }),
    );
  },

  "every card has a level tag": (decks: ParsedDeck[]) =>
    decks.flatMap((deck) =>
      deck.cards
        .filter((card) => !card.tags.some((tag) => (LEVEL_TAGS as readonly string[]).includes(tag)))
        .map((card) => `${where(deck, card.line)}: card has no level tag (${LEVEL_TAGS.join(" | ")})`),
    ),

  "enough interview cards across decks": (decks: ParsedDeck[], requirements: ContentRequirements) =>
    countShortfall(decks, "interview", requirements.minimumInterviewCards),

  "enough misconception cards across decks": (decks: ParsedDeck[], requirements: ContentRequirements) =>
    countShortfall(decks, "misconception", requirements.minimumMisconceptionCards),
} satisfies Record<string, (decks: ParsedDeck[], requirements: ContentRequirements) => string[]>;

export type ContentRequirementName = keyof typeof contentRequirementChecks;

function countShortfall(decks: ParsedDeck[], tag: string, minimum: number): string[] {
  const count = decks.reduce((sum, deck) => sum + deck.cards.filter((card) => card.tags.includes(tag)).length, 0);
  return count < minimum ? [`${count} cards tagged \`${tag}\` across decks, below the minimum of ${minimum}`] : [];
}

/** Runs every check; an empty list means the decks are fit to ship. */
export function checkDeckCollection(decks: ParsedDeck[], requirements: ContentRequirements = CONTENT_REQUIREMENTS): string[] {
  return Object.values(contentRequirementChecks).flatMap((check) => check(decks, requirements));
}

export interface DeckTagSummary {
  total: number;
  levels: Record<LevelTag, number>;
  /** Other tags with their card counts, most used first. */
  tags: Array<[tag: string, count: number]>;
}

export function summarizeDeckTags(deck: ParsedDeck): DeckTagSummary {
  const levels: Record<LevelTag, number> = { basic: 0, intermediate: 0, advanced: 0 };
  const others = new Map<string, number>();
  for (const card of deck.cards) {
    for (const tag of card.tags) {
      if ((LEVEL_TAGS as readonly string[]).includes(tag)) levels[tag as LevelTag]++;
      else others.set(tag, (others.get(tag) ?? 0) + 1);
    }
  }
  const tags = [...others].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { total: deck.cards.length, levels, tags };
}
