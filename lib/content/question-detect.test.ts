import { describe, expect, it } from "vitest";
import { isQuestionText } from "./question-detect";

describe("isQuestionText", () => {
  it.each([
    "HTTPS란?",
    "세션 키는?",
    "TLS는 4계층 프로토콜인가?",
    "What is a nonce?",
    "유지되나？",
    "세션 키란? 🤔",
    "TLS는 무엇을 하나? 🔐 ",
    "강한 질문? ❤️‍🔥",
    "**무엇인가?**",
    "_왜?_",
    "(정말 그럴까?)",
    "「정말?」",
    "왜 그런가? 🇰🇷",
  ])("%s is a question", (text) => {
    expect(isQuestionText(text)).toBe(true);
  });

  it.each(["HTTPS", "TLS 구조", "1단계 : Client Hello", "참고) 비대칭 암호화", "물음표?는 중간에", "🤔", ""])("%s is not a question", (text) => {
    expect(isQuestionText(text)).toBe(false);
  });
});
