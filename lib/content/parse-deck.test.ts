import { describe, expect, it } from "vitest";
import { deckHasErrors, parseDeck } from "./parse-deck";

const FRONT = "---\ntitle: 테스트 덱\n---\n";

/** 1-based line of the only line containing `marker`, so tests don't hard-code line arithmetic. */
function lineOf(source: string, marker: string): number {
  const lines = source.split("\n");
  const hits = lines.flatMap((line, index) => (line.includes(marker) ? [index + 1] : []));
  if (hits.length !== 1) throw new Error(`marker ${marker} found ${hits.length} times`);
  return hits[0];
}

function parse(body: string) {
  const source = FRONT + body;
  return { source, deck: parseDeck(source, "content/test-deck.md") };
}

const messages = (deck: ReturnType<typeof parseDeck>) =>
  deck.problems.map((problem) => `${problem.line}:${problem.severity}:${problem.message}`);

describe("parseDeck: deck level", () => {
  it("takes the slug from the file name and reads the front matter", () => {
    const deck = parseDeck("---\ntitle: TLS\ndescription: d\ntags: [a, b]\nlang: en\n---\nQ :: A\n", "content/tls-handshake.md");
    expect(deck.slug).toBe("tls-handshake");
    expect(deck.file).toBe("content/tls-handshake.md");
    expect(deck.meta).toEqual({ title: "TLS", description: "d", tags: ["a", "b"], lang: "en" });
    expect(deck.problems).toEqual([]);
    expect(deckHasErrors(deck)).toBe(false);
  });

  it("keeps line numbers of the original file with CRLF line endings and a BOM", () => {
    const deck = parseDeck("\uFEFF---\r\ntitle: x\r\n---\r\n\r\nQ :: A\r\n", "x.md");
    expect(deck.cards[0]).toMatchObject({ line: 5, questionMd: "Q", answerMd: "A" });
  });

  it("still finds cards when the front matter is missing, but reports an error", () => {
    const deck = parseDeck("Q :: A\n", "notes.md");
    expect(deck.cards).toHaveLength(1);
    expect(deck.problems).toEqual([
      expect.objectContaining({ file: "notes.md", line: 1, severity: "error", message: expect.stringContaining("missing front matter") }),
    ]);
    expect(deckHasErrors(deck)).toBe(true);
  });

  it("treats warnings alone as no errors", () => {
    const { deck } = parse("<!-- id: lonely -->\n\n# Title\n");
    expect(deck.problems.map((problem) => problem.severity)).toEqual(["warning"]);
    expect(deckHasErrors(deck)).toBe(false);
  });
});

