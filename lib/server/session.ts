import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./auth";
import { DEFAULT_STUDY_SETTINGS, isValidTimeZone } from "@/lib/srs";
import { getPrisma } from "./db";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  isAnonymous: boolean;
}

/** The signed-in user of this request (anonymous or full account), or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Read the request first: it marks the page dynamic before anything touches the database.
  const requestHeaders = await headers();
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const user = session.user as typeof session.user & { isAnonymous?: boolean | null };
  return { id: user.id, name: user.name, email: user.email, isAnonymous: Boolean(user.isAnonymous) };
});

/**
 * The current user, creating nothing: pages that need one send a visitor without a session through
 * /start, which opens an anonymous account and comes straight back, so studying needs no form.
 */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/start?next=${encodeURIComponent(returnTo)}`);
  return user;
}

export const LOCALE_COOKIE = "netcards-locale";
export type Locale = "ko" | "en";

export interface DisplayPreferences {
  locale: Locale;
  timeZone: string;
}

/**
 * UI language and time zone for this request: the user's saved settings, else the language cookie
 * (visitors), else Korean and Seoul time.
 */
export const getDisplayPreferences = cache(async (): Promise<DisplayPreferences> => {
  const user = await getSessionUser().catch(() => null);
  const cookieLocale: Locale = (await cookies()).get(LOCALE_COOKIE)?.value === "en" ? "en" : "ko";
  // A learner who never saved settings keeps the language they picked as a visitor.
  const saved = user ? await (await getPrisma()).studySettings.findUnique({ where: { userId: user.id } }) : null;
  if (!saved) return { locale: cookieLocale, timeZone: DEFAULT_STUDY_SETTINGS.timeZone };
  return {
    locale: saved.locale === "en" ? "en" : "ko",
    timeZone: isValidTimeZone(saved.timeZone) ? saved.timeZone : DEFAULT_STUDY_SETTINGS.timeZone,
  };
});
