import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/server/session";
import { signOutAction } from "@/app/(auth)/actions";
import { LocaleSwitch } from "./locale-switch";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const user = await getSessionUser();
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
      <nav aria-label={t("label")} className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm">
        <Link href="/" className="text-base font-bold tracking-tight text-indigo-700 dark:text-indigo-300">
          netcards
        </Link>
        <Link href="/" className="hover:underline">
          {t("decks")}
        </Link>
        <Link href="/review" className="hover:underline">
          {t("review")}
        </Link>
        <Link href="/settings" className="hover:underline">
          {t("settings")}
        </Link>
        <div className="ml-auto flex items-center gap-3">
          <LocaleSwitch />
          {user && !user.isAnonymous ? (
            <>
              <span className="hidden max-w-40 truncate text-zinc-600 sm:inline dark:text-zinc-400" data-testid="account-email">
                {user.email}
              </span>
              <form action={signOutAction}>
                <button type="submit" className="rounded px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
                  {t("signOut")}
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in" className="hover:underline">
                {t("signIn")}
              </Link>
              <Link
                href="/sign-up"
                className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 dark:bg-indigo-400 dark:hover:bg-indigo-300 dark:text-zinc-950"
              >
                {user ? t("keepProgress") : t("signUp")}
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
