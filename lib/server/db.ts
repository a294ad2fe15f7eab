import "server-only";
import { databaseConfigFromEnv, openDatabase, type Database } from "./database";
import { applyMigrations } from "./migrate";

// One database per process, shared by every module graph Next builds (instrumentation, routes, actions)
// and kept across hot reloads in development.
const DATABASE_KEY = Symbol.for("netcards.database");
type Holder = { [DATABASE_KEY]?: Promise<Database> };

/** The app's database, opened and migrated on first use. */
export function getDatabase(): Promise<Database> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    // A build must not open (and lock) the data folder a running or later server will use.
    throw new Error("The database was opened during `next build`; make the page dynamic instead.");
  }
  const holder = globalThis as Holder;
  holder[DATABASE_KEY] ??= (async () => {
    const db = await openDatabase(databaseConfigFromEnv());
    await applyMigrations(db);
    return db;
  })().catch((error: unknown) => {
    delete holder[DATABASE_KEY];
    throw error;
  });
  return holder[DATABASE_KEY];
}

export async function getPrisma() {
  return (await getDatabase()).prisma;
}

export type { PrismaClient } from "./generated/prisma/client";
