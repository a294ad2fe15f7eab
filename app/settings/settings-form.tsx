"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { StudySettings } from "@/lib/srs/settings";
import { updateSettingsAction, type SettingsFormState } from "./actions";

const fieldClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base dark:border-zinc-700 dark:bg-zinc-900";

export function SettingsForm({ settings, timeZones }: { settings: StudySettings; timeZones: string[] }) {
  const t = useTranslations("settings");
  const [state, formAction, pending] = useActionState<SettingsFormState, FormData>(updateSettingsAction, {});
  const [retention, setRetention] = useState(settings.desiredRetention);
  const error = (field: keyof NonNullable<SettingsFormState["fieldErrors"]>) =>
    state.fieldErrors?.[field] ? (
      <p id={`${field}-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
        {state.fieldErrors[field]}
      </p>
    ) : null;
  return (
    <form action={formAction} className="space-y-6" noValidate>
      {state.saved ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          {t("saved")}
        </p>
      ) : null}
      {state.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error}
        </p>
      ) : null}
      <div>
        <label htmlFor="desiredRetention" className="text-sm font-medium">
          {t("retention")}: <span className="tabular-nums">{Math.round(retention * 100)}%</span>
        </label>
        <input
          id="desiredRetention"
          name="desiredRetention"
          type="range"
          min={0.7}
          max={0.99}
          step={0.01}
          value={retention}
          onChange={(e) => setRetention(Number(e.target.value))}
          className="mt-2 block w-full accent-indigo-600"
          aria-describedby="retention-hint"
        />
        <p id="retention-hint" className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {t("retentionHint")}
        </p>
        {error("desiredRetention")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="newPerDay" className="text-sm font-medium">
            {t("newPerDay")}
          </label>
          <input id="newPerDay" name="newPerDay" type="number" min={0} max={1000} defaultValue={settings.newPerDay} className={fieldClass} />
          {error("newPerDay")}
        </div>
        <div>
          <label htmlFor="reviewsPerDay" className="text-sm font-medium">
            {t("reviewsPerDay")}
          </label>
          <input
            id="reviewsPerDay"
            name="reviewsPerDay"
            type="number"
            min={0}
            max={10000}
            defaultValue={settings.reviewsPerDay}
            className={fieldClass}
          />
          {error("reviewsPerDay")}
        </div>
      </div>
      <div>
        <label htmlFor="timeZone" className="text-sm font-medium">
          {t("timeZone")}
        </label>
        <select id="timeZone" name="timeZone" defaultValue={settings.timeZone} className={fieldClass} aria-describedby="tz-hint">
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <p id="tz-hint" className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {t("timeZoneHint")}
        </p>
        {error("timeZone")}
      </div>
      <div>
        <label htmlFor="locale" className="text-sm font-medium">
          {t("language")}
        </label>
        <select id="locale" name="locale" defaultValue={settings.locale} className={fieldClass}>
          <option value="ko">한국어</option>
          <option value="en">English</option>
        </select>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-indigo-600 px-5 py-2.5 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60 dark:bg-indigo-400 dark:text-zinc-950 dark:hover:bg-indigo-300"
      >
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
