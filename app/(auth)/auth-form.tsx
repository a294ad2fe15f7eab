"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { AuthFormState } from "./actions";

interface AuthFormProps {
  mode: "sign-in" | "sign-up";
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
  next?: string;
}

const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base dark:border-zinc-700 dark:bg-zinc-900";

export function AuthForm({ mode, action, next }: AuthFormProps) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(action, {});
  const signUp = mode === "sign-up";
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {state.error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error}
        </p>
      ) : null}
      {signUp ? (
        <div>
          <label htmlFor="name" className="text-sm font-medium">
            {t("name")} <span className="font-normal text-zinc-500 dark:text-zinc-400">({t("optional")})</span>
          </label>
          <input id="name" name="name" autoComplete="nickname" className={inputClass} aria-invalid={Boolean(state.fieldErrors?.name)} />
          {state.fieldErrors?.name ? <p className="mt-1 text-sm text-red-700 dark:text-red-300">{state.fieldErrors.name}</p> : null}
        </div>
      ) : null}
      <div>
        <label htmlFor="email" className="text-sm font-medium">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          required
          autoComplete="email"
          defaultValue={state.email}
          className={inputClass}
          aria-invalid={Boolean(state.fieldErrors?.email)}
          aria-describedby={state.fieldErrors?.email ? "email-error" : undefined}
        />
        {state.fieldErrors?.email ? (
          <p id="email-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {state.fieldErrors.email}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="password" className="text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          required
          minLength={8}
          autoComplete={signUp ? "new-password" : "current-password"}
          className={inputClass}
          aria-invalid={Boolean(state.fieldErrors?.password)}
          aria-describedby={signUp ? "password-hint" : undefined}
        />
        {signUp ? (
          <p id="password-hint" className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {state.fieldErrors?.password ?? t("passwordHint")}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-600 px-4 py-2.5 font-semibold text-white hover:bg-indigo-700 disabled:opacity-60 dark:bg-indigo-400 dark:text-zinc-950 dark:hover:bg-indigo-300"
      >
        {pending ? t("working") : signUp ? t("signUp") : t("signIn")}
      </button>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        {signUp ? t("haveAccount") : t("noAccount")}{" "}
        <Link href={signUp ? "/sign-in" : "/sign-up"} className="font-medium text-indigo-700 underline dark:text-indigo-300">
          {signUp ? t("signIn") : t("signUp")}
        </Link>
      </p>
    </form>
  );
}
