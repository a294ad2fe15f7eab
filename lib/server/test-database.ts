import "server-only";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "./database";
import { applyMigrations } from "./migrate";

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a brand-new database on
 * the real PostgreSQL server named by TEST_DATABASE_URL (dropped again by `close`). `.ci/run` runs the
 * integration tests both ways.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  if (!serverUrl) {
    const db = await openDatabase({ kind: "pglite", dataDir: null });
    await applyMigrations(db);
    return db;
  }
  const name = `netcards_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString() });
  await applyMigrations(db);
  return {
    ...db,
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
