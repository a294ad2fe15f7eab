import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getPrisma } from "@/lib/server/db";
import { requireUser } from "@/lib/server/session";
import { getStudySettings } from "@/lib/server/study-settings";
import { SettingsForm } from "./settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const t = await getTranslations("settings");
  const settings = await getStudySettings(await getPrisma(), user.id);
  const timeZones = Intl.supportedValuesOf("timeZone");
  return (
    <div>
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      <SettingsForm settings={settings} timeZones={timeZones} />
    </div>
  );
}
