import "server-only";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { acquireDataDirLock } from "./data-dir-lock";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/prisma/client";

/**
 * Where the data lives. PGlite (PostgreSQL compiled to WASM, in this process) is the default so one
 * learner needs no server; a real PostgreSQL server takes over when DATABASE_URL names one, which is
 * how several stateless app instances share one database.
 */
export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string | null } // null: in memory (tests)
  | { kind: "postgres"; url: string };

/** One connection of the raw driver, below Prisma: for migrations, locks and benchmarks. */
export interface SqlConnection {
  /** Runs a script of several SQL statements without parameters. */
  execScript(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends SqlConnection {
  readonly config: DatabaseConfig;
  readonly prisma: PrismaClient;
  /** Runs `work` on one connection, so session state (a transaction, an advisory lock) holds throughout. */
  withConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_URL must be a postgres:// or postgresql:// URL (got "${url.split(":")[0]}:..."). ` +
          "Leave it unset to use the embedded database in ./data.",
      );
    }
    return { kind: "postgres", url };
  }
  return { kind: "pglite", dataDir: path.join(dataFolder(env), "pglite") };
}

/** The git-ignored folder for local state: the embedded database and the generated auth secret. */
export function dataFolder(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.NETCARDS_DATA_DIR?.trim() || path.join(process.cwd(), "data"));
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "postgres") return openPostgres(config);
  return openPGlite(config);
}

async function openPGlite(config: Extract<DatabaseConfig, { kind: "pglite" }>): Promise<Database> {
  let releaseLock = () => {};
  if (config.dataDir) {
    mkdirSync(path.dirname(config.dataDir), { recursive: true });
    // PGlite does not lock its folder; two processes writing one folder would corrupt it.
    releaseLock = acquireDataDirLock(config.dataDir);
  }
  const pglite = await (config.dataDir ? PGlite.create(config.dataDir) : PGlite.create()).catch((error: unknown) => {
    releaseLock();
    throw error;
  });
  // The adapter is typed against an older @prisma/driver-adapter-utils than Prisma 6.19's; the runtime
  // contract is the same (migrations, queries and interactive transactions are tested on it).
  const adapter = new PrismaPGlite(pglite) as unknown as SqlDriverAdapterFactory;
  const prisma = new PrismaClient({ adapter });
  const connection: SqlConnection = {
    async execScript(sql) {
      await pglite.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await pglite.query<T>(sql, params);
      return result.rows;
    },
  };
  return {
    config,
    prisma,
    ...connection,
    // PGlite has exactly one connection.
    withConnection: (work) => work(connection),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      releaseLock();
    },
  };
}

async function openPostgres(config: Extract<DatabaseConfig, { kind: "postgres" }>): Promise<Database> {
  const pool = new pg.Pool({ connectionString: config.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const over = (client: pg.Pool | pg.PoolClient): SqlConnection => ({
    async execScript(sql) {
      await client.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
  });
  return {
    config,
    prisma,
    ...over(pool),
    async withConnection(work) {
      const client = await pool.connect();
      try {
        return await work(over(client));
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
