import { getRequestConfig } from "next-intl/server";
import { getDisplayPreferences } from "@/lib/server/session";

// No locale in the URL: the language is a per-user setting (see lib/server/session.ts).
export default getRequestConfig(async () => {
  const { locale, timeZone } = await getDisplayPreferences();
  return {
    locale,
    timeZone,
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
