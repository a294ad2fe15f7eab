import { describe, expect, it } from "vitest";
import { cardContentHash, generatedCardId, planCardIdentities, type StoredCard } from "./card-identity";
import { diceSimilarity, normalizeCardText } from "./text-similarity";
import type { ParsedCard } from "./types";

function card(questionMd: string, answerMd: string, extra: Partial<ParsedCard> = {}): ParsedCard {
  return { explicitId: null, shape: "inline", questionMd, answerMd, questionHtml: "", answerHtml: "", tags: [], line: 1, section: [], ...extra };
}

/** The stored row a previous sync of `parsed` under `id` would have left. */
function stored(id: string, parsed: ParsedCard, extra: Partial<StoredCard> = {}): StoredCard {
  return {
    id,
    explicitId: parsed.explicitId !== null,
    questionMd: parsed.questionMd,
    answerMd: parsed.answerMd,
    suspended: false,
    contentHash: cardContentHash(parsed),
    ...extra,
  };
}

const HTTPS_PORT = card("HTTPS의 기본 포트는?", "443");
const TLS12_RTT = card("TLS 1.2 전체 핸드셰이크는 몇 RTT가 걸리나?", "2-RTT");
const TLS13_RTT = card("TLS 1.3 전체 핸드셰이크는 몇 RTT가 걸리나?", "1-RTT");
const PREMASTER = card("RSA 키 교환에서 premaster secret은 누가 만드나?", "클라이언트가 48바이트 난수로 만든다.");

const summary = (plan: ReturnType<typeof planCardIdentities>) =>
  plan.cards.map((entry) => [entry.parsed.questionMd, entry.id, entry.status, entry.renamedFrom]);

describe("generatedCardId", () => {
  it("is the deck slug plus 10 hex digits of the normalized question", () => {
    expect(generatedCardId("https", "HTTPS의 기본 포트는?")).toMatch(/^https-[0-9a-f]{10}$/);
    expect(generatedCardId("https", "  **HTTPS의**   기본 포트는?\n")).toBe(generatedCardId("https", "https의 기본 포트는?"));
    expect(generatedCardId("https", "HTTP의 기본 포트는?")).not.toBe(generatedCardId("https", "HTTPS의 기본 포트는?"));
    expect(generatedCardId("tls", "HTTPS의 기본 포트는?")).not.toBe(generatedCardId("https", "HTTPS의 기본 포트는?"));
  });

  it("normalizes Unicode so NFD input (macOS file names, some editors) gives the same id", () => {
    expect(generatedCardId("d", "세션 키란?".normalize("NFD"))).toBe(generatedCardId("d", "세션 키란?"));
  });
});

describe("cardContentHash", () => {
  it("changes with question, answer and tags, not with line or section", () => {
    const base = cardContentHash(HTTPS_PORT);
    expect(cardContentHash({ ...HTTPS_PORT, line: 99, section: ["x"] })).toBe(base);
    expect(cardContentHash({ ...HTTPS_PORT, answerMd: "443/tcp" })).not.toBe(base);
    expect(cardContentHash({ ...HTTPS_PORT, questionMd: "HTTPS 기본 포트?" })).not.toBe(base);
    expect(cardContentHash({ ...HTTPS_PORT, tags: ["basic"] })).not.toBe(base);
  });
});

describe("text similarity", () => {
  it("normalizes whitespace, case and emphasis", () => {
    expect(normalizeCardText("  What  is\n**TLS**?  ")).toBe("what is tls?");
  });

  it("scores a one-character typo above the threshold and a different question below it", () => {
    expect(diceSimilarity(normalizeCardText(PREMASTER.questionMd), normalizeCardText("RSA 키 교환에서 premaster secert은 누가 만드나?"))).toBeGreaterThanOrEqual(0.8);
    expect(diceSimilarity("https의 기본 포트는?", "dns는 어떤 포트를 쓰나?")).toBeLessThan(0.8);
  });
});

