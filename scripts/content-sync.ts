// `npm run content:sync`: syncs content/*.md into the database and prints what changed per deck.
// Exits non-zero when a deck has errors (that deck is left untouched; the others are synced).
import { formatSyncReport, syncContent } from "@/lib/server/content-sync";
import { databaseConfigFromEnv, openDatabase } from "@/lib/server/database";
import { applyMigrations } from "@/lib/server/migrate";

const db = await openDatabase(databaseConfigFromEnv()).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
try {
  await applyMigrations(db);
  const report = await syncContent(db.prisma);
  console.log(formatSyncReport(report));
  if (!report.ok) {
    console.error("\nSome decks have errors and were not synced (see file:line above).");
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
