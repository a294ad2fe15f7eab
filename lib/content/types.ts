/** The four ways a card can be written in a deck (see README "Writing cards"). */
export type CardShape = "heading" | "details" | "inline" | "multiline";

export interface DeckMeta {
  title: string;
  description: string;
  tags: string[];
  lang: "ko" | "en";
}

/** An expected failure in a deck, reported instead of thrown so a whole deck can be checked at once. */
export interface ContentProblem {
  file: string;
  /** 1-based line in the deck file. */
  line: number;
  severity: "error" | "warning";
  message: string;
}

export interface ParsedCard {
  explicitId: string | null;
  shape: CardShape;
  /** Markdown source of the question (trimmed). */
  questionMd: string;
  /** Markdown source of the answer (trimmed). */
  answerMd: string;
  /** Sanitized HTML of the question. */
  questionHtml: string;
  /** Sanitized HTML of the answer. */
  answerHtml: string;
  /** The card's own tags from its metadata comment; deck tags are NOT merged in. */
  tags: string[];
  /** 1-based line where the question starts. */
  line: number;
  /** Enclosing non-question heading texts, outermost first. */
  section: string[];
}

export interface ParsedDeck {
  /** Base name of the file without `.md`. */
  slug: string;
  file: string;
  meta: DeckMeta;
  cards: ParsedCard[];
  problems: ContentProblem[];
}
