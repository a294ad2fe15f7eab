export type { CardShape, ContentProblem, DeckMeta, ParsedCard, ParsedDeck } from "./types";
export { parseDeck, deckHasErrors, deckSlug } from "./parse-deck";
export { renderMarkdown } from "./render-markdown";
export { isQuestionText } from "./question-detect";