describe("parseDeck: question headings", () => {
  it("takes a question heading as the question and its section as the answer", () => {
    const { source, deck } = parse(
      ["# 네트워크", "## 계층", "### HTTPS란?", "", "- 본문 1", "", "#### 세부", "", "세부 내용", "", "### 다음 절", "", "나머지"].join("\n"),
    );
    expect(deck.cards).toHaveLength(1);
    expect(deck.cards[0]).toMatchObject({
      shape: "heading",
      questionMd: "HTTPS란?",
      answerMd: "- 본문 1\n\n#### 세부\n\n세부 내용",
      line: lineOf(source, "HTTPS란?"),
      section: ["네트워크", "계층"],
      explicitId: null,
      tags: [],
    });
    expect(deck.cards[0].questionHtml).toBe("<p>HTTPS란?</p>");
    expect(deck.cards[0].answerHtml).toContain("<h4>세부</h4>");
  });

  it("ends the answer at a heading of the same or a higher level", () => {
    const { deck } = parse(["## A는?", "a", "# 새 장", "## B는?", "b", "## C는?", "c"].join("\n"));
    expect(deck.cards.map((card) => [card.questionMd, card.answerMd, card.section])).toEqual([
      ["A는?", "a", []],
      ["B는?", "b", ["새 장"]],
      ["C는?", "c", ["새 장"]],
    ]);
  });

  it("recognises decorated and full-width question marks, keeping the source Markdown", () => {
    const { deck } = parse(["## 세션 키란? 🤔", "a", "## **무엇인가?**", "b", "## 유지되나？", "c", "## 그냥 제목", "d"].join("\n"));
    expect(deck.cards.map((card) => card.questionMd)).toEqual(["세션 키란? 🤔", "**무엇인가?**", "유지되나？"]);
  });

  it("unwraps a lone reveal-label details block under a question heading", () => {
    const { deck } = parse(["## 왜?", "", "<details>", "<summary>정답</summary>", "", "**이유**", "", "</details>"].join("\n"));
    expect(deck.cards[0].answerMd).toBe("**이유**");
    expect(deck.cards[0].answerHtml).toBe("<p><strong>이유</strong></p>");
  });

  it("keeps a details block that is only part of the answer as it is, not as a separate card", () => {
    const body = ["## 왜?", "", "본문", "", "<details>", "<summary>더 알아보기</summary>", "", "덤", "", "</details>"].join("\n");
    const { deck } = parse(body);
    expect(deck.cards).toHaveLength(1);
    expect(deck.cards[0].answerMd).toBe("본문\n\n<details>\n<summary>더 알아보기</summary>\n\n덤\n\n</details>");
    expect(deck.cards[0].answerHtml).toContain("<details>");
  });

  it("does not end the answer at headings inside a details block", () => {
    const { deck } = parse(
      ["## 동작 원리는?", "<details>", "<summary>생각해보고 답 확인</summary>", "", "# 안쪽 제목은?", "", "안쪽 본문", "", "</details>", "", "## 다음은?", "n"].join("\n"),
    );
    expect(deck.cards.map((card) => card.questionMd)).toEqual(["동작 원리는?", "다음은?"]);
    expect(deck.cards[0].answerMd).toBe("# 안쪽 제목은?\n\n안쪽 본문");
  });

  it("warns when Markdown follows </details> without a blank line", () => {
    const { source, deck } = parse(["## 하나?", "<details><summary>정답</summary>", "", "1", "", "</details>", "## 둘?", "2"].join("\n"));
    expect(deck.cards.map((card) => card.questionMd)).toEqual(["하나?"]);
    expect(messages(deck)).toEqual([`${lineOf(source, "</details>")}:warning:${deck.problems[0].message}`]);
    expect(deck.problems[0].message).toContain("leave a blank line after `</details>`");
  });

  it("warns about a one-line card swallowed by the answer above it", () => {
    const { source, deck } = parse(["## 질문?", "답", "", "숨은 질문 :: 숨은 답"].join("\n"));
    expect(deck.cards).toHaveLength(1);
    expect(deck.problems).toEqual([
      expect.objectContaining({ line: lineOf(source, "숨은 질문"), severity: "warning", message: expect.stringContaining("part of the answer") }),
    ]);
  });

  it("reports a question heading without an answer", () => {
    const { source, deck } = parse(["## 빈 질문?", "## 다음?", "답"].join("\n"));
    expect(deck.cards.map((card) => card.questionMd)).toEqual(["다음?"]);
    expect(messages(deck)).toEqual([`${lineOf(source, "빈 질문")}:error:card has an empty answer`]);
  });
});

