import type { Heading, Nodes } from "mdast";
import { pairDetailsTags, splitDetails, summaryText, type DetailsPair } from "./details-tags";
import { findInlineSeparator } from "./inline-separator";
import {
  headingSource,
  isHtmlComment,
  isReferenceOnlyParagraph,
  parseBlocks,
  plainText,
  type Block,
} from "./markdown-blocks";
import { parseMetadataComment, splitTrailingComment, type CardMetadata } from "./metadata-comment";
import { isQuestionText } from "./question-detect";
import type { CardShape, ContentProblem } from "./types";

/** A card found in the source, before metadata is attached and it is validated and rendered. */
export interface CardDraft {
  shape: CardShape;
  questionMd: string;
  answerMd: string;
  line: number;
  section: string[];
  /** Top-level blocks that a metadata comment may directly precede to belong to this card. */
  anchors: number[];
  metadata: CardMetadata | null;
  metadataLine: number;
  /** Error shown instead of the generic one when the question is empty. */
  missingQuestionMessage?: string;
  /** Deck line of each line of `questionMd` / `answerMd`, for problems found while rendering them. */
  questionLines: number[];
  answerLines: number[];
}

export interface MetadataNote {
  block: number;
  line: number;
  metadata: CardMetadata;
}

interface SectionHeading {
  depth: number;
  text: string;
}

/**
 * Walks the top-level Markdown blocks of a deck body and finds cards of all four shapes, plus the
 * metadata comments that may belong to them. Problems are appended to `problems`.
 */
