import { describe, expect, it } from "vitest";
import { deckHasErrors, parseDeck } from "./parse-deck";

const FRONT = "---\ntitle: 경고 테스트\n---\n";

/** 1-based line of the only line containing `marker`. */
function lineOf(source: string, marker: string): number {
  const hits = source.split("\n").flatMap((line, index) => (line.includes(marker) ? [index + 1] : []));
  if (hits.length !== 1) throw new Error(`marker ${marker} found ${hits.length} times`);
  return hits[0];
}

function parse(lines: string[]) {
  const source = FRONT + lines.join("\n");
  return { source, deck: parseDeck(source, "content/warnings.md") };
}

const BOLD = /^bold markers "\*\*" were not rendered/;
const boldLines = (deck: ReturnType<typeof parseDeck>) =>
  deck.problems.filter((problem) => BOLD.test(problem.message)).map((problem) => [problem.line, problem.severity]);

describe("parseDeck: bold markers that were not rendered", () => {
  it("warns at the line of a one-line card and keeps the card", () => {
    const { source, deck } = parse(["# 용어", "", "인증서 체인의 끝 :: **루트 인증 기관(Root CA)**이다"]);
    expect(deck.cards).toHaveLength(1);
    expect(deck.problems).toEqual([
      {
        file: "content/warnings.md",
        line: lineOf(source, "루트 인증 기관"),
        severity: "warning",
        message: expect.stringContaining("a closing ** right after punctuation needs a space after it"),
      },
    ]);
    expect(deckHasErrors(deck)).toBe(false);
  });

  it("points into a question heading's answer at the exact line, and at the heading for its question", () => {
    const { source, deck } = parse([
      "## **재협상(renegotiation)**은 왜 위험한가?",
      "",
      "첫 문단은 멀쩡하다.",
      "",
      "- 목록 하나",
      "- 목록 둘은 **중간자(MITM)**가 끼어들 수 있다",
      "",
      "```",
      "**코드(code)**는 괜찮다",
      "```",
      "",
      "## 다음 질문?",
      "",
      "**정상(ok)** 답",
    ]);
    expect(deck.cards).toHaveLength(2);
    expect(boldLines(deck)).toEqual([
      [lineOf(source, "재협상"), "warning"],
      [lineOf(source, "중간자"), "warning"],
    ]);
  });

  it("points into a hand-folded answer under a question heading", () => {
    const { source, deck } = parse([
      "## 키 교환은 무엇으로 하나?",
      "",
      "<details>",
      "<summary>정답 보기</summary>",
      "",
      "한 줄 설명",
      "",
      "**타원 곡선 DH(ECDHE)**로 한다",
      "",
      "</details>",
    ]);
    expect(deck.cards.map((card) => card.answerMd.startsWith("한 줄 설명"))).toEqual([true]);
    expect(boldLines(deck)).toEqual([[lineOf(source, "ECDHE"), "warning"]]);
  });

  it("points at the summary and the folded lines of a details card", () => {
    const { source, deck } = parse([
      "<details>",
      "<summary>**세션 재개(resumption)**는 어떻게?</summary>",
      "",
      "설명 한 줄",
      "",
      "> 인용 속 **티켓(ticket)**으로",
      "",
      "</details>",
    ]);
    expect(deck.cards).toHaveLength(1);
    expect(boldLines(deck)).toEqual([
      [lineOf(source, "세션 재개"), "warning"],
      [lineOf(source, "티켓"), "warning"],
    ]);
  });

  it("maps a question made of a heading and the blocks under it, before a reveal label", () => {
    const { source, deck } = parse([
      "## 레코드 계층이 하는 일",
      "",
      "- 단편화",
      "- **압축(compression)**을 빼면",
      "",
      "<details><summary>정답</summary>",
      "",
      "**암호화(encryption)**뿐",
      "",
      "</details>",
    ]);
    expect(deck.cards.map((card) => [card.shape, card.questionMd.split("\n")[0]])).toEqual([["details", "레코드 계층이 하는 일"]]);
    expect(boldLines(deck)).toEqual([
      [lineOf(source, "압축"), "warning"],
      [lineOf(source, "암호화"), "warning"],
    ]);
  });

  it("maps both parts of a multi-line card", () => {
    const { source, deck } = parse(["첫째 줄", "둘째 줄에 **논스(nonce)**가", "?", "답 첫 줄", "답 둘째 줄 **재전송(replay)**을 막는다"]);
    expect(deck.cards.map((card) => card.shape)).toEqual(["multiline"]);
    expect(boldLines(deck)).toEqual([
      [lineOf(source, "논스"), "warning"],
      [lineOf(source, "재전송"), "warning"],
    ]);
  });

  it("stays quiet for code, escapes and bold that renders", () => {
    const { deck } = parse([
      "마크다운 굵게 :: `**용어(term)**한국어` 는 깨진다",
      "이스케이프 :: \\*\\*용어(term)\\*\\*한국어",
      "고친 모양 :: **용어(term)** 한국어, **용어**(term)한국어",
      "",
      "## 코드 블록은?",
      "",
      "~~~md",
      "**용어(term)**한국어",
      "~~~",
    ]);
    expect(deck.cards).toHaveLength(4);
    expect(deck.problems).toEqual([]);
  });

  it("does not check text that is not part of a card", () => {
    const { deck } = parse(["# **장(chapter)**제목", "", "그냥 **문단(p)**이다", "", "Q :: A"]);
    expect(deck.problems).toEqual([]);
  });
});

