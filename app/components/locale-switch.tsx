import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/settings/actions";

/** A one-click language toggle; the choice is saved to the user's settings (and a cookie for visitors). */
export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const other = locale === "ko" ? "en" : "ko";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={t("switchLanguage")}
        className="rounded px-2 py-1 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        {other === "en" ? "English" : "한국어"}
      </button>
    </form>
  );
}