describe("parseDeck: folded answers", () => {
  it("uses a question summary as the question", () => {
    const { source, deck } = parse(["<details>", "<summary>RTT는 몇 번?</summary>", "", "한 번", "", "</details>"].join("\n"));
    expect(deck.cards[0]).toMatchObject({ shape: "details", questionMd: "RTT는 몇 번?", answerMd: "한 번", line: lineOf(source, "<summary>") });
  });

  it("handles details written on one line and details whose inner Markdown has no blank lines", () => {
    const { deck } = parse(["<details><summary>포트는?</summary>443</details>", "", "<details>", "<summary>키는?</summary>", "**세션 키**", "</details>"].join("\n"));
    expect(deck.cards.map((card) => [card.questionMd, card.answerMd])).toEqual([
      ["포트는?", "443"],
      ["키는?", "**세션 키**"],
    ]);
    // The inner Markdown is rendered as Markdown even though remark saw it as raw HTML.
    expect(deck.cards[1].answerHtml).toBe("<p><strong>세션 키</strong></p>");
  });

  it("takes the nearest paragraph before a reveal-label block as the question, skipping bare links", () => {
    const { source, deck } = parse(
      ["HTTPS 동작 원리", "", "https://example.com/a", "", "[참고](https://example.com/b)", "", "<details>", "<summary>답 보기</summary>", "", "설명", "", "</details>"].join("\n"),
    );
    expect(deck.cards).toEqual([
      expect.objectContaining({ shape: "details", questionMd: "HTTPS 동작 원리", answerMd: "설명", line: lineOf(source, "HTTPS 동작 원리") }),
    ]);
  });

  it("takes the nearest heading when no paragraph comes first, and drops it from the section", () => {
    const { deck } = parse(["# 장", "## 핸드셰이크 순서", "<details><summary>Answer</summary>", "", "순서", "", "</details>"].join("\n"));
    expect(deck.cards[0]).toMatchObject({ questionMd: "핸드셰이크 순서", answerMd: "순서", section: ["장"] });
  });

  it("keeps a list between the question paragraph and the block as part of the question", () => {
    const { deck } = parse(["다음 중 대칭키 암호는", "", "- AES", "- RSA", "", "<details><summary>정답</summary>", "", "AES", "", "</details>"].join("\n"));
    expect(deck.cards[0].questionMd).toBe("다음 중 대칭키 암호는\n\n- AES\n- RSA");
  });

  it("does not cross a thematic break, and reports a block with no question", () => {
    const { source, deck } = parse(["앞 절", "", "------", "<details><summary>정답</summary>", "", "x", "", "</details>"].join("\n"));
    expect(deck.cards).toEqual([]);
    expect(messages(deck)).toEqual([`${lineOf(source, "<details>")}:error:${deck.problems[0].message}`]);
    expect(deck.problems[0].message).toContain("folded answer has no question");
  });

  it("does not reuse a paragraph that is already another card's question", () => {
    const { deck } = parse(["질문", "", "<details><summary>정답</summary>", "a", "</details>", "", "<details><summary>정답</summary>", "b", "</details>"].join("\n"));
    expect(deck.cards.map((card) => card.answerMd)).toEqual(["a"]);
    expect(deck.problems).toHaveLength(1);
  });

  it("keeps nested details inside the outer answer", () => {
    const { deck } = parse(
      ["<details>", "<summary>밖?</summary>", "", "바깥", "", "<details>", "<summary>안?</summary>", "", "안쪽", "", "</details>", "", "</details>"].join("\n"),
    );
    expect(deck.cards).toHaveLength(1);
    expect(deck.cards[0].questionMd).toBe("밖?");
    expect(deck.cards[0].answerMd).toBe("바깥\n\n<details>\n<summary>안?</summary>\n\n안쪽\n\n</details>");
  });

  it("reports unclosed and unopened details with their lines", () => {
    const { source, deck } = parse(["<details><summary>열림?</summary>", "", "닫히지 않음", "", "Q :: A", "", "</details>", "</details>"].join("\n"));
    const closes = source.split("\n").flatMap((line, index) => (line === "</details>" ? [index + 1] : []));
    expect(messages(deck)).toEqual([`${closes[1]}:error:\`</details>\` has no matching \`<details>\` before it`]);

    const unclosed = parse(["<details><summary>열림?</summary>", "", "닫히지 않음"].join("\n"));
    expect(messages(unclosed.deck)).toEqual([
      `${lineOf(unclosed.source, "<details>")}:error:\`<details>\` is never closed (missing \`</details>\`)`,
    ]);
    expect(unclosed.deck.cards).toEqual([]);
  });

  it("ignores a commented-out details tag when balancing", () => {
    const { deck } = parse("<!-- <details> -->\n\nQ :: A\n");
    expect(deck.problems).toEqual([]);
  });
});

