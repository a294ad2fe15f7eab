import type { Nodes, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { findDetailsTags, type DetailsTag } from "./details-tags";

/** A top-level Markdown block with the positions the card scanner needs. */
export interface Block {
  index: number;
  node: RootContent;
  startLine: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
  /** Every details tag inside this block, including ones nested in lists, quotes or inline HTML. */
  detailsTags: DetailsTag[];
}

const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();

export function parseBlocks(body: string): Block[] {
  const tree = markdownParser.parse(body) as Root;
  return tree.children.flatMap((node, index) => {
    const position = node.position;
    if (!position || position.start.offset === undefined || position.end.offset === undefined) return [];
    return [
      {
        index,
        node,
        startLine: position.start.line,
        endLine: position.end.line,
        startOffset: position.start.offset,
        endOffset: position.end.offset,
        detailsTags: collectDetailsTags(node, body),
      },
    ];
  }).map((block, index) => ({ ...block, index }));
}

function collectDetailsTags(node: Nodes, source: string): DetailsTag[] {
  if (node.type === "html") {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    // Slice the source rather than read node.value: inside lists and quotes the value has its
    // container prefix removed, so offsets into it would not be source offsets.
    return start === undefined || end === undefined ? [] : findDetailsTags(source.slice(start, end), start);
  }
  if ("children" in node) return node.children.flatMap((child) => collectDetailsTags(child, source));
  return [];
}

/** Visible text of a node (headings for section breadcrumbs). */
export function plainText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (node.type === "image") return node.alt ?? "";
  if (node.type === "break") return " ";
  if ("children" in node) return node.children.map((child) => plainText(child)).join("");
  return "";
}

/** Markdown source of a heading's content, without `#` markers or a setext underline. */
export function headingSource(node: RootContent, source: string): string {
  if (node.type !== "heading" || node.children.length === 0) return "";
  const first = node.children[0].position?.start.offset;
  const last = node.children[node.children.length - 1].position?.end.offset;
  if (first === undefined || last === undefined) return plainText(node).trim();
  return source.slice(first, last).trim();
}

/**
 * A paragraph made only of links and images (the bare reference URLs notes are full of). It is never
 * taken as the question of a folded answer.
 */
export function isReferenceOnlyParagraph(node: RootContent): boolean {
  if (node.type !== "paragraph") return false;
  return node.children.every(
    (child) =>
      child.type === "link" ||
      child.type === "image" ||
      child.type === "break" ||
      (child.type === "text" && child.value.trim() === ""),
  );
}

export function isHtmlComment(node: RootContent): boolean {
  return node.type === "html" && /^<!--[\s\S]*-->$/.test(node.value.trim());
}