describe("planCardIdentities", () => {
  it("gives new cards generated ids and reports them as added", () => {
    const plan = planCardIdentities("https", [], [HTTPS_PORT]);
    expect(plan).toEqual({ cards: [{ id: generatedCardId("https", HTTPS_PORT.questionMd), parsed: HTTPS_PORT, status: "added" }], suspend: [] });
  });

  it("keeps the id and reports unchanged when nothing changed", () => {
    const plan = planCardIdentities("https", [stored("https-aaa", HTTPS_PORT)], [HTTPS_PORT]);
    expect(summary(plan)).toEqual([[HTTPS_PORT.questionMd, "https-aaa", "unchanged", undefined]]);
  });

  it("keeps the id through an answer edit, reported as changed", () => {
    const edited = { ...HTTPS_PORT, answerMd: "443 (TCP, QUIC은 UDP 443)" };
    expect(summary(planCardIdentities("https", [stored("https-aaa", HTTPS_PORT)], [edited]))).toEqual([
      [edited.questionMd, "https-aaa", "changed", undefined],
    ]);
  });

  it("reports a tag-only edit as changed when the stored hash is known, and falls back to text comparison without it", () => {
    const retagged = { ...HTTPS_PORT, tags: ["basic"] };
    expect(planCardIdentities("h", [stored("h-1", HTTPS_PORT)], [retagged]).cards[0].status).toBe("changed");
    const withoutHash = stored("h-1", HTTPS_PORT, { contentHash: undefined });
    expect(planCardIdentities("h", [withoutHash], [retagged]).cards[0].status).toBe("unchanged");
    expect(planCardIdentities("h", [withoutHash], [{ ...HTTPS_PORT, answerMd: "80" }]).cards[0].status).toBe("changed");
  });

  it("keeps the id when only formatting of the question changed", () => {
    const reformatted = { ...HTTPS_PORT, questionMd: "**HTTPS**의  기본 포트는?" };
    expect(planCardIdentities("https", [stored("https-aaa", HTTPS_PORT)], [reformatted]).cards[0].id).toBe("https-aaa");
  });

  it("keeps the id through a question typo fix (same answer)", () => {
    const typo = card("RSA 키 교환에서 premaster secert은 누가 만드나?", PREMASTER.answerMd);
    expect(summary(planCardIdentities("tls", [stored("tls-pms", typo)], [PREMASTER]))).toEqual([
      [PREMASTER.questionMd, "tls-pms", "changed", undefined],
    ]);
  });

  it("keeps the id through a question typo fix together with an answer edit (similar question)", () => {
    const typo = card("RSA 키 교환에서 premaster secert은 누가 만드나?", "서버가 만든다.");
    expect(summary(planCardIdentities("tls", [stored("tls-pms", typo)], [PREMASTER]))).toEqual([
      [PREMASTER.questionMd, "tls-pms", "changed", undefined],
    ]);
  });

  it("keeps ids when cards are reordered", () => {
    const storedCards = [stored("a", HTTPS_PORT), stored("b", TLS12_RTT), stored("c", PREMASTER)];
    const plan = planCardIdentities("d", storedCards, [PREMASTER, HTTPS_PORT, TLS12_RTT].map((entry, index) => ({ ...entry, line: index + 1 })));
    expect(plan.cards.map((entry) => [entry.id, entry.status])).toEqual([
      ["c", "unchanged"],
      ["a", "unchanged"],
      ["b", "unchanged"],
    ]);
    expect(plan.suspend).toEqual([]);
  });

  it("suspends stored cards that left the file, and restores suspended ones that came back", () => {
    const storedCards = [stored("a", HTTPS_PORT), stored("b", TLS12_RTT, { suspended: true }), stored("c", PREMASTER), stored("z", TLS13_RTT, { suspended: true })];
    const plan = planCardIdentities("d", storedCards, [TLS12_RTT, PREMASTER]);
    expect(plan.cards.map((entry) => [entry.id, entry.status])).toEqual([
      ["b", "restored"],
      ["c", "unchanged"],
    ]);
    expect(plan.suspend).toEqual(["a"]);
  });

  it("lets a new explicit id take over the matching implicit card, so its history moves", () => {
    const explicit = { ...PREMASTER, explicitId: "tls12-pms-origin" };
    const plan = planCardIdentities("tls", [stored("tls-0123456789", PREMASTER)], [explicit]);
    expect(summary(plan)).toEqual([[PREMASTER.questionMd, "tls12-pms-origin", "unchanged", "tls-0123456789"]]);
    expect(plan.suspend).toEqual([]);
  });

  it("matches an explicit id to its stored card even when the question was rewritten", () => {
    const before = { ...PREMASTER, explicitId: "pms" };
    const after = { ...before, questionMd: "premaster secret은 어느 쪽이 생성하나?" };
    expect(summary(planCardIdentities("tls", [stored("pms", before), stored("other", after, { explicitId: false })], [after]))).toEqual([
      [after.questionMd, "pms", "changed", undefined],
    ]);
  });

  it("never renames an explicit stored card to another explicit id", () => {
    const plan = planCardIdentities("tls", [stored("old-id", { ...PREMASTER, explicitId: "old-id" })], [{ ...PREMASTER, explicitId: "new-id" }]);
    expect(summary(plan)).toEqual([[PREMASTER.questionMd, "new-id", "added", undefined]]);
    expect(plan.suspend).toEqual(["old-id"]);
  });

  it("does not let two near-identical questions steal each other's ids", () => {
    const storedCards = [stored("tls12", TLS12_RTT), stored("tls13", TLS13_RTT)];
    // Both answers edited and the order swapped: the exact question decides, not the similar one.
    const edited = [
      { ...TLS13_RTT, answerMd: "1-RTT (재개 시 0-RTT)" },
      { ...TLS12_RTT, answerMd: "2-RTT (재개 시 1-RTT)" },
    ];
    expect(planCardIdentities("tls", storedCards, edited).cards.map((entry) => entry.id)).toEqual(["tls13", "tls12"]);

    // A new near-twin of an existing card is a new card, not the existing one.
    const plan = planCardIdentities("tls", [stored("tls12", TLS12_RTT)], [TLS12_RTT, TLS13_RTT]);
    expect(summary(plan)).toEqual([
      [TLS12_RTT.questionMd, "tls12", "unchanged", undefined],
      [TLS13_RTT.questionMd, generatedCardId("tls", TLS13_RTT.questionMd), "added", undefined],
    ]);
  });

  it("leaves a typo-fixed question unmatched when it is equally close to two stored cards", () => {
    const storedCards = [stored("x1", card("TLS 1.2 핸드셰이크 RTT?", "a")), stored("x3", card("TLS 1.3 핸드셰이크 RTT?", "b"))];
    const ambiguous = card("TLS 1.x 핸드셰이크 RTT?", "c");
    const plan = planCardIdentities("tls", storedCards, [ambiguous]);
    expect(plan.cards[0].status).toBe("added");
    expect(plan.suspend).toEqual(["x1", "x3"]);
  });

  it("gives the similar stored card to the closer of two edited questions only", () => {
    const storedCards = [stored("s", card("TCP 3-way handshake의 세 메시지는?", "SYN, SYN-ACK, ACK"))];
    const closer = card("TCP 3-way handshake의 세 메세지는?", "SYN / SYN-ACK / ACK");
    const farther = card("TCP 3-way handshake에서 세 메세지는?", "SYN → SYN-ACK → ACK");
    const plan = planCardIdentities("tcp", storedCards, [farther, closer]);
    expect(plan.cards.map((entry) => entry.status)).toEqual(["added", "changed"]);
    expect(plan.cards[1].id).toBe("s");
  });

  it("pairs cards with duplicated questions by their answers, whatever the order", () => {
    const first = card("이 포트는?", "443");
    const second = card("이 포트는?", "80");
    const storedCards = [stored("p443", first), stored("p80", second)];
    const plan = planCardIdentities("n", storedCards, [{ ...second, answerMd: "80 (HTTP)" }, first]);
    expect(plan.cards.map((entry) => [entry.id, entry.status])).toEqual([
      ["p80", "changed"],
      ["p443", "unchanged"],
    ]);
  });

  it("does not match on an answer that several cards share", () => {
    const storedCards = [stored("q1", card("QUIC은 어떤 프로토콜 위에서 동작하나?", "UDP"))];
    const parsed = [card("DNS 질의는 보통 무엇으로 보내나?", "UDP"), card("DHCP는 무엇을 쓰나?", "UDP")];
    expect(planCardIdentities("n", storedCards, parsed).cards.map((entry) => entry.status)).toEqual(["added", "added"]);
  });

  it("suffixes generated ids that would collide", () => {
    const twin = card("HTTPS의 기본 포트는?", "443, 다시");
    const plan = planCardIdentities("https", [], [HTTPS_PORT, twin]);
    const base = generatedCardId("https", HTTPS_PORT.questionMd);
    expect(plan.cards.map((entry) => entry.id)).toEqual([base, `${base}-2`]);
  });

  it("does not hand out a stored card's id to a new card", () => {
    const base = generatedCardId("https", HTTPS_PORT.questionMd);
    // A suspended row already owns that id (its question differs, so it does not match): never reuse it.
    const storedCards = [stored(base, card("완전히 다른 질문?", "x"), { suspended: true })];
    const plan = planCardIdentities("https", storedCards, [HTTPS_PORT]);
    expect(plan.cards[0].id).toBe(`${base}-2`);
  });
});
