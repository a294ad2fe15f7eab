"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getPrisma } from "@/lib/server/db";
import { getSessionUser, LOCALE_COOKIE } from "@/lib/server/session";
import { updateStudySettings } from "@/lib/server/study-settings";

export interface SettingsFormState {
  saved?: boolean;
  error?: string;
  fieldErrors?: Partial<Record<"desiredRetention" | "newPerDay" | "reviewsPerDay" | "timeZone" | "locale", string>>;
}

// Form fields arrive as strings; the numbers are checked by the settings schema in lib/srs.
const settingsFormSchema = z.object({
  desiredRetention: z.coerce.number(),
  newPerDay: z.coerce.number(),
  reviewsPerDay: z.coerce.number(),
  timeZone: z.string().trim(),
  locale: z.string(),
});

export async function updateSettingsAction(_prev: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  const t = await getTranslations("settings");
  const user = await getSessionUser();
  if (!user) return { error: t("noSession") };
  const form = settingsFormSchema.safeParse(Object.fromEntries(formData));
  if (!form.success) return { error: t("invalid") };
  const prisma = await getPrisma();
  const result = await updateStudySettings(prisma, user.id, form.data);
  if (!result.ok) {
    const fieldErrors: SettingsFormState["fieldErrors"] = {};
    for (const key of Object.keys(result.fieldErrors) as (keyof typeof result.fieldErrors)[]) {
      fieldErrors[key] = t(`errors.${key}`);
    }
    return { fieldErrors };
  }
  (await cookies()).set(LOCALE_COOKIE, result.settings.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
  return { saved: true };
}

const localeSchema = z.object({ locale: z.enum(["ko", "en"]) });

export async function setLocaleAction(formData: FormData): Promise<void> {
  const parsed = localeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  const { locale } = parsed.data;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  const user = await getSessionUser();
  if (user) await updateStudySettings(await getPrisma(), user.id, { locale });
  revalidatePath("/", "layout");
}
