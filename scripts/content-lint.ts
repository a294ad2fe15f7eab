/**
 * `npm run content:lint`: parses every `content/*.md`, prints a per-deck table and every problem as
 * `file:line: severity: message`. Exits 1 on any error or when a deck is below its minimum.
 * Requirement shortfalls that are not errors (missing ids, level tags, tag counts) are printed as
 * notes; the deck test (lib/content/decks.test.ts) enforces them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  CONTENT_REQUIREMENTS,
  contentRequirementChecks,
  deckHasErrors,
  decksBelowMinimum,
  formatDeckTable,
  formatProblem,
  parseDeck,
  type ParsedDeck,
} from "../lib/content/index";

const CONTENT_DIRECTORY = path.resolve(process.cwd(), "content");

function loadDecks(directory: string): ParsedDeck[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => {
      const file = path.join(directory, name);
      return parseDeck(readFileSync(file, "utf8"), path.relative(process.cwd(), file));
    });
}

function main(): number {
  const decks = loadDecks(CONTENT_DIRECTORY);
  console.log(formatDeckTable(decks, CONTENT_REQUIREMENTS.minimumCards));

  const problems = decks.flatMap((deck) => deck.problems);
  if (problems.length > 0) {
    console.log("");
    for (const problem of problems) console.log(formatProblem(problem));
  }

  const belowMinimum = decksBelowMinimum(decks, CONTENT_REQUIREMENTS.minimumCards);
  // Problems were printed above; list only the other requirements here.
  const notes = Object.entries(contentRequirementChecks)
    .filter(([name]) => name !== "every deck parses without problems")
    .flatMap(([, check]) => check(decks, CONTENT_REQUIREMENTS));
  if (notes.length > 0) {
    console.log("\nrequirements not met:");
    for (const note of notes) console.log(`  ${note}`);
  }

  const errors = decks.filter(deckHasErrors).length;
  const failed = errors > 0 || belowMinimum.length > 0;
  console.log(
    failed
      ? `\ncontent:lint failed: ${errors} deck(s) with errors, ${belowMinimum.length} deck(s) below minimum`
      : "\ncontent:lint passed",
  );
  return failed ? 1 : 0;
}

process.exitCode = main();
