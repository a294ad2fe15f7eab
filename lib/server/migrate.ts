import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Database, SqlConnection } from "./database";

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

// Any constant works; it only has to be the same for every app instance sharing one server.
const MIGRATION_LOCK_KEY = 7_340_211;

export const defaultMigrationsDir = () => path.join(process.cwd(), "prisma", "migrations");

/**
 * Applies the committed SQL in prisma/migrations in name order, each in its own transaction, and records
 * it in Prisma's own `_prisma_migrations` table (same columns, sha256 checksum of migration.sql), so
 * `prisma migrate status` / `deploy` on a machine with Prisma's native engine agrees with what we did.
 *
 * We run the SQL ourselves because Prisma 6's WASM schema engine cannot migrate a real PostgreSQL server
 * here (see README, "Database"), and one runner for both databases keeps them identical.
 */
export async function applyMigrations(db: Database, migrationsDir = defaultMigrationsDir()): Promise<MigrationResult> {
  const names = (await readdir(/*turbopackIgnore: true*/ migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  return db.withConnection(async (conn) => {
    // Several app instances may start at once against one server: the first migrates, the rest wait.
    await conn.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      return await applyPending(conn, migrationsDir, names);
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  });
}

async function applyPending(conn: SqlConnection, migrationsDir: string, names: string[]): Promise<MigrationResult> {
  await conn.execScript(`
    CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    );`);
  const rows = await conn.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));

  const applied: string[] = [];
  for (const name of names) {
    const sql = await readFile(/*turbopackIgnore: true*/ path.join(migrationsDir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    const previous = done.get(name);
    if (previous !== undefined) {
      if (previous !== checksum) {
        throw new Error(
          `Migration ${name} was changed after it was applied (checksum differs). ` +
            "Add a new migration instead of editing an applied one.",
        );
      }
      continue;
    }
    const record =
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) ` +
      `VALUES ('${randomUUID()}', '${checksum}', now(), '${name.replace(/'/g, "''")}', 1);`;
    try {
      await conn.execScript(`BEGIN;\n${sql}\n;\n${record}\nCOMMIT;`);
    } catch (error) {
      await conn.execScript("ROLLBACK;").catch(() => undefined);
      throw new Error(`Migration ${name} failed and was rolled back: ${(error as Error).message}`);
    }
    applied.push(name);
  }
  return { applied, alreadyApplied: names.length - applied.length };
}
