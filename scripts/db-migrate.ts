// `npm run db:migrate`: applies prisma/migrations to the configured database (PGlite in ./data, or
// DATABASE_URL). The app does this on start too; this is for a PostgreSQL server you prepare by hand.
import { databaseConfigFromEnv, openDatabase } from "@/lib/server/database";
import { applyMigrations } from "@/lib/server/migrate";

const config = databaseConfigFromEnv();
const db = await openDatabase(config);
try {
  const result = await applyMigrations(db);
  const where = config.kind === "pglite" ? config.dataDir : "DATABASE_URL";
  console.log(
    result.applied.length > 0
      ? `Applied ${result.applied.length} migration(s) to ${where}: ${result.applied.join(", ")}`
      : `Up to date (${result.alreadyApplied} migration(s) already applied to ${where}).`,
  );
} finally {
  await db.close();
}
