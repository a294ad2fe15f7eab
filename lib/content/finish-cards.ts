import { CARD_ID_PATTERN } from "./metadata-comment";
import { renderMarkdownTrees } from "./render-markdown";
import type { CardDraft, MetadataNote } from "./scan-cards";
import type { ContentProblem, ParsedCard } from "./types";
import { findUnrenderedEmphasis } from "./unrendered-emphasis";

/**
 * Attaches metadata comments to the cards right after them, validates ids, renders HTML and warns
 * about bold markers that came out as literal text.
 */
export function finishCards(drafts: CardDraft[], notes: MetadataNote[], file: string, problems: ContentProblem[]): ParsedCard[] {
  const error = (line: number, message: string) => problems.push({ file, line, severity: "error", message });
  const warn = (line: number, message: string) => problems.push({ file, line, severity: "warning", message });

  for (const note of notes) {
    const target = drafts.find((draft) => draft.anchors.includes(note.block + 1));
    if (!target) {
      warn(note.line, "metadata comment is not followed by a card");
    } else if (target.metadata) {
      warn(note.line, `the card at line ${target.line} already has a metadata comment; this one is ignored`);
    } else {
      target.metadata = note.metadata;
      target.metadataLine = note.line;
    }
  }

  const ordered = [...drafts].sort((a, b) => a.line - b.line);
  const firstLineOfId = new Map<string, number>();
  const cards: ParsedCard[] = [];
  for (const draft of ordered) {
    const metadata = draft.metadata;
    let explicitId: string | null = null;
    if (metadata?.id != null) {
      const id = metadata.id;
      const firstLine = firstLineOfId.get(id);
      if (!CARD_ID_PATTERN.test(id)) {
        error(draft.metadataLine, `invalid id \`${id}\`: use lowercase letters, digits and hyphens, starting with a letter or digit`);
      } else if (firstLine !== undefined) {
        error(draft.metadataLine, `duplicate id \`${id}\` (already used by the card at line ${firstLine})`);
      } else {
        firstLineOfId.set(id, draft.line);
        explicitId = id;
      }
    }
    if (draft.questionMd === "") {
      error(draft.line, draft.missingQuestionMessage ?? "card has an empty question");
      continue;
    }
    if (draft.answerMd === "") {
      error(draft.line, "card has an empty answer");
      continue;
    }
    const render = (markdown: string, deckLines: number[]) => {
      const { html, mdast, hast } = renderMarkdownTrees(markdown);
      for (const found of findUnrenderedEmphasis(markdown, mdast, hast)) warn(deckLines[found.line - 1] ?? draft.line, found.message);
      return html;
    };
    cards.push({
      explicitId,
      shape: draft.shape,
      questionMd: draft.questionMd,
      answerMd: draft.answerMd,
      questionHtml: render(draft.questionMd, draft.questionLines),
      answerHtml: render(draft.answerMd, draft.answerLines),
      tags: metadata?.tags ?? [],
      line: draft.line,
      section: draft.section,
    });
  }
  return cards;
}
