export type { CardShape, ContentProblem, DeckMeta, ParsedCard, ParsedDeck } from "./types";
export { parseDeck, deckHasErrors, deckSlug } from "./parse-deck";
export { renderMarkdown } from "./render-markdown";
export { isQuestionText } from "./question-detect";
export {
  cardContentHash,
  generatedCardId,
  planCardIdentities,
  QUESTION_SIMILARITY_THRESHOLD,
  type CardStatus,
  type IdentityPlan,
  type PlannedCard,
  type StoredCard,
} from "./card-identity";
export {
  checkDeckCollection,
  CONTENT_REQUIREMENTS,
  contentRequirementChecks,
  DECK_MINIMUMS,
  LEVEL_TAGS,
  summarizeDeckTags,
  type ContentRequirementName,
  type ContentRequirements,
  type DeckTagSummary,
  type LevelTag,
} from "./deck-requirements";
export { decksBelowMinimum, formatDeckTable, formatProblem } from "./deck-report";
