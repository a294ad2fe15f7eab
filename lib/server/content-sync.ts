import "server-only";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import {
  cardContentHash,
  deckHasErrors,
  parseDeck,
  planCardIdentities,
  type ContentProblem,
  type ParsedDeck,
} from "@/lib/content";
import type { Prisma, PrismaClient } from "./generated/prisma/client";

export interface DeckSyncReport {
  deckId: string;
  file: string;
  /** failed: the deck has errors and nothing of it was touched; unchanged: same file as last sync. */
  status: "synced" | "unchanged" | "failed" | "removed";
  added: number;
  changed: number;
  unchanged: number;
  restored: number;
  suspended: number;
  problems: ContentProblem[];
}

export interface ContentSyncReport {
  decks: DeckSyncReport[];
  ok: boolean;
}

// Bump when parsing or rendering changes, so unchanged files are re-rendered once.
const SYNC_FORMAT = "netcards-sync-1";

export const defaultContentDir = () => path.resolve(/*turbopackIgnore: true*/ process.env.NETCARDS_CONTENT_DIR?.trim() || path.join(process.cwd(), "content"));

/**
 * Brings the database in line with the Markdown decks in `contentDir`. Each deck is applied in its own
 * transaction; a deck with errors is reported with file:line and left exactly as it was, while the
 * others go ahead. Cards removed from a file are suspended with their history, never deleted.
 */
export async function syncContent(prisma: PrismaClient, contentDir = defaultContentDir()): Promise<ContentSyncReport> {
  const files = (await readdir(/*turbopackIgnore: true*/ contentDir)).filter((name) => name.endsWith(".md")).sort();
  const reports: DeckSyncReport[] = [];
  const seenDecks = new Set<string>();

  for (const name of files) {
    const source = await readFile(path.join(/*turbopackIgnore: true*/ contentDir, name), "utf8");
    const deck = parseDeck(source, `content/${name}`);
    seenDecks.add(deck.slug);
    reports.push(await syncDeck(prisma, deck, source));
  }

  const vanished = await prisma.deck.findMany({ where: { id: { notIn: [...seenDecks] } }, select: { id: true, sourcePath: true } });
  for (const deck of vanished) {
    const { count } = await prisma.card.updateMany({ where: { deckId: deck.id, suspendedAt: null }, data: { suspendedAt: new Date() } });
    if (count > 0) reports.push({ ...emptyReport(deck.id, deck.sourcePath), status: "removed", suspended: count });
  }
  return { decks: reports, ok: reports.every((r) => r.status !== "failed") };
}

function emptyReport(deckId: string, file: string): DeckSyncReport {
  return { deckId, file, status: "synced", added: 0, changed: 0, unchanged: 0, restored: 0, suspended: 0, problems: [] };
}

