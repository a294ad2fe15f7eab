import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it("keeps same-site paths", () => {
    expect(safeReturnPath("/review?deck=https")).toBe("/review?deck=https");
  });
  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", null])(
    "refuses %s and falls back",
    (value) => {
      expect(safeReturnPath(value, "/")).toBe("/");
    },
  );
});