describe("parseDeck: one-line cards turned into a heading by --- or ===", () => {
  const SETEXT = /^this line became (part of )?a heading because/;

  it("warns for `Q :: A` directly above --- and above ===, and the cards are indeed lost", () => {
    const { source, deck } = parse(["대칭 암호 예시 :: AES", "---", "", "해시 예시 :: SHA-256", "===", "", "남는 카드 :: 있다"]);
    expect(deck.cards.map((card) => card.questionMd)).toEqual(["남는 카드"]);
    expect(deck.problems).toEqual([
      {
        file: "content/warnings.md",
        line: lineOf(source, "대칭 암호"),
        severity: "warning",
        message: "this line became a heading because the next line is `---`; put a blank line between them",
      },
      {
        file: "content/warnings.md",
        line: lineOf(source, "해시 예시"),
        severity: "warning",
        message: "this line became a heading because the next line is `===`; put a blank line between them",
      },
    ]);
  });

  it("warns for every card line of a multi-line paragraph, naming the underline", () => {
    const { source, deck } = parse(["RTT :: 왕복 시간", "MSS :: 최대 세그먼트 크기", "-----"]);
    expect(deck.cards).toEqual([]);
    const underline = lineOf(source, "-----");
    expect(deck.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [lineOf(source, "RTT"), `this line became part of a heading because line ${underline} below it is \`-----\`; put a blank line before line ${underline}`],
      [lineOf(source, "MSS"), "this line became a heading because the next line is `-----`; put a blank line between them"],
    ]);
  });

  it("warns with a trailing metadata comment, inside an answer and inside a quote", () => {
    const { source, deck } = parse([
      "포트 :: 443 <!-- id: https-port -->",
      "---",
      "",
      "# 큰 질문?",
      "",
      "답",
      "",
      "숨은 카드 :: 값",
      "---",
      "",
      "> 인용 카드 :: 값",
      "> ---",
    ]);
    expect(deck.problems.filter((problem) => SETEXT.test(problem.message)).map((problem) => problem.line)).toEqual([
      lineOf(source, "포트"),
      lineOf(source, "숨은 카드"),
      lineOf(source, "인용 카드"),
    ]);
  });

  it("stays quiet for a blank line before ---, plain setext headings and `::` that is not a separator", () => {
    const { deck } = parse([
      "살아남는 카드 :: 값",
      "",
      "---",
      "",
      "그냥 제목",
      "---",
      "",
      "링크 로컬 fe80::1 주소",
      "---",
      "",
      "코드 `a::b` 제목",
      "===",
      "",
      "## ATX 제목 :: 은 여기서 다루지 않는다",
    ]);
    expect(deck.cards.map((card) => card.questionMd)).toEqual(["살아남는 카드"]);
    expect(deck.problems).toEqual([]);
  });
});
