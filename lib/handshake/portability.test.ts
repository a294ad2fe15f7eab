// The engine runs in the browser too: no engine file may import a Node built-in or use Node globals.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dir = new URL("./", import.meta.url);
const engineFiles = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

describe("portability", () => {
  it("finds the engine files", () => {
    expect(engineFiles).toContain("endpoint.ts");
    expect(engineFiles.length).toBeGreaterThan(20);
  });

  for (const file of engineFiles) {
    it(`${file} uses no Node built-ins`, () => {
      const src = readFileSync(new URL(file, dir), "utf8");
      expect(src).not.toMatch(/from\s+["'](node:|fs|path|crypto|net|tls|buffer)["']/);
      expect(src).not.toMatch(/\brequire\(|\bBuffer\.|\bprocess\./);
    });
  }
});
