import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CARD_ID_PATTERN } from "./metadata-comment";
import { parseDeck } from "./parse-deck";

/** Fragments that exercise every branch of the scanner, glued together in random order. */
const FRAGMENTS = [
  "## 질문?\n", "# 제목\n", "### 소제목\n", "질문\n", "\n", "\n\n", "?\n", "Q :: A\n", " :: \n", "fe80::1 ",
  "<details>", "<details>\n", "</details>", "</details>\n", "<summary>정답</summary>", "<summary>무엇?</summary>\n",
  "<!-- id: card-1 -->\n", "<!-- id: card-1; tags: basic -->", "<!-- id: Bad Id -->\n", "<!-- tags: a; x: y -->\n",
  "<!-- note -->", "```\n", "~~~\n", "- item\n", "> quote\n", "---\n", "------\n", "text ", "`", "**", "__", "(t)", "\\", "한", "| a | b |\n|---|---|\n",
  '<img src="x" onerror="alert(1)">', "<script>alert(1)</script>", "\r\n", "？", "🤔",
];

const deckSource = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }))
  .map(([withFrontMatter, parts]) => (withFrontMatter ? "---\ntitle: t\n---\n" : "") + parts.join(""));

describe("parseDeck on arbitrary input", () => {
  it("never throws and keeps its invariants", () => {
    fc.assert(
      fc.property(deckSource, (source) => {
        const deck = parseDeck(source, "content/fuzz.md");
        const lineCount = source.replace(/\r\n?/g, "\n").split("\n").length;
        for (const card of deck.cards) {
          expect(card.questionMd).not.toBe("");
          expect(card.answerMd).not.toBe("");
          expect(card.line).toBeGreaterThanOrEqual(1);
          expect(card.line).toBeLessThanOrEqual(lineCount);
          expect(card.answerHtml).not.toMatch(/<script|<[a-z][^>]*\son[a-z]+=/i);
          if (card.explicitId !== null) expect(card.explicitId).toMatch(CARD_ID_PATTERN);
        }
        for (const problem of deck.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lineCount);
        }
        const ids = deck.cards.flatMap((card) => (card.explicitId ? [card.explicitId] : []));
        expect(new Set(ids).size).toBe(ids.length);
        expect(deck.cards.map((card) => card.line)).toEqual([...deck.cards.map((card) => card.line)].sort((a, b) => a - b));
      }),
      { numRuns: 400 },
    );
  });
});
