import "server-only";
import { formatSyncReport, syncContent } from "./content-sync";
import { getDatabase } from "./db";

/** Opens and migrates the database and syncs content/ into it; called once per server process. */
export async function startServer(): Promise<void> {
  const started = Date.now();
  const db = await getDatabase();
  const where = db.config.kind === "pglite" ? `embedded PGlite in ${db.config.dataDir}` : "PostgreSQL (DATABASE_URL)";
  console.log(`[netcards] database ready: ${where}`);
  const report = await syncContent(db.prisma);
  console.log(`[netcards] content sync (${Date.now() - started} ms):\n${formatSyncReport(report)}`);
  if (!report.ok) {
    console.error("[netcards] some decks have errors and were NOT synced; see the lines above (file:line).");
  }
}
