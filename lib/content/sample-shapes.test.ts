import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDeck } from "./parse-deck";

/** Fixtures reproduce the shapes of real user notes (in our own words). */
function parseFixture(name: string) {
  const file = new URL(`./fixtures/${name}`, import.meta.url);
  return parseDeck(readFileSync(file, "utf8"), `fixtures/${name}`);
}

describe("user note shapes", () => {
  it("notes with link-only sections and one long folded article give exactly one card", () => {
    const deck = parseFixture("notes-details-article.md");
    // Pasted notes have no front matter: that is an error, but the card is still found.
    expect(deck.problems.map((problem) => [problem.line, problem.severity])).toEqual([[1, "error"]]);
    expect(deck.cards).toHaveLength(1);
    const [card] = deck.cards;
    expect(card).toMatchObject({ shape: "details", questionMd: "HTTPS는 어떻게 통신을 보호할까", line: 8, section: [] });
    // Question-like headings inside the folded article stay in the answer.
    expect(card.answerMd).toContain("# **핸드셰이크는 어떤 순서로 진행되나?**");
    expect(card.answerMd).toContain("⑥ Finished");
    expect(card.answerMd).not.toContain("생각해보고 답 확인");
    expect(card.answerMd).not.toContain("</details>");
    expect(card.answerHtml).toContain('<img src="https://images.example.com/https/handshake.png" width="320" height="180">');
    expect(card.answerHtml).toContain("<h1><strong>HTTPS는 정확히 무엇인가?</strong></h1>");
    expect(card.answerHtml).toContain("<li>클라이언트 난수</li>");
  });

  it("notes structured by question headings become cards with section breadcrumbs", () => {
    const deck = parseFixture("notes-question-headings.md");
    expect(deck.problems).toEqual([]);
    expect(deck.meta).toEqual({ title: "HTTPS 정리 노트", description: "", tags: ["https", "tls"], lang: "ko" });
    expect(deck.cards.map((card) => [card.questionMd, card.section, card.line])).toEqual([
      ["HTTPS란?", ["HTTPS"], 7],
      ["레코드 프로토콜은 무슨 일을 하나?", ["HTTPS", "SSL/TLS"], 38],
      ["대칭키만으로는 왜 부족한가?", ["HTTPS", "대칭키 암호 모델"], 50],
    ]);
    const [https, , symmetric] = deck.cards;
    // Relative images that do not exist next to the file are kept as relative links.
    expect(https.answerHtml).toContain('<img src="./img/%5Bnet%5Dhttp_capture.png" alt="패킷 캡처">');
    expect(https.answerMd.endsWith("오는 길에 내용이 바뀌어도 알 수 없음.")).toBe(true);
    expect(symmetric.answerHtml).toContain("<br>");
  });

  it("notes with bare URLs, emoji headings and linked images", () => {
    const deck = parseFixture("notes-emoji-headings.md");
    expect(deck.problems).toEqual([]);
    expect(deck.cards.map((card) => [card.questionMd, card.section])).toEqual([
      ["전송 계층 보안(TLS)이란?", []],
      ["TLS는 무슨 일을 해 주나? 🔐", []],
      ["세션 키란 무엇인가? 🤔", ["세션 키 이야기"]],
      ["세션은 얼마나 유지되나？", ["세션 키 이야기"]],
    ]);
    const [, does, sessionKey] = deck.cards;
    expect(does.answerHtml).toContain('<a href="https://img.example.com/view/abc"><img src="https://img.example.com/abc/diagram.png" alt="diagram.png"></a>');
    expect(does.answerHtml).toContain("<strong>기밀성</strong>");
    expect(sessionKey.answerMd).toContain("### 참고) 공개키 암호가 느린 이유");
    expect(sessionKey.answerMd).toContain("#### 단점 정리");
  });

  it("a deck using every card shape", () => {
    const deck = parseFixture("deck-all-shapes.md");
    expect(deck.problems).toEqual([]);
    expect(deck.cards.map((card) => [card.explicitId, card.shape, card.tags])).toEqual([
      ["tcp-handshake-count", "heading", ["tcp", "basic"]],
      ["udp-header-size", "inline", ["udp", "basic"]],
      ["quic-over-udp", "inline", ["quic", "intermediate"]],
      ["ipv6-loopback", "multiline", ["ipv6", "basic"]],
      ["tls-record-aead", "details", ["tls", "intermediate"]],
      ["cert-signature", "details", ["pki", "misconception", "advanced"]],
      ["symmetric-vs-asymmetric", "heading", ["crypto", "basic", "interview"]],
    ]);
    const byId = new Map(deck.cards.map((card) => [card.explicitId, card]));
    expect(byId.get("tcp-handshake-count")?.answerMd).toContain("<summary>더 알아보기</summary>");
    expect(byId.get("cert-signature")?.questionMd).toBe("인증서 서명은 누가 어떤 키로 만드나");
    expect(byId.get("cert-signature")?.answerMd).toContain("ECDSA 서명은");
    expect(byId.get("symmetric-vs-asymmetric")?.answerMd.startsWith("대량 데이터는")).toBe(true);
    expect(byId.get("ipv6-loopback")?.section).toEqual(["전송 계층", "주소"]);
  });
});
