import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";

describe("renderMarkdown", () => {
  it("renders GFM: emphasis, tables, strikethrough, autolinks", () => {
    expect(renderMarkdown("**굵게** ~~취소~~")).toBe("<p><strong>굵게</strong> <del>취소</del></p>");
    const table = renderMarkdown("| 포트 | 용도 |\n|---|---|\n| 443 | HTTPS |");
    expect(table).toContain("<table>");
    expect(table).toContain("<td>443</td>");
    expect(renderMarkdown("https://example.com")).toBe('<p><a href="https://example.com">https://example.com</a></p>');
  });

  it("keeps a language class on fenced code", () => {
    expect(renderMarkdown("```ts\nconst a = 1;\n```")).toBe('<pre><code class="language-ts">const a = 1;\n</code></pre>');
  });

  it("keeps allowed raw HTML: details/summary, img with http(s) or relative src and alt, br", () => {
    const html = renderMarkdown('<details><summary>더 보기</summary>\n\n본문\n\n</details>\n\n<img src="https://a.example/x.png" alt="그림" width="300"><img src="./img/y.png" alt="상대">\n\n한 줄<br/>다음 줄');
    expect(html).toContain("<details><summary>더 보기</summary>");
    expect(html).toContain('<img src="https://a.example/x.png" alt="그림" width="300">');
    expect(html).toContain('<img src="./img/y.png" alt="상대">');
    expect(html).toContain("한 줄<br>다음 줄");
  });

  it("keeps the content of <p align>", () => {
    expect(renderMarkdown('<p align="center">\n<img src="https://a.example/x.png">\n</p>')).toContain('<img src="https://a.example/x.png">');
  });

  describe("drops dangerous HTML", () => {
    it.each([
      ["script element with its content", "<script>alert('x')</script>안전", "alert"],
      ["style element with its content", "<style>body{display:none}</style>안전", "display"],
      ["event handler on img", '<img src="https://a.example/x.png" onerror="alert(1)">', "onerror"],
      ["event handler on any element", '<div onclick="alert(1)" onmouseover="alert(2)">d</div>', "on"],
      ["javascript: link in Markdown", "[클릭](javascript:alert(1))", "javascript"],
      ["javascript: link in HTML", '<a href="javascript:alert(1)">x</a>', "javascript"],
      ["entity-encoded javascript: link", '<a href="jav&#x09;ascript:alert(1)">x</a>', "ascript"],
      ["data: link", '<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"],
      ["data: image", '<img src="data:image/svg+xml;base64,PHN2Zz4=">', "data:"],
      ["javascript: image", '<img src="javascript:alert(1)">', "javascript"],
      ["iframe", '<iframe src="https://evil.example"></iframe>', "iframe"],
      ["svg with onload", '<svg onload="alert(1)"><circle r="1"/></svg>', "svg"],
      ["inline style attribute", '<p style="position:fixed">x</p>', "style"],
      ["object/embed", '<object data="x.swf"></object><embed src="x.swf">', "swf"],
      ["form", '<form action="https://evil.example"><button>x</button></form>', "form"],
    ])("%s", (_name, markdown, forbidden) => {
      const html = renderMarkdown(markdown);
      expect(html.toLowerCase()).not.toContain(forbidden === "on" ? " on" : forbidden);
      expect(html).not.toMatch(/<script|alert\(/i);
    });

    it("keeps the harmless text around removed markup", () => {
      expect(renderMarkdown("<script>alert('x')</script>안전")).toContain("안전");
    });
  });
});
