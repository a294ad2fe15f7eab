import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkDeckCollection,
  CONTENT_REQUIREMENTS,
  contentRequirementChecks,
  type ContentRequirements,
} from "./deck-requirements";
import { parseDeck } from "./parse-deck";
import type { ParsedDeck } from "./types";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Parses every `*.md` in a directory; a missing directory is an empty collection (reported as missing decks). */
function loadDecks(directory: URL): ParsedDeck[] {
  const path = fileURLToPath(directory);
  if (!existsSync(path)) return [];
  return readdirSync(path)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => parseDeck(readFileSync(new URL(name, directory), "utf8"), `${path.slice(REPO_ROOT.length)}${name}`));
}

const checkNames = Object.keys(contentRequirementChecks) as Array<keyof typeof contentRequirementChecks>;
const runCheck = (name: keyof typeof contentRequirementChecks, decks: ParsedDeck[], requirements: ContentRequirements) =>
  contentRequirementChecks[name](decks, requirements);

// The repo's decks are written by others in parallel: until they land this suite fails, by design.
describe("content/ decks", () => {
  const decks = loadDecks(new URL("../../content/", import.meta.url));
  it.each(checkNames)("%s", (name) => {
    expect(runCheck(name, decks, CONTENT_REQUIREMENTS)).toEqual([]);
  });
});

describe("deck requirement checks on a fixture collection", () => {
  const fixtureRequirements: ContentRequirements = {
    minimumCards: { "mini-transport": 4, "mini-security": 3 },
    minimumInterviewCards: 2,
    minimumMisconceptionCards: 1,
  };
  const decks = loadDecks(new URL("./fixtures/decks/", import.meta.url));
  const edit = (mutate: (decks: ParsedDeck[]) => void) => {
    const copy = structuredClone(decks);
    mutate(copy);
    return copy;
  };

  it("loads the fixture decks with repo-relative file names", () => {
    expect(decks.map((deck) => [deck.file, deck.cards.length])).toEqual([
      ["lib/content/fixtures/decks/mini-security.md", 3],
      ["lib/content/fixtures/decks/mini-transport.md", 4],
    ]);
  });

  it.each(checkNames)("passes: %s", (name) => {
    expect(runCheck(name, decks, fixtureRequirements)).toEqual([]);
  });

  it("reports parse problems with file and line", () => {
    const broken = [...decks, parseDeck("---\ntitle: x\n---\n<!-- id: dup -->\nA :: 1\n<!-- id: dup -->\nB :: 2\n", "lib/content/fixtures/decks/broken.md")];
    expect(runCheck("every deck parses without problems", broken, fixtureRequirements)).toEqual([
      "lib/content/fixtures/decks/broken.md:6: error: duplicate id `dup` (already used by the card at line 5)",
    ]);
  });

  it("reports a deck below its minimum and a missing deck", () => {
    const requirements = { ...fixtureRequirements, minimumCards: { "mini-transport": 5, "mini-security": 3, "mini-absent": 1 } };
    expect(runCheck("every deck has at least its minimum number of cards", decks, requirements)).toEqual([
      "lib/content/fixtures/decks/mini-transport.md: 4 cards, below the minimum of 5",
      "deck mini-absent.md is missing (needs at least 1 cards)",
    ]);
  });

  it("reports cards without an explicit id or a level tag", () => {
    const changed = edit(([security]) => {
      security.cards[0].explicitId = null;
      security.cards[1].tags = ["pki"];
    });
    expect(runCheck("every card has an explicit id", changed, fixtureRequirements)).toEqual([
      `lib/content/fixtures/decks/mini-security.md:${changed[0].cards[0].line}: card has no explicit id`,
    ]);
    expect(runCheck("every card has a level tag", changed, fixtureRequirements)).toEqual([
      `lib/content/fixtures/decks/mini-security.md:${changed[0].cards[1].line}: card has no level tag (basic | intermediate | advanced)`,
    ]);
  });

  it("reports empty parts", () => {
    const changed = edit(([, transport]) => {
      transport.cards[2].answerMd = " ";
    });
    expect(runCheck("every card has a non-empty question and answer", changed, fixtureRequirements)).toHaveLength(1);
  });

  it("reports an id used in two decks", () => {
    const changed = edit(([security, transport]) => {
      transport.cards[0].explicitId = security.cards[2].explicitId;
    });
    expect(runCheck("ids are unique across all decks", changed, fixtureRequirements)).toEqual([
      `lib/content/fixtures/decks/mini-transport.md:${changed[1].cards[0].line}: id \`mini-sec-aead\` is already used at lib/content/fixtures/decks/mini-security.md:${changed[0].cards[2].line}`,
    ]);
  });

  it("reports too few interview or misconception cards", () => {
    const strict = { ...fixtureRequirements, minimumInterviewCards: 3, minimumMisconceptionCards: 2 };
    expect(checkDeckCollection(decks, strict)).toEqual([
      "2 cards tagged `interview` across decks, below the minimum of 3",
      "1 cards tagged `misconception` across decks, below the minimum of 2",
    ]);
  });

  it("uses the minimums from the brief for the shipped decks", () => {
    expect(CONTENT_REQUIREMENTS).toEqual({
      minimumCards: { "osi-tcp-ip": 35, https: 30, "tls-handshake": 45, cryptography: 30, "load-balancing": 30 },
      minimumInterviewCards: 15,
      minimumMisconceptionCards: 6,
    });
  });
});
