import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { defineConfig } from "prisma/config";

// Prisma 6.19 with the JS engine: nothing native is downloaded (see README, "Database").
// Without a DATABASE_URL Prisma 6 falls back to its native engine and tries to download it, so the CLI
// always sees one; the app itself picks PGlite or PostgreSQL in lib/server/db.ts.
process.env.DATABASE_URL ??= "postgresql://netcards@127.0.0.1:5432/netcards";
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // In-memory PGlite: enough for `prisma migrate diff` and friends; the app applies migrations itself.
    // (Cast: the adapter is typed against an older @prisma/driver-adapter-utils; same runtime contract.)
    return new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory;
  },
});
