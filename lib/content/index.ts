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
