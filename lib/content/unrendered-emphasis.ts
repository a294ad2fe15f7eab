import type { Element as HastElement, Root as HastRoot, RootContent as HastContent } from "hast";
import type { Nodes as MdastNodes, Root as MdastRoot } from "mdast";

/**
 * Finds `**` / `__` runs that reached the rendered card as literal text.
 *
 * CommonMark only lets a delimiter run open bold when it is left-flanking and close it when it is
 * right-flanking. A run touching punctuation on one side and a letter on the other fails one of the
 * two: `**용어(term)**한국어` renders as `**용어(term)**한국어`, asterisks and all, with no error.
 * Bold key terms matter to us (typed answers are checked against them), so the author hears of it.
 *
 * Only text of the rendered HTML tree is examined, so code spans, code blocks and anything the
 * sanitizer drops never count. Each run is read back from the Markdown source at the text node's
 * position, which is what tells an escaped `\*\*` (intentionally literal) from a failed delimiter.
 */

export interface UnrenderedEmphasis {
  /** 1-based line in the rendered Markdown. */
  line: number;
  message: string;
}

/** Elements whose text is code, or never shown. */
const SKIPPED_ELEMENTS = new Set(["code", "pre", "kbd", "samp", "script", "style", "textarea"]);

type CharClass = "whitespace" | "punctuation" | "other";
type Diagnosis = "raw-html" | "close-after-punctuation" | "open-before-punctuation" | "underscore-in-word" | "unmatched";

/** Most telling first: when one line has several leftover runs, the first diagnosis here is reported. */
const DIAGNOSIS_ORDER: Diagnosis[] = ["raw-html", "close-after-punctuation", "open-before-punctuation", "underscore-in-word", "unmatched"];

interface LeftoverRun {
  offset: number;
  marker: "**" | "__";
  diagnosis: Diagnosis;
}

export function findUnrenderedEmphasis(markdown: string, mdast: MdastRoot, hast: HastRoot): UnrenderedEmphasis[] {
  const rawHtml = htmlRanges(mdast);
  const runs: LeftoverRun[] = [];
  const visit = (node: HastRoot | HastContent) => {
    if (node.type === "text") {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      // Text made up by the pipeline (footnote labels and the like) has no source to check.
      if (start === undefined || end === undefined || !/[*_]{2}/.test(node.value)) return;
      const inRawHtml = rawHtml.some(([from, to]) => from <= start && start < to);
      runs.push(...leftoverRuns(markdown, start, end, inRawHtml));
      return;
    }
    if (node.type === "element" && SKIPPED_ELEMENTS.has((node as HastElement).tagName)) return;
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(hast);

  const lineStarts = [0];
  for (let index = 0; index < markdown.length; index++) if (markdown[index] === "\n") lineStarts.push(index + 1);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return line + 1;
  };

  // One warning per line: a broken pair leaves two runs behind, and the author fixes them together.
  const runsByLine = new Map<number, LeftoverRun[]>();
  for (const run of runs) {
    const line = lineOf(run.offset);
    runsByLine.set(line, [...(runsByLine.get(line) ?? []), run]);
  }
  return [...runsByLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, lineRuns]) => {
      const rank = (run: LeftoverRun) => DIAGNOSIS_ORDER.indexOf(run.diagnosis);
      const worst = lineRuns.reduce((best, run) => (rank(run) < rank(best) ? run : best));
      const both = ["close-after-punctuation", "open-before-punctuation"].every((diagnosis) =>
        lineRuns.some((run) => run.diagnosis === diagnosis && run.marker === worst.marker),
      );
      return { line, message: describe(worst, snippet(markdown, worst, lineStarts[line - 1]), both) };
    });
}

/** Source ranges of raw HTML, where Markdown is not read at all. */
function htmlRanges(node: MdastNodes): Array<[number, number]> {
  if (node.type === "html") {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    return from === undefined || to === undefined ? [] : [[from, to]];
  }
  return "children" in node ? node.children.flatMap((child) => htmlRanges(child)) : [];
}