describe("parseDeck: one-line cards", () => {
  it("splits on the first ` :: ` and finds several cards in one paragraph", () => {
    const { source, deck } = parse(["TCP 포트 범위? :: 0–65535", "DNS 포트 :: 53 (UDP와 TCP)", "그냥 문장"].join("\n"));
    expect(deck.cards.map((card) => [card.shape, card.questionMd, card.answerMd, card.line])).toEqual([
      ["inline", "TCP 포트 범위?", "0–65535", lineOf(source, "TCP 포트")],
      ["inline", "DNS 포트", "53 (UDP와 TCP)", lineOf(source, "DNS 포트")],
    ]);
  });

  it("does not split :::, IPv6 addresses, inline code or code blocks", () => {
    const { deck } = parse(
      [":::", "링크 로컬은 fe80::1", "루프백은 ::1 이다", "끝은 fe80:: 이다", "`a :: b` 코드", "", "```", "x :: y", "?", "z", "```", "", "~~~", "p :: q", "~~~"].join("\n"),
    );
    expect(deck.cards).toEqual([]);
    expect(deck.problems).toEqual([]);
  });

  it("still splits when the separator is outside the code span or touches a non-hex letter", () => {
    const { deck } = parse(["`fe80::1` 은 무엇? :: 링크 로컬 주소", "Port::443"].join("\n"));
    expect(deck.cards.map((card) => [card.questionMd, card.answerMd])).toEqual([
      ["`fe80::1` 은 무엇?", "링크 로컬 주소"],
      ["Port", "443"],
    ]);
    expect(deck.cards[0].questionHtml).toBe("<p><code>fe80::1</code> 은 무엇?</p>");
  });

  it("reports an empty side", () => {
    const { source, deck } = parse(["질문만 ::", "", ":: 답만"].join("\n"));
    expect(deck.cards).toEqual([]);
    expect(messages(deck)).toEqual([
      `${lineOf(source, "질문만")}:error:card has an empty answer`,
      `${lineOf(source, ":: 답만")}:error:card has an empty question`,
    ]);
  });

  it("reads a trailing metadata comment on the same line and keeps it out of the answer", () => {
    const { deck } = parse("Q :: A <!-- id: q-a; tags: x, basic -->\n");
    expect(deck.cards[0]).toMatchObject({ answerMd: "A", explicitId: "q-a", tags: ["x", "basic"] });
  });
});

describe("parseDeck: multi-line cards", () => {
  it("takes lines before a lone ? as the question and lines after it, up to a blank line, as the answer", () => {
    const { source, deck } = parse(["첫 줄", "둘째 줄", "?", "답 1", "- 항목", "- 항목 2", "", "다음 문단"].join("\n"));
    expect(deck.cards).toEqual([
      expect.objectContaining({ shape: "multiline", questionMd: "첫 줄\n둘째 줄", answerMd: "답 1\n- 항목\n- 항목 2", line: lineOf(source, "첫 줄") }),
    ]);
    expect(deck.cards[0].answerHtml).toContain("<li>항목 2</li>");
  });

  it("reports a lone ? without question lines", () => {
    const { source, deck } = parse(["# 제목", "?", "답"].join("\n"));
    expect(messages(deck)).toEqual([`${lineOf(source, "?")}:error:card has an empty question`]);
  });
});

