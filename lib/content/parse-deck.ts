import { finishCards } from "./finish-cards";
import { readFrontMatter, splitFrontMatter } from "./front-matter";
import { scanCards } from "./scan-cards";
import type { ContentProblem, ParsedDeck } from "./types";

/** `content/tls-handshake.md` -> `tls-handshake`. Written by hand to keep this module free of node:path. */
export function deckSlug(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.md$/i, "");
}

/**
 * Turns one deck file into cards. Never throws for bad content: every expected failure becomes a
 * problem with file and line, so an author sees all of them in one run.
 */
export function parseDeck(source: string, file: string): ParsedDeck {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const slug = deckSlug(file);
  const split = splitFrontMatter(text);
  const frontMatter = readFrontMatter(split, file, slug);
  const problems: ContentProblem[] = [...frontMatter.problems];
  const scan = scanCards(split.body, file, problems);
  const cards = finishCards(scan.drafts, scan.notes, file, problems);
  problems.sort((a, b) => a.line - b.line);
  return { slug, file, meta: frontMatter.meta, cards, problems };
}

export function deckHasErrors(deck: ParsedDeck): boolean {
  return deck.problems.some((problem) => problem.severity === "error");
}
