import { describe, expect, it } from "vitest";
import { decksBelowMinimum, formatDeckTable, formatProblem } from "./deck-report";
import { parseDeck } from "./parse-deck";

const tls = parseDeck(
  [
    "---",
    "title: TLS",
    "---",
    "<!-- id: a; tags: basic, tls12, interview -->",
    "A? :: 1",
    "<!-- id: b; tags: basic, tls12 -->",
    "B? :: 2",
    "<!-- id: c; tags: advanced, tls13 -->",
    "C? :: 3",
  ].join("\n"),
  "content/tls-handshake.md",
);
const broken = parseDeck("# no front matter\n\nQ :: A\n", "content/https.md");

describe("content lint report", () => {
  it("formats problems as file:line: severity: message", () => {
    expect(formatProblem(broken.problems[0])).toBe(
      "content/https.md:1: error: missing front matter: the deck must start with a `---` YAML block holding at least `title`",
    );
  });

  it("lists decks below their minimum, counting a missing deck as zero cards", () => {
    expect(decksBelowMinimum([tls], { "tls-handshake": 3, https: 1 })).toEqual(["https: 0 cards, minimum 1"]);
    expect(decksBelowMinimum([tls], { "tls-handshake": 4 })).toEqual(["tls-handshake: 3 cards, minimum 4"]);
  });

  it("prints one row per deck with level counts, other tags and a status", () => {
    const lines = formatDeckTable([tls, broken], { "tls-handshake": 4 }).split("\n");
    expect(lines[0].split(/\s{2,}/)).toEqual(["deck", "cards", "min", "basic", "intermediate", "advanced", "status", "other tags"]);
    expect(lines[1].split(/\s{2,}/)).toEqual(["tls-handshake", "3", "4", "2", "0", "1", "TOO FEW", "tls12 2, interview 1, tls13 1"]);
    expect(lines[2].split(/\s{2,}/)).toEqual(["https", "1", "-", "0", "0", "0", "ERRORS"]);
    expect(lines[3]).toBe("2 decks, 4 cards");
  });
});