async function syncDeck(prisma: PrismaClient, deck: ParsedDeck, source: string): Promise<DeckSyncReport> {
  const report = { ...emptyReport(deck.slug, deck.file), problems: [...deck.problems] };
  if (deckHasErrors(deck)) return { ...report, status: "failed" };

  const contentHash = createHash("sha256").update(SYNC_FORMAT).update(source).digest("hex");
  const existing = await prisma.deck.findUnique({ where: { id: deck.slug }, select: { contentHash: true } });
  if (existing?.contentHash === contentHash) {
    const active = await prisma.card.count({ where: { deckId: deck.slug, suspendedAt: null } });
    return { ...report, status: "unchanged", unchanged: active };
  }

  const stored = await prisma.card.findMany({
    where: { deckId: deck.slug },
    select: {
      id: true,
      explicitId: true,
      questionMd: true,
      answerMd: true,
      suspendedAt: true,
      contentHash: true,
      position: true,
      sourceLine: true,
      tags: true,
    },
  });
  const plan = planCardIdentities(
    deck.slug,
    stored.map((card) => ({ ...card, suspended: card.suspendedAt !== null })),
    deck.cards,
  );

  // An explicit id must be unique across all decks, since it names the card's history.
  const ownIds = new Set(stored.map((card) => card.id));
  const foreign = await prisma.card.findMany({
    where: { id: { in: plan.cards.map((c) => c.id).filter((id) => !ownIds.has(id)) }, deckId: { not: deck.slug } },
    select: { id: true, deckId: true },
  });
  if (foreign.length > 0) {
    for (const clash of foreign) {
      const card = plan.cards.find((c) => c.id === clash.id)!;
      report.problems.push({
        file: deck.file,
        line: card.parsed.line,
        severity: "error",
        message: `card id "${clash.id}" is already used by deck "${clash.deckId}"; ids must be unique across decks`,
      });
    }
    return { ...report, status: "failed" };
  }

  const deckTags = deck.meta.tags;
  await prisma.$transaction(
    async (tx) => {
      await tx.deck.upsert({
        where: { id: deck.slug },
        create: { id: deck.slug, ...deckFields(deck), contentHash },
        update: { ...deckFields(deck), contentHash, syncedAt: new Date() },
      });
      for (const planned of plan.cards) {
        if (planned.renamedFrom) await tx.card.update({ where: { id: planned.renamedFrom }, data: { id: planned.id } });
      }
      const storedById = new Map(stored.map((card) => [card.id, card]));
      const added: Prisma.CardCreateManyInput[] = [];
      for (const [position, planned] of plan.cards.entries()) {
        const parsed = planned.parsed;
        const fields = {
          explicitId: parsed.explicitId !== null,
          questionMd: parsed.questionMd,
          answerMd: parsed.answerMd,
          questionHtml: parsed.questionHtml,
          answerHtml: parsed.answerHtml,
          tags: [...new Set([...deckTags, ...parsed.tags])],
          sourceLine: parsed.line,
          position,
          contentHash: cardContentHash(parsed),
          suspendedAt: null,
        };
        report[planned.status] += 1;
        if (planned.status === "added") {
          added.push({ id: planned.id, deckId: deck.slug, ...fields });
          continue;
        }
        const before = storedById.get(planned.renamedFrom ?? planned.id);
        const untouched =
          planned.status === "unchanged" &&
          before !== undefined &&
          before.position === position &&
          before.sourceLine === parsed.line &&
          before.tags.join("\n") === fields.tags.join("\n");
        if (!untouched) await tx.card.update({ where: { id: planned.id }, data: fields });
      }
      // One statement for all new cards: a first sync of a 80-card deck is one round trip, not 80.
      if (added.length > 0) await tx.card.createMany({ data: added });
      if (plan.suspend.length > 0) {
        const { count } = await tx.card.updateMany({
          where: { id: { in: plan.suspend }, suspendedAt: null },
          data: { suspendedAt: new Date() },
        });
        report.suspended = count;
      }
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  return report;
}

function deckFields(deck: ParsedDeck) {
  return {
    title: deck.meta.title,
    description: deck.meta.description,
    tags: deck.meta.tags,
    lang: deck.meta.lang,
    sourcePath: deck.file,
  };
}

/** One line per deck, for the server log and `npm run content:sync`. */
export function formatSyncReport(report: ContentSyncReport): string {
  const lines: string[] = [];
  for (const deck of report.decks) {
    const counts =
      deck.status === "failed"
        ? "NOT SYNCED (existing cards left untouched)"
        : `+${deck.added} added, ~${deck.changed} changed, ${deck.unchanged} unchanged, ${deck.restored} restored, -${deck.suspended} suspended`;
    lines.push(`${deck.status.padEnd(9)} ${deck.file}: ${counts}`);
    for (const problem of deck.problems) {
      lines.push(`  ${problem.file}:${problem.line}: ${problem.severity}: ${problem.message}`);
    }
  }
  return lines.join("\n");
}
