import { describe, expect, it } from "vitest";
import { renderMarkdown, renderMarkdownTrees } from "./render-markdown";
import { findUnrenderedEmphasis } from "./unrendered-emphasis";

function check(markdown: string) {
  const { mdast, hast } = renderMarkdownTrees(markdown);
  return findUnrenderedEmphasis(markdown, mdast, hast);
}

describe("renderMarkdownTrees", () => {
  it("prints the same HTML as renderMarkdown", () => {
    const markdown = "**굵게**와 `코드`\n\n<details><summary>더</summary>\n\n- 항목\n\n</details>\n\n<script>x()</script>";
    expect(renderMarkdownTrees(markdown).html).toBe(renderMarkdown(markdown));
  });
});

describe("findUnrenderedEmphasis", () => {
  it("finds a closing ** right after punctuation with a letter after it", () => {
    const markdown = "이것은 **공개 키 기반 구조(PKI)**라고 부른다";
    expect(renderMarkdown(markdown)).not.toContain("<strong>");
    expect(check(markdown)).toEqual([
      {
        line: 1,
        message: expect.stringMatching(/^bold markers "\*\*" were not rendered near ".*구조\(PKI\)\*\*라고.*" \(a closing \*\* right after punctuation/),
      },
    ]);
  });

  it("finds an opening ** right before punctuation with a letter before it", () => {
    const [found] = check("서명에는**[개인 키]** 를 쓴다");
    expect(found.message).toContain("an opening ** right before punctuation needs a space before it");
  });

  it("explains both sides at once when a pair fails on both", () => {
    const found = check('그 값을**"마스터 키"**로 부른다');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("can neither open nor close bold");
  });

  it("reports __ inside a word and suggests **", () => {
    const [found] = check("__세션 티켓__은 서버가 만든다");
    expect(found.message).toMatch(/^bold markers "__" were not rendered .*__ does not open or close bold inside a word/);
  });

  it("reports ** that has no partner", () => {
    const [found] = check("**암호 모음 협상 결과");
    expect(found.message).toContain("no matching ** closes it");
  });

  it("reports Markdown bold inside an HTML block as such", () => {
    const found = check('<p align="center">**그림 설명**</p>');
    expect(found).toEqual([{ line: 1, message: expect.stringContaining("Markdown is not read inside an HTML block") }]);
  });

  it("gives the line of the run inside a multi-line text", () => {
    const markdown = ["첫 줄은 평범하다", "둘째 줄도 평범하다", "셋째 줄에 **난수(nonce)**가 있다", "", "- 목록 **항목(item)**도"].join("\n");
    expect(check(markdown).map((found) => found.line)).toEqual([3, 5]);
  });

  it("reports one line once even with several broken pairs on it", () => {
    expect(check("**가(a)**나 그리고 **다(b)**라")).toHaveLength(1);
  });

  it("finds leftovers in table cells", () => {
    expect(check("| 항목 | 설명 |\n|---|---|\n| **키(k)**값 | x |").map((found) => found.line)).toEqual([3]);
  });

  it.each([
    ["bold that renders", "**공개 키 기반 구조(PKI)** 라고 부른다, **PKI**(공개 키)라고도"],
    ["bold ending inside the parenthesis", "**구조(PKI**)라고 부른다"],
    ["an inline code span", "`**구조(PKI)**라고` 쓰면 안 된다"],
    ["a double-backtick code span", "``a `**b(c)**d` e``"],
    ["a fenced code block", "```\n**구조(PKI)**라고\n```"],
    ["an indented code block", "    **구조(PKI)**라고"],
    ["code inside raw HTML", "<pre><code>**구조(PKI)**라고</code></pre>"],
    ["escaped asterisks", "\\*\\*구조(PKI)\\*\\*라고 적는다"],
    ["half-escaped runs", "\\**구조(PKI)*\\*라고"],
    ["an escaped asterisk beside a single one", "곱셈 기호 \\**와 별표"],
    ["entity-encoded asterisks", "&#42;&#42;구조(PKI)&#42;&#42;라고"],
    ["an exponent with spaces", "주소 공간은 2 ** 32 개"],
    ["an exponent without spaces", "주소 공간은 2**32 개"],
    ["a fill-in blank", "TLS는 ____ 계층 위에서 동작한다"],
    ["a snake case identifier", "설정 키 max__retries 를 본다"],
    ["a lone ** between spaces", "별표 ** 는 곱하기"],
    ["single asterisks", "각주* 와 (*) 표시"],
    ["sanitized-away content", "<script>**구조(PKI)**라고</script>본문"],
  ])("stays quiet about %s", (_name, markdown) => {
    expect(check(markdown)).toEqual([]);
  });

  it("suggests rewrites that do render as bold", () => {
    const messages = [
      "**가(a)**나",
      "가**(a)나**",
      '가**"나"**다',
      "__가__나",
      "**가",
    ].map((markdown) => check(markdown)[0].message);
    const suggestions = messages.flatMap((message) => {
      const tail = message.slice(message.lastIndexOf("write ") + "write ".length);
      return message.includes("write ") ? tail.replace(/\)$/, "").split(" or ") : [];
    });
    // close, open, both sides: two rewrites each.
    expect(suggestions).toHaveLength(6);
    for (const suggestion of [...suggestions, "**용어**는"]) {
      expect(renderMarkdown(suggestion), suggestion).toContain("<strong>");
      expect(check(suggestion), suggestion).toEqual([]);
    }
  });
});