/** Unescaped runs of two or more `*` or `_` in `source[start, end)` that could have been delimiters. */
function leftoverRuns(source: string, start: number, end: number, inRawHtml: boolean): LeftoverRun[] {
  const runs: LeftoverRun[] = [];
  let index = start;
  while (index < end) {
    const char = source[index];
    if (char === "\\") {
      index += 2; // the escaped character is literal and also breaks a run
      continue;
    }
    if (char !== "*" && char !== "_") {
      index++;
      continue;
    }
    let runEnd = index;
    while (runEnd < end && source[runEnd] === char) runEnd++;
    if (runEnd - index >= 2) {
      const diagnosis = diagnose(source[index - 1], source[runEnd], char, inRawHtml);
      if (diagnosis) runs.push({ offset: index, marker: char === "*" ? "**" : "__", diagnosis });
    }
    index = runEnd;
  }
  return runs;
}

/** Classifies a character next to a run the way micromark does (a missing character counts as whitespace). */
function classify(char: string | undefined): CharClass {
  if (char === undefined || /\s/u.test(char)) return "whitespace";
  if (/[\p{P}\p{S}]/u.test(char)) return "punctuation";
  return "other";
}

const ASCII_WORD = /^[A-Za-z0-9]$/;

/**
 * Why a leftover run did not render, or null when it was never meant as a delimiter: a run with
 * whitespace on both sides (`2 ** 10`, a `____` blank to fill in) can neither open nor close, and
 * `__` between ASCII letters or digits is an identifier (`snake__case`, `2**10`).
 */
function diagnose(before: string | undefined, after: string | undefined, char: string, inRawHtml: boolean): Diagnosis | null {
  const previous = classify(before);
  const next = classify(after);
  const leftFlanking = next === "other" || (next === "punctuation" && previous !== "other");
  const rightFlanking = previous === "other" || (previous === "punctuation" && next !== "other");
  if (!leftFlanking && !rightFlanking) return null;
  if (before !== undefined && after !== undefined && ASCII_WORD.test(before) && ASCII_WORD.test(after)) return null;
  if (inRawHtml) return "raw-html";
  if (previous === "punctuation" && next === "other") return "close-after-punctuation";
  if (previous === "other" && next === "punctuation") return "open-before-punctuation";
  if (char === "_" && previous === "other" && next === "other") return "underscore-in-word";
  return "unmatched";
}

/** A few characters of the run's own line around it, so the author can find it in a long answer. */
function snippet(source: string, run: LeftoverRun, lineStart: number): string {
  const lineEnd = source.indexOf("\n", run.offset);
  const from = Math.max(lineStart, run.offset - 12);
  const to = Math.min(lineEnd === -1 ? source.length : lineEnd, run.offset + run.marker.length + 8);
  return `${from > lineStart ? "…" : ""}${source.slice(from, to).trim()}${to < (lineEnd === -1 ? source.length : lineEnd) ? "…" : ""}`;
}

/** `bothSides`: the line also has the mirror-image problem, so the message covers opening and closing. */
function describe(run: LeftoverRun, near: string, bothSides: boolean): string {
  const m = run.marker;
  const lead = `bold markers "${m}" were not rendered near "${near}"`;
  switch (run.diagnosis) {
    case "raw-html":
      return `${lead}: Markdown is not read inside an HTML block; leave a blank line between the HTML tag and the Markdown, or use <strong>`;
    case "close-after-punctuation":
      if (bothSides) {
        return `${lead} (${m} with punctuation on its inner side and a letter on its outer side can neither open nor close bold); add a space on the letter side, or move ${m} past the punctuation: write 값은 ${m}"용어"${m} 이다 or 값은 "${m}용어${m}"이다`;
      }
      return `${lead} (a closing ${m} right after punctuation needs a space after it, or must move before the punctuation); write ${m}용어(term)${m} 한국어 or ${m}용어${m}(term)한국어`;
    case "open-before-punctuation":
      return `${lead} (an opening ${m} right before punctuation needs a space before it, or must move after the punctuation); write 값은 ${m}"용어"${m} or 값은 "${m}용어${m}"`;
    case "underscore-in-word":
      return `${lead} (__ does not open or close bold inside a word); use ** instead: **용어**는`;
    case "unmatched":
      return `${lead} (no matching ${m} closes it); check the pair on this line: the closing ${m} must touch the bold text, with no space before it`;
  }
}
