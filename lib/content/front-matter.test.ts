import { describe, expect, it } from "vitest";
import { readFrontMatter, splitFrontMatter } from "./front-matter";

function read(source: string) {
  return readFrontMatter(splitFrontMatter(source), "content/x.md", "x");
}

describe("front matter", () => {
  it("blanks the header in the body so body lines keep file line numbers", () => {
    const split = splitFrontMatter("---\ntitle: a\n---\nbody");
    expect(split.yaml).toBe("title: a");
    expect(split.body).toBe("\n\n\nbody");
  });

  it("applies defaults for optional fields and ignores unknown keys", () => {
    expect(read("---\ntitle: 제목\norder: 3\n---\n")).toEqual({
      meta: { title: "제목", description: "", tags: [], lang: "ko" },
      problems: [],
    });
  });

  it("treats optional keys left empty as absent", () => {
    expect(read("---\ntitle: 제목\ndescription:\ntags:\nlang:\n---\n").meta).toEqual({ title: "제목", description: "", tags: [], lang: "ko" });
  });

  it.each([
    ["front matter that is not a mapping", "---\n- a\n---\n", 1, "invalid front matter"],
    ["no front matter", "# 제목\n", 1, "missing front matter"],
    ["unterminated front matter", "---\ntitle: a\n", 1, "missing front matter"],
    ["missing title", "---\ndescription: d\n---\n", 1, "missing the required `title`"],
    ["empty title", "---\ntitle: '  '\n---\n", 2, "title must not be empty"],
    ["title not a string", "---\ntitle: [a]\n---\n", 2, "`title`"],
    ["bad lang", "---\ntitle: a\nlang: jp\n---\n", 3, "`lang`"],
    ["tags not a list", "---\ntitle: a\ntags: tls\n---\n", 3, "`tags`"],
    ["invalid YAML", "---\ntitle: a\ntags: [tls\n---\n", 3, "invalid YAML"],
  ])("%s is an error with a line", (_name, source, line, message) => {
    const result = read(source);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: "content/x.md", line, severity: "error" });
    expect(result.problems[0].message).toContain(message);
    expect(result.meta.title).toBe("x");
  });
});
