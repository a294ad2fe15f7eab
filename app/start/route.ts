import { NextResponse, type NextRequest } from "next/server";
import { getAuth } from "@/lib/server/auth";
import { getPrisma } from "@/lib/server/db";
import { safeReturnPath } from "@/lib/server/safe-return-path";
import { LOCALE_COOKIE } from "@/lib/server/session";
import { updateStudySettings } from "@/lib/server/study-settings";
import { isValidTimeZone } from "@/lib/srs";

/**
 * A new visitor's first step: open an anonymous account (no form) and go back to where they were
 * going. The account can later become a full one, keeping every review.
 */
export async function GET(request: NextRequest) {
  const next = safeReturnPath(request.nextUrl.searchParams.get("next"));
  const auth = await getAuth();
  const existing = await auth.api.getSession({ headers: request.headers });
  // A relative Location keeps the browser on the host it used (request.url may name another, e.g.
  // localhost for 127.0.0.1), so the session cookie set here is sent on the next request.
  const response = new NextResponse(null, { status: 303, headers: { location: next } });
  if (existing) return response;
  const { headers, response: created } = await auth.api.signInAnonymous({ headers: request.headers, returnHeaders: true });
  // Start from what the visitor already chose: the language toggle's cookie and the browser's zone.
  const timeZone = request.nextUrl.searchParams.get("tz");
  const locale = request.cookies.get(LOCALE_COOKIE)?.value === "en" ? "en" : "ko";
  await updateStudySettings(await getPrisma(), created.user.id, {
    locale,
    ...(timeZone && isValidTimeZone(timeZone) ? { timeZone } : {}),
  });
  for (const cookie of headers.getSetCookie()) response.headers.append("set-cookie", cookie);
  return response;
}
