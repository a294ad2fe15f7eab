import { mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncContent } from "./content-sync";
import type { Database } from "./database";
import { gradeCard } from "./grade-card";
import { createTestDatabase } from "./test-database";
import { insertUser } from "./test-fixtures";

let db: Database;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "netcards-content-"));
  return () => rm(dir, { recursive: true, force: true });
});

const front = (title: string) => `---\ntitle: ${title}\ntags: [net]\nlang: ko\n---\n\n`;

async function write(name: string, body: string) {
  await writeFile(path.join(dir, name), body, "utf8");
}

async function cardsOf(deckId: string) {
  return db.prisma.card.findMany({ where: { deckId }, orderBy: { position: "asc" } });
}

describe("syncContent", () => {
  it("keeps card ids and history through answer edits, question typo fixes and reordering", async () => {
    const deck = "keep-ids";
    await write(
      `${deck}.md`,
      front("Keep") +
        "허브의 계층은? :: 물리 계층(L1)\n\n" +
        "## 라우터는 몇 계층 장비인가?\n\n네트워크 계층(L3)\n\n" +
        "## 스위치는 몇 계층 장비인가?\n\n데이터 링크 계층(L2)\n",
    );
    const first = await syncContent(db.prisma, dir);
    expect(first.decks.find((d) => d.deckId === deck)).toMatchObject({ status: "synced", added: 3 });
    const before = await cardsOf(deck);
    const [hub, router, switchCard] = before;

    const userId = await insertUser(db.prisma);
    await gradeCard(db.prisma, userId, { cardId: router.id, rating: 3, expectedVersion: 0, durationMs: 1 });

    // answer edited, a question typo fixed, and the order changed
    await write(
      `${deck}.md`,
      front("Keep") +
        "허브의 계층은? :: 물리 계층(L1) — 받은 신호를 모든 포트로 내보낸다\n\n" +
        "## 스위치는 몇 계층 장비인가?\n\n데이터 링크 계층(L2). MAC 주소로 프레임을 전달한다.\n\n" +
        "## 라우터는 몇 계층 장비인가요?\n\n네트워크 계층(L3)\n",
    );
    const second = await syncContent(db.prisma, dir);
    expect(second.decks.find((d) => d.deckId === deck)).toMatchObject({ status: "synced", added: 0, suspended: 0 });
    const after = await cardsOf(deck);
    expect(after.map((c) => c.id)).toEqual([hub.id, switchCard.id, router.id]);
    expect(after[2].questionMd).toContain("장비인가요?");
    expect(await db.prisma.reviewLog.count({ where: { cardId: router.id, userId } })).toBe(1);
  });

  it("suspends a removed card with its history, and restores it when it comes back", async () => {
    const deck = "suspend";
    const body = front("Suspend") + "<!-- id: sus-a -->\nA는? :: 가\n\n<!-- id: sus-b -->\nB는? :: 나\n";
    await write(`${deck}.md`, body);
    await syncContent(db.prisma, dir);
    const userId = await insertUser(db.prisma);
    await gradeCard(db.prisma, userId, { cardId: "sus-b", rating: 3, expectedVersion: 0, durationMs: 1 });

    await write(`${deck}.md`, front("Suspend") + "<!-- id: sus-a -->\nA는? :: 가\n");
    const removed = await syncContent(db.prisma, dir);
    expect(removed.decks.find((d) => d.deckId === deck)).toMatchObject({ suspended: 1 });
    const suspended = await db.prisma.card.findUniqueOrThrow({ where: { id: "sus-b" } });
    expect(suspended.suspendedAt).not.toBeNull();
    expect(await db.prisma.reviewLog.count({ where: { cardId: "sus-b" } })).toBe(1);
    expect(await db.prisma.cardState.count({ where: { cardId: "sus-b" } })).toBe(1);

    await write(`${deck}.md`, body);
    const back = await syncContent(db.prisma, dir);
    expect(back.decks.find((d) => d.deckId === deck)).toMatchObject({ restored: 1 });
    expect((await db.prisma.card.findUniqueOrThrow({ where: { id: "sus-b" } })).suspendedAt).toBeNull();
  });

  it("fails a broken deck loudly with file:line, leaves its cards untouched, and syncs the others", async () => {
    await write("steady.md", front("Steady") + "<!-- id: steady-1 -->\n질문? :: 답\n");
    await write("fragile.md", front("Fragile") + "<!-- id: fragile-1 -->\n원래 질문? :: 원래 답\n");
    await syncContent(db.prisma, dir);
    const original = await db.prisma.card.findUniqueOrThrow({ where: { id: "fragile-1" } });

    await write("fragile.md", front("Fragile") + "<!-- id: fragile-1 -->\n바뀐 질문? :: 바뀐 답\n\n<details><summary>열리고 닫히지 않음?</summary>\n\n답\n");
    await write("steady.md", front("Steady") + "<!-- id: steady-1 -->\n질문? :: 고친 답\n");
    const report = await syncContent(db.prisma, dir);
    expect(report.ok).toBe(false);
    const fragile = report.decks.find((d) => d.deckId === "fragile")!;
    expect(fragile.status).toBe("failed");
    expect(fragile.problems.some((p) => p.severity === "error" && p.file === "content/fragile.md" && p.line > 0)).toBe(true);
    expect(await db.prisma.card.findUniqueOrThrow({ where: { id: "fragile-1" } })).toEqual(original);
    expect(report.decks.find((d) => d.deckId === "steady")).toMatchObject({ status: "synced", changed: 1 });
    expect((await db.prisma.card.findUniqueOrThrow({ where: { id: "steady-1" } })).answerMd).toBe("고친 답");
  });

  it("refuses an explicit id that another deck already uses", async () => {
    await write("owner.md", front("Owner") + "<!-- id: shared-id -->\n첫 질문? :: 첫 답\n");
    await syncContent(db.prisma, dir);
    await write("intruder.md", front("Intruder") + "<!-- id: shared-id -->\n다른 질문? :: 다른 답\n");
    const report = await syncContent(db.prisma, dir);
    const intruder = report.decks.find((d) => d.deckId === "intruder")!;
    expect(intruder.status).toBe("failed");
    expect(intruder.problems[0].message).toMatch(/already used by deck "owner"/);
    expect((await db.prisma.card.findUniqueOrThrow({ where: { id: "shared-id" } })).deckId).toBe("owner");
  });

  it("stores only sanitized HTML: no scripts, event handlers or javascript: links", async () => {
    await write(
      "unsafe.md",
      front("Unsafe") +
        '## XSS란?\n\n<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n[link](javascript:alert(3)) and **bold**\n',
    );
    await syncContent(db.prisma, dir);
    const [card] = await cardsOf("unsafe");
    expect(card.answerHtml).not.toMatch(/<script|onerror|href="javascript:/i);
    expect(card.answerHtml).toContain('<img src="x.png">');
    expect(card.answerHtml).toContain("<strong>bold</strong>");
  });

  it("suspends every card of a deck whose file was deleted", async () => {
    await write("temporary.md", front("Temp") + "<!-- id: temp-1 -->\n임시? :: 임시 답\n");
    await syncContent(db.prisma, dir);
    await unlink(path.join(dir, "temporary.md"));
    const report = await syncContent(db.prisma, dir);
    expect(report.decks.find((d) => d.deckId === "temporary")).toMatchObject({ status: "removed", suspended: 1 });
    expect((await db.prisma.card.findUniqueOrThrow({ where: { id: "temp-1" } })).suspendedAt).not.toBeNull();
  });

  it("skips an unchanged file on the next start", async () => {
    await write("stable.md", front("Stable") + "<!-- id: stable-1 -->\n그대로? :: 그대로\n");
    await syncContent(db.prisma, dir);
    const again = await syncContent(db.prisma, dir);
    expect(again.decks.find((d) => d.deckId === "stable")).toMatchObject({ status: "unchanged", unchanged: 1 });
  });
});
