import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, type Auth } from "./auth";
import type { Database } from "./database";
import { gradeCard } from "./grade-card";
import { createTestDatabase } from "./test-database";
import { insertDeck } from "./test-fixtures";

let db: Database;
let auth: Auth;
const BASE = "http://127.0.0.1:3999";

beforeAll(async () => {
  db = await createTestDatabase();
  auth = createAuth(db.prisma, { secret: "test-secret-for-auth-integration-0123456789", baseURL: BASE });
});
afterAll(async () => {
  await db?.close();
});

/** Turns Set-Cookie response headers into a Cookie request header, as a browser would. */
function cookieHeader(headers: Headers, previous = ""): Headers {
  const jar = new Map(
    previous
      .split("; ")
      .filter(Boolean)
      .map((pair) => pair.split("=") as [string, string]),
  );
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, ...rest] = pair.split("=");
    jar.set(name, rest.join("="));
  }
  return new Headers({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), origin: BASE });
}

describe("accounts", () => {
  it("stores a password hash, never the password, and sets an HttpOnly SameSite session cookie", async () => {
    const password = "correct horse battery";
    const { headers } = await auth.api.signUpEmail({
      body: { email: "hash@example.test", password, name: "hash" },
      returnHeaders: true,
    });
    const cookie = headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const account = await db.prisma.account.findFirstOrThrow({ where: { user: { email: "hash@example.test" } } });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain(password);
    expect(account.password!.length).toBeGreaterThan(40);
  });

  it("says the same thing for a wrong password and an unknown email", async () => {
    await auth.api.signUpEmail({ body: { email: "known@example.test", password: "a-good-password", name: "k" } });
    const failure = async (email: string, password: string) => {
      try {
        await auth.api.signInEmail({ body: { email, password } });
        return null;
      } catch (error) {
        return { status: (error as { status?: string }).status, message: (error as Error).message };
      }
    };
    const wrongPassword = await failure("known@example.test", "not-the-password");
    const unknownEmail = await failure("nobody@example.test", "not-the-password");
    expect(wrongPassword).not.toBeNull();
    expect(wrongPassword).toEqual(unknownEmail);
  });

  it("turns an anonymous learner into a full account keeping every review", async () => {
    const [cardA, cardB] = await insertDeck(db.prisma, "auth-link", 2);
    const anon = await auth.api.signInAnonymous({ headers: new Headers({ origin: BASE }), returnHeaders: true });
    const anonCookies = cookieHeader(anon.headers);
    const anonSession = await auth.api.getSession({ headers: anonCookies });
    const anonId = anonSession!.user.id;
    expect((anonSession!.user as { isAnonymous?: boolean }).isAnonymous).toBe(true);

    await gradeCard(db.prisma, anonId, { cardId: cardA, rating: 3, expectedVersion: 0, durationMs: 1200 });
    await gradeCard(db.prisma, anonId, { cardId: cardB, rating: 1, expectedVersion: 0, durationMs: 800 });

    const signedUp = await auth.api.signUpEmail({
      body: { email: "learner@example.test", password: "long-enough-pw", name: "learner" },
      headers: anonCookies,
      returnHeaders: true,
    });
    const session = await auth.api.getSession({ headers: cookieHeader(signedUp.headers, anonCookies.get("cookie")!) });
    const userId = session!.user.id;
    expect(userId).not.toBe(anonId);
    expect(await db.prisma.reviewLog.count({ where: { userId } })).toBe(2);
    expect(await db.prisma.cardState.count({ where: { userId } })).toBe(2);
    expect(await db.prisma.user.findUnique({ where: { id: anonId } })).toBeNull();

    // sign out and back in: the reviews are still there
    await auth.api.signOut({ headers: cookieHeader(signedUp.headers, anonCookies.get("cookie")!) });
    const again = await auth.api.signInEmail({ body: { email: "learner@example.test", password: "long-enough-pw" }, returnHeaders: true });
    const back = await auth.api.getSession({ headers: cookieHeader(again.headers) });
    expect(back!.user.id).toBe(userId);
    expect(await db.prisma.reviewLog.count({ where: { userId: back!.user.id } })).toBe(2);
  });
});