describe("parseDeck: metadata comments", () => {
  it("gives the next card its id and tags", () => {
    const { deck } = parse(["<!-- id: tls12-ckx-rsa; tags: tls12, key-exchange, basic -->", "### ClientKeyExchange에는 무엇이 담기나?", "암호화된 premaster secret"].join("\n"));
    expect(deck.cards[0]).toMatchObject({ explicitId: "tls12-ckx-rsa", tags: ["tls12", "key-exchange", "basic"] });
  });

  it("attaches to a reveal-label card both before the question and between question and block", () => {
    const before = parse(["<!-- id: a1 -->", "질문", "", "<details><summary>정답</summary>x</details>"].join("\n"));
    const between = parse(["질문", "<!-- id: a2 -->", "<details><summary>정답</summary>x</details>"].join("\n"));
    expect(before.deck.cards[0].explicitId).toBe("a1");
    expect(between.deck.cards[0].explicitId).toBe("a2");
    expect(before.deck.problems).toEqual([]);
    expect(between.deck.problems).toEqual([]);
  });

  it("belongs to the next card even when it ends the previous answer section", () => {
    const { deck } = parse(["## 하나?", "1", "", "<!-- id: two -->", "## 둘?", "2"].join("\n"));
    expect(deck.cards.map((card) => [card.answerMd, card.explicitId])).toEqual([
      ["1", null],
      ["2", "two"],
    ]);
  });

  it("applies only to the first line of a paragraph of one-line cards", () => {
    const { deck } = parse(["<!-- id: first -->", "A :: 1", "B :: 2"].join("\n"));
    expect(deck.cards.map((card) => card.explicitId)).toEqual(["first", null]);
  });

  it("leaves ordinary comments alone", () => {
    const { deck } = parse(["<!-- TODO: 그림 추가 -->", "", "<!-- 그냥 메모 -->", "Q :: A"].join("\n"));
    expect(deck.problems).toEqual([]);
    expect(deck.cards[0].explicitId).toBeNull();
  });

  it("warns when no card follows, when a key is unknown, and when a card already has metadata", () => {
    const { source, deck } = parse(
      ["<!-- id: dangling -->", "", "# 제목", "", "<!-- id: k1; level: basic -->", "Q1 :: A1", "", "<!-- id: k2 -->", "Q2 :: A2 <!-- id: k3 -->", "", "문장 <!-- tags: x -->"].join("\n"),
    );
    expect(messages(deck)).toEqual([
      `${lineOf(source, "dangling")}:warning:metadata comment is not followed by a card`,
      `${lineOf(source, "level")}:warning:unknown metadata key \`level\` (known keys: id, tags)`,
      `${lineOf(source, "k2")}:warning:the card at line ${lineOf(source, "Q2")} already has a metadata comment; this one is ignored`,
      `${lineOf(source, "문장")}:warning:metadata comment is not followed by a card (this line has no \`::\`)`,
    ]);
    expect(deck.cards.map((card) => card.explicitId)).toEqual(["k1", "k3"]);
  });

  it("warns about unknown keys even in a comment that reaches no card", () => {
    const { deck } = parse(["<!-- id: x; level: basic -->", "", "# 제목"].join("\n"));
    expect(messages(deck)).toEqual([
      "4:warning:unknown metadata key `level` (known keys: id, tags)",
      "4:warning:metadata comment is not followed by a card",
    ]);
  });

  it("reports invalid and duplicate ids as errors and drops them from the cards", () => {
    const { source, deck } = parse(["<!-- id: Bad_Id -->", "A :: 1", "", "<!-- id: same -->", "B :: 2", "", "<!-- id: same -->", "C :: 3", "", "<!-- id: ; tags: x -->", "D :: 4"].join("\n"));
    const sameLines = source.split("\n").flatMap((line, index) => (line.includes("id: same") ? [index + 1] : []));
    expect(messages(deck)).toEqual([
      `${lineOf(source, "Bad_Id")}:error:invalid id \`Bad_Id\`: use lowercase letters, digits and hyphens, starting with a letter or digit`,
      `${sameLines[1]}:error:duplicate id \`same\` (already used by the card at line ${lineOf(source, "B :: 2")})`,
      `${lineOf(source, "id: ;")}:error:invalid id \`\`: use lowercase letters, digits and hyphens, starting with a letter or digit`,
    ]);
    expect(deck.cards.map((card) => card.explicitId)).toEqual([null, "same", null, null]);
    expect(deck.cards[3].tags).toEqual(["x"]);
    expect(deckHasErrors(deck)).toBe(true);
  });

  it("warns about a metadata comment buried in an answer", () => {
    const { source, deck } = parse(["## 질문?", "답", "", "<!-- id: buried -->", "", "답 계속"].join("\n"));
    expect(deck.cards[0].explicitId).toBeNull();
    expect(messages(deck)).toEqual([
      `${lineOf(source, "buried")}:warning:metadata comment is not followed by a card (it is inside the answer of the card at line ${lineOf(source, "질문?")})`,
    ]);
  });
});

describe("parseDeck: rendering of card parts", () => {
  it("sanitizes dangerous HTML inside answers", () => {
    const { deck } = parse(["## 위험?", "", '<img src="x" onerror="alert(1)"><script>alert(2)</script>', "", "[링크](javascript:alert(3))"].join("\n"));
    const html = deck.cards[0].answerHtml;
    expect(html).not.toMatch(/onerror|<script|alert|javascript:/);
    expect(html).toContain('<img src="x">');
  });
});
