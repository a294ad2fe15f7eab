import { z } from "zod";
import { isValidTimeZone } from "./study-day";

export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.99;

export const studySettingsSchema = z.object({
  desiredRetention: z
    .number({ error: "desiredRetention must be a number" })
    .min(RETENTION_MIN, `desiredRetention must be at least ${RETENTION_MIN}`)
    .max(RETENTION_MAX, `desiredRetention must be at most ${RETENTION_MAX}`),
  newPerDay: z.number().int("newPerDay must be a whole number").min(0).max(1000),
  reviewsPerDay: z.number().int("reviewsPerDay must be a whole number").min(0).max(10000),
  timeZone: z.string().refine(isValidTimeZone, { message: "timeZone must be an IANA time zone such as Asia/Seoul" }),
  locale: z.enum(["ko", "en"]),
});

export type StudySettings = z.infer<typeof studySettingsSchema>;

export const DEFAULT_STUDY_SETTINGS: StudySettings = {
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  timeZone: "Asia/Seoul",
  locale: "ko",
};
