/**
 * Locates `<details>` / `</details>` / `<summary>` tags in raw HTML taken from the deck source.
 *
 * remark keeps raw HTML as opaque `html` nodes: a `<details>` block is usually split over several
 * nodes (`<details>\n<summary>…</summary>` / Markdown in between / `</details>`), so pairing happens
 * on tags with absolute source offsets rather than on nodes.
 */

export interface DetailsTag {
  kind: "open" | "close";
  /** Absolute offset of `<` in the deck source. */
  start: number;
  /** Absolute offset just past `>`. */
  end: number;
}

const DETAILS_TAG = /<(\/?)details\b[^>]*>/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Finds details tags in `html`, which starts at `baseOffset` in the source. Comments are skipped. */
export function findDetailsTags(html: string, baseOffset: number): DetailsTag[] {
  // Blank out comments (keeping length) so a commented-out tag does not count.
  const visible = html.replace(COMMENT, (comment) => " ".repeat(comment.length));
  const tags: DetailsTag[] = [];
  for (const match of visible.matchAll(DETAILS_TAG)) {
    const start = baseOffset + (match.index ?? 0);
    tags.push({ kind: match[1] === "/" ? "close" : "open", start, end: start + match[0].length });
  }
  return tags;
}

export interface DetailsPair {
  open: DetailsTag;
  close: DetailsTag;
}

export interface DetailsPairing {
  /** Matched pairs keyed by the open tag's start offset. */
  pairs: Map<number, DetailsPair>;
  unclosed: DetailsTag[];
  unopened: DetailsTag[];
}

/** Pairs tags like brackets, so nested details are matched to their own closing tag. */
export function pairDetailsTags(tags: DetailsTag[]): DetailsPairing {
  const pairs = new Map<number, DetailsPair>();
  const unopened: DetailsTag[] = [];
  const stack: DetailsTag[] = [];
  for (const tag of tags) {
    if (tag.kind === "open") {
      stack.push(tag);
    } else {
      const open = stack.pop();
      if (open) pairs.set(open.start, { open, close: tag });
      else unopened.push(tag);
    }
  }
  return { pairs, unclosed: stack, unopened };
}

export interface DetailsParts {
  /** Inner HTML/Markdown of `<summary>`, or null when the block has no leading summary. */
  summary: string | null;
  /** Offset where the summary starts (or the details content when there is none). */
  summaryStart: number;
  /** Offset where the folded content starts (after `</summary>`). */
  contentStart: number;
  /** Offset where the folded content ends (the closing tag). */
  contentEnd: number;
}

const LEADING_SUMMARY = /^\s*<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i;

export function splitDetails(source: string, pair: DetailsPair): DetailsParts {
  const inner = source.slice(pair.open.end, pair.close.start);
  const match = LEADING_SUMMARY.exec(inner);
  if (!match) {
    return { summary: null, summaryStart: pair.open.end, contentStart: pair.open.end, contentEnd: pair.close.start };
  }
  const summaryStart = pair.open.end + inner.indexOf("<", 0);
  return {
    summary: match[1].trim(),
    summaryStart,
    contentStart: pair.open.end + match[0].length,
    contentEnd: pair.close.start,
  };
}

/** Visible text of a summary, used to decide whether it is a question or a reveal label. */
export function summaryText(summaryHtml: string): string {
  return summaryHtml
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .trim();
}
