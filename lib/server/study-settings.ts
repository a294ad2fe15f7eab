import "server-only";
import { DEFAULT_STUDY_SETTINGS, studySettingsSchema, type StudySettings } from "@/lib/srs";
import type { PrismaClient } from "./generated/prisma/client";

export async function getStudySettings(prisma: PrismaClient, userId: string): Promise<StudySettings> {
  const row = await prisma.studySettings.findUnique({ where: { userId } });
  if (!row) return { ...DEFAULT_STUDY_SETTINGS };
  const parsed = studySettingsSchema.safeParse(row);
  // A row written by an older version with a value now out of range falls back field by field.
  return parsed.success ? parsed.data : { ...DEFAULT_STUDY_SETTINGS, ...pickValid(row) };
}

function pickValid(row: Record<string, unknown>): Partial<StudySettings> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_STUDY_SETTINGS) as (keyof StudySettings)[]) {
    const field = studySettingsSchema.shape[key].safeParse(row[key]);
    if (field.success) out[key] = field.data;
  }
  return out as Partial<StudySettings>;
}

export type UpdateSettingsResult =
  | { ok: true; settings: StudySettings }
  | { ok: false; fieldErrors: Partial<Record<keyof StudySettings, string>> };

export async function updateStudySettings(
  prisma: PrismaClient,
  userId: string,
  input: unknown,
): Promise<UpdateSettingsResult> {
  const parsed = studySettingsSchema.partial().safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<keyof StudySettings, string>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof StudySettings;
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }
  const current = await getStudySettings(prisma, userId);
  const settings = { ...current, ...parsed.data };
  await prisma.studySettings.upsert({
    where: { userId },
    create: { userId, ...settings },
    update: settings,
  });
  return { ok: true, settings };
}
