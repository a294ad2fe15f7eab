import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { anonymous } from "better-auth/plugins/anonymous";
import { dataFolder } from "./database";
import { getDatabase } from "./db";
import type { PrismaClient } from "./generated/prisma/client";
import { moveStudyData } from "./move-study-data";

export interface AuthOptions {
  secret: string;
  baseURL?: string;
}

/**
 * Accounts with better-auth: email + password (scrypt-hashed by better-auth, never stored in plain text),
 * sessions in HttpOnly SameSite=Lax cookies, and anonymous accounts so a visitor can study at once and
 * keep every review when signing up later.
 */
export function createAuth(prisma: PrismaClient, options: AuthOptions) {
  return betterAuth({
    appName: "netcards",
    secret: options.secret,
    baseURL: options.baseURL,
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    advanced: { defaultCookieAttributes: { httpOnly: true, sameSite: "lax" } },
    telemetry: { enabled: false },
    plugins: [
      anonymous({
        emailDomainName: "anonymous.netcards.invalid",
        generateName: () => "Guest",
        onLinkAccount: async ({ anonymousUser, newUser }) => {
          await moveStudyData(prisma, anonymousUser.user.id, newUser.user.id);
        },
      }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * The signing secret for session cookies. Set BETTER_AUTH_SECRET in production (and the same value on
 * every instance behind a load balancer). For the embedded single-user default we generate one on
 * first start and keep it in the git-ignored data folder, so there is nothing to configure.
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters long.");
    return fromEnv;
  }
  if (env.DATABASE_URL?.trim()) {
    throw new Error(
      "BETTER_AUTH_SECRET is not set. With DATABASE_URL (shared PostgreSQL), every app instance must use the " +
        "same secret: generate one with `openssl rand -base64 32` and set it in each instance's environment.",
    );
  }
  const file = path.join(dataFolder(env), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim();
}

const AUTH_KEY = Symbol.for("netcards.auth");
type Holder = { [AUTH_KEY]?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  const holder = globalThis as Holder;
  holder[AUTH_KEY] ??= getDatabase().then((db) =>
    createAuth(db.prisma, { secret: resolveAuthSecret(), baseURL: process.env.BETTER_AUTH_URL?.trim() || undefined }),
  );
  return holder[AUTH_KEY];
}