export function scanCards(body: string, file: string, problems: ContentProblem[]) {
  const lines = body.split("\n");
  const lineAt = lineLocator(body);
  const blocks = parseBlocks(body);
  const drafts: CardDraft[] = [];
  const notes: MetadataNote[] = [];
  const consumed = new Set<number>();
  const sections: SectionHeading[] = [];

  const error = (line: number, message: string) => problems.push({ file, line, severity: "error", message });
  const warn = (line: number, message: string) => problems.push({ file, line, severity: "warning", message });

  /**
   * Deck lines of `markdown`, a trimmed piece of the body that starts at or after `offset` with only
   * whitespace in between. Card parts are such pieces, so their lines map one to one.
   */
  const linesFrom = (offset: number, markdown: string): number[] => {
    let start = offset;
    while (start < body.length && /\s/.test(body[start])) start++;
    const first = lineAt(start);
    return markdown.split("\n").map((_, index) => first + index);
  };

  warnSetextCards(blocks, lines, warn);

  const pairing = pairDetailsTags(blocks.flatMap((block) => block.detailsTags));
  for (const tag of pairing.unclosed) error(lineAt(tag.start), "`<details>` is never closed (missing `</details>`)");
  for (const tag of pairing.unopened) error(lineAt(tag.start), "`</details>` has no matching `<details>` before it");

  // CommonMark ends an HTML block only at a blank line, so Markdown written right under `</details>`
  // stays raw HTML (GitHub shows `## Next?` literally and we would miss that card).
  for (const pair of pairing.pairs.values()) {
    const block = blocks.find((candidate) => candidate.startOffset <= pair.close.start && pair.close.start < candidate.endOffset);
    if (block?.node.type !== "html") continue;
    const after = body.slice(pair.close.end, block.endOffset).split("\n");
    if (after.some((line) => line.trim() !== "" && !line.trim().startsWith("<"))) {
      warn(lineAt(pair.close.start), "text right after `</details>` is swallowed into the HTML block and not read as Markdown; leave a blank line after `</details>`");
    }
  }

  const blockOfOffset = (offset: number): number => {
    let low = 0;
    let high = blocks.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (blocks[middle].startOffset <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  // For each block, the last block reached by a details element opened in it (-1 if none): headings
  // and comments up to there are inside the folded content, not card boundaries.
  const detailsReach = blocks.map((block) => {
    let reach = -1;
    for (const tag of block.detailsTags) {
      const pair = pairing.pairs.get(tag.start);
      if (pair) reach = Math.max(reach, blockOfOffset(pair.close.start));
    }
    return reach;
  });

  const warnUnknownKeys = (metadata: CardMetadata, line: number) => {
    for (const key of metadata.unknownKeys) warn(line, `unknown metadata key \`${key}\` (known keys: id, tags)`);
  };

  const metadataOf = (block: Block): CardMetadata | null =>
    isHtmlComment(block.node) && block.node.type === "html" ? parseMetadataComment(block.node.value) : null;

  const leadingDetails = (block: Block): DetailsPair | null => {
    if (block.node.type !== "html" || !/^\s*<details\b/i.test(body.slice(block.startOffset, block.endOffset))) {
      return null;
    }
    const first = block.detailsTags[0];
    return first?.kind === "open" ? (pairing.pairs.get(first.start) ?? null) : null;
  };

  /** Marks blocks as part of an answer; metadata comments there cannot reach a card. */
  const consumeAnswer = (from: number, to: number, cardLine: number) => {
    for (let index = from; index <= to; index++) {
      consumed.add(index);
      const metadata = metadataOf(blocks[index]);
      if (metadata) {
        warnUnknownKeys(metadata, blocks[index].startLine);
        warn(blocks[index].startLine, `metadata comment is not followed by a card (it is inside the answer of the card at line ${cardLine})`);
      }
    }
  };

  /**
   * Everything under a question heading is its answer, so a `Q :: A` or `?` card written there is
   * silently part of that answer. Authors almost never mean that; say so.
   */
  const warnSwallowedCards = (from: number, to: number, cardLine: number) => {
    let insideDetailsUntil = -1;
    for (let index = from; index <= to; index++) {
      const block = blocks[index];
      if (index > insideDetailsUntil && block.node.type === "paragraph") {
        const offset = lines
          .slice(block.startLine - 1, block.endLine)
          .findIndex((line) => line.trim() === "?" || findInlineSeparator(splitTrailingComment(line).text) !== -1);
        if (offset !== -1) {
          warn(
            block.startLine + offset,
            `this looks like a card but is part of the answer of the question heading at line ${cardLine}; put a section heading before it to make it a card of its own`,
          );
        }
      }
      insideDetailsUntil = Math.max(insideDetailsUntil, detailsReach[index]);
    }
  };

  const sectionNames = () => sections.map((section) => section.text);
  const closeSections = (depth: number) => {
    while (sections.length > 0 && sections[sections.length - 1].depth >= depth) sections.pop();
  };

  const readHeadingCard = (start: number, questionMd: string): number => {
    const heading = blocks[start].node as Heading;
    closeSections(heading.depth);
    let end = start + 1;
    let insideDetailsUntil = -1;
    while (end < blocks.length) {
      const node = blocks[end].node;
      if (end > insideDetailsUntil && node.type === "heading" && node.depth <= heading.depth) break;
      insideDetailsUntil = Math.max(insideDetailsUntil, detailsReach[end]);
      end++;
    }
    // A metadata comment right before the next heading introduces the next card, not this answer.
    let last = end - 1;
    while (last > start && last > insideDetailsUntil && metadataOf(blocks[last])) last--;
    const line = blocks[start].startLine;
    consumeAnswer(start + 1, last, line);
    warnSwallowedCards(start + 1, last, line);

    let answerMd = last > start ? body.slice(blocks[start].endOffset, blocks[last].endOffset) : "";
    let answerOffset = blocks[start].endOffset;
    const onlyDetails = last > start ? leadingDetails(blocks[start + 1]) : null;
    if (onlyDetails && blockOfOffset(onlyDetails.close.start) === last) {
      const trailing = body.slice(onlyDetails.close.end, blocks[last].endOffset);
      const parts = splitDetails(body, onlyDetails);
      const revealLabel = parts.summary === null || !isQuestionText(summaryText(parts.summary));
      // `## Q?` + a lone `<details><summary>정답</summary>…` is the author folding the answer by hand.
      if (trailing.trim() === "" && revealLabel) {
        answerMd = body.slice(parts.contentStart, parts.contentEnd);
        answerOffset = parts.contentStart;
      }
    }
    answerMd = answerMd.trim();
    drafts.push({
      shape: "heading",
      questionMd,
      answerMd,
      line,
      section: sectionNames(),
      anchors: [start],
      metadata: null,
      metadataLine: line,
      questionLines: consecutiveLines(line, questionMd),
      answerLines: linesFrom(answerOffset, answerMd),
    });
    return last + 1;
  };

  /**
   * The question of a folded answer with a reveal label: the nearest heading or paragraph before it,
   * together with anything between (a list, a code sample) except trailing comments and bare links.
   */
  const findQuestionBefore = (detailsIndex: number): { first: number; last: number; heading: boolean } | null => {
    let last = -1;
    for (let index = detailsIndex - 1; index >= 0; index--) {
      const block = blocks[index];
      const node = block.node;
      if (consumed.has(index) || node.type === "thematicBreak" || block.detailsTags.length > 0) return null;
      const skippable = isHtmlComment(node) || isReferenceOnlyParagraph(node);
      if (last === -1 && !skippable) last = index;
      if (node.type === "heading") {
        return headingSource(node, body) === "" ? null : { first: index, last: Math.max(last, index), heading: true };
      }
      if (node.type === "paragraph" && !isReferenceOnlyParagraph(node)) return { first: index, last, heading: false };
    }
    return null;
  };

  const readDetailsCard = (start: number, pair: DetailsPair): number => {
    const closeBlock = blockOfOffset(pair.close.start);
    const parts = splitDetails(body, pair);
    const answerMd = body.slice(parts.contentStart, parts.contentEnd).trim();
    const answerLines = linesFrom(parts.contentStart, answerMd);
    const summary = parts.summary === null ? "" : summaryText(parts.summary);
    let draft: CardDraft;
    if (parts.summary !== null && isQuestionText(summary)) {
      const line = lineAt(parts.summaryStart);
      // The summary's Markdown starts after the `<summary ...>` tag.
      const questionLines = linesFrom(body.indexOf(">", parts.summaryStart) + 1, parts.summary);
      draft = { shape: "details", questionMd: parts.summary, answerMd, line, section: sectionNames(), anchors: [start], metadata: null, metadataLine: line, questionLines, answerLines };
    } else {
      const question = findQuestionBefore(start);
      const section = sectionNames();
      if (question === null) {
        const line = blocks[start].startLine;
        draft = {
          shape: "details",
          questionMd: "",
          answerMd,
          line,
          section,
          anchors: [start],
          metadata: null,
          metadataLine: line,
          missingQuestionMessage:
            "folded answer has no question: put a question heading or paragraph before `<details>`, or phrase the `<summary>` as a question",
          questionLines: [],
          answerLines,
        };
      } else {
        for (let index = question.first; index <= question.last; index++) consumed.add(index);
        const firstBlock = blocks[question.first];
        const rest = body.slice(firstBlock.endOffset, blocks[question.last].endOffset);
        let questionMd: string;
        let questionLines: number[];
        if (question.heading) {
          const headingMd = headingSource(firstBlock.node, body);
          questionMd = [headingMd, rest].join("\n\n");
          // The heading's lines, the blank line the join adds, then the rest line for line.
          const headingLines = consecutiveLines(firstBlock.startLine, headingMd);
          const restFirst = lineAt(firstBlock.endOffset);
          questionLines = [...headingLines, restFirst, ...consecutiveLines(restFirst, rest)];
        } else {
          questionMd = body.slice(firstBlock.startOffset, blocks[question.last].endOffset);
          questionLines = consecutiveLines(firstBlock.startLine, questionMd);
        }
        // The heading that serves as the question is not also its own section.
        if (question.heading) section.pop();
        draft = {
          shape: "details",
          questionMd: questionMd.trim(),
          answerMd,
          line: firstBlock.startLine,
          section,
          anchors: [question.first, start],
          metadata: null,
          metadataLine: firstBlock.startLine,
          questionLines,
          answerLines,
        };
      }
    }
    consumed.add(start);
    consumeAnswer(start + 1, closeBlock, draft.line);
    drafts.push(draft);
    return closeBlock + 1;
  };

  const readParagraph = (index: number): number => {
    const block = blocks[index];
    const paragraphLines = lines.slice(block.startLine - 1, block.endLine);
    const mark = paragraphLines.findIndex((line) => line.trim() === "?");
    if (mark !== -1) {
      // Multi-line card: the answer runs to the next blank line, even across a list that interrupts
      // the paragraph; a block that starts inside it (say a fenced code block) is taken whole.
      const markLine = block.startLine + mark;
      let lastLine = markLine;
      while (lastLine < lines.length && lines[lastLine].trim() !== "") lastLine++;
      let next = index + 1;
      while (next < blocks.length && blocks[next].startLine <= lastLine) {
        lastLine = Math.max(lastLine, blocks[next].endLine);
        next++;
      }
      consumed.add(index);
      consumeAnswer(index + 1, next - 1, block.startLine);
      const questionMd = paragraphLines.slice(0, mark).join("\n").trim();
      const answerMd = lines.slice(markLine, lastLine).join("\n").trim();
      drafts.push({
        shape: "multiline",
        questionMd,
        answerMd,
        line: block.startLine,
        section: sectionNames(),
        anchors: [index],
        metadata: null,
        metadataLine: block.startLine,
        questionLines: consecutiveLines(block.startLine, questionMd),
        answerLines: consecutiveLines(markLine + 1, answerMd),
      });
      return next;
    }

    paragraphLines.forEach((raw, offset) => {
      const line = block.startLine + offset;
      const { text, comment } = splitTrailingComment(raw);
      const metadata = comment === null ? null : parseMetadataComment(comment);
      if (metadata) warnUnknownKeys(metadata, line);
      const cardText = metadata ? text : raw;
      const separator = findInlineSeparator(cardText);
      if (separator === -1) {
        if (metadata) warn(line, "metadata comment is not followed by a card (this line has no `::`)");
        return;
      }
      consumed.add(index);
      drafts.push({
        shape: "inline",
        questionMd: cardText.slice(0, separator).trim(),
        answerMd: cardText.slice(separator + 2).trim(),
        line,
        section: sectionNames(),
        anchors: offset === 0 ? [index] : [],
        metadata,
        metadataLine: line,
        questionLines: [line],
        answerLines: [line],
      });
    });
    return index + 1;
  };

  let index = 0;
  while (index < blocks.length) {
    const block = blocks[index];
    const node = block.node;
    if (node.type === "heading") {
      const questionMd = headingSource(node, body);
      if (questionMd !== "" && isQuestionText(questionMd)) {
        index = readHeadingCard(index, questionMd);
        continue;
      }
      closeSections(node.depth);
      sections.push({ depth: node.depth, text: plainText(node).trim() });
      index++;
    } else if (node.type === "html") {
      const metadata = metadataOf(block);
      const pair = metadata ? null : leadingDetails(block);
      if (metadata) {
        warnUnknownKeys(metadata, block.startLine);
        notes.push({ block: index, line: block.startLine, metadata });
      }
      index = pair ? readDetailsCard(index, pair) : index + 1;
    } else if (node.type === "paragraph") {
      index = readParagraph(index);
    } else {
      index++;
    }
  }
  return { drafts, notes };
}

/** `first`, `first + 1`, … for each line of `markdown`. */
function consecutiveLines(first: number, markdown: string): number[] {
  return markdown.split("\n").map((_, index) => first + index);
}

/**
 * A paragraph directly followed by `---` or `===` is a setext heading, so one-line cards written
 * just above a horizontal rule silently become a heading (and a section name) instead of cards.
 */
function warnSetextCards(blocks: Block[], lines: string[], warn: (line: number, message: string) => void) {
  const visit = (node: Nodes) => {
    if (node.type === "heading") {
      const start = node.position?.start.line;
      const end = node.position?.end.line;
      if (start === undefined || end === undefined || end <= start) return; // ATX headings are one line
      const underline = lines[end - 1].trim().replace(/^>\s*/, "");
      for (let line = start; line < end; line++) {
        if (findInlineSeparator(splitTrailingComment(lines[line - 1]).text) === -1) continue;
        warn(
          line,
          line === end - 1
            ? `this line became a heading because the next line is \`${underline}\`; put a blank line between them`
            : `this line became part of a heading because line ${end} below it is \`${underline}\`; put a blank line before line ${end}`,
        );
      }
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  for (const block of blocks) visit(block.node);
}

/** Maps a source offset to its 1-based line. */
function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === "\n") starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
