import { deckHasErrors } from "./parse-deck";
import { summarizeDeckTags, type ContentRequirements } from "./deck-requirements";
import type { ContentProblem, ParsedDeck } from "./types";

/** `file:line: severity: message`, the format editors and CI annotators recognise. */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}: ${problem.severity}: ${problem.message}`;
}

/** Decks below their minimum, including required decks that do not exist yet (they have 0 cards). */
export function decksBelowMinimum(decks: ParsedDeck[], minimumCards: ContentRequirements["minimumCards"]): string[] {
  return Object.entries(minimumCards).flatMap(([slug, minimum]) => {
    const count = decks.find((deck) => deck.slug === slug)?.cards.length ?? 0;
    return count < minimum ? [`${slug}: ${count} cards, minimum ${minimum}`] : [];
  });
}

/** One row per deck: card total, cards per level tag, other tags with counts, and the minimum. */
export function formatDeckTable(decks: ParsedDeck[], minimumCards: ContentRequirements["minimumCards"]): string {
  const header = ["deck", "cards", "min", "basic", "intermediate", "advanced", "status", "other tags"];
  const rows = decks.map((deck) => {
    const summary = summarizeDeckTags(deck);
    const minimum = minimumCards[deck.slug];
    const status = deckHasErrors(deck) ? "ERRORS" : minimum !== undefined && summary.total < minimum ? "TOO FEW" : "ok";
    return [
      deck.slug,
      String(summary.total),
      minimum === undefined ? "-" : String(minimum),
      String(summary.levels.basic),
      String(summary.levels.intermediate),
      String(summary.levels.advanced),
      status,
      summary.tags.map(([tag, count]) => `${tag} ${count}`).join(", "),
    ];
  });
  const total = decks.reduce((sum, deck) => sum + deck.cards.length, 0);
  const all = [header, ...rows];
  // The last column is free text, so only the others are padded.
  const widths = header.map((_, column) => Math.max(...all.map((row) => [...row[column]].length)));
  const format = (row: string[]) =>
    row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ").trimEnd();
  return [...all.map(format), `${decks.length} decks, ${total} cards`].join("\n");
}
