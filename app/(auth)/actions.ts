"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getAuth } from "@/lib/server/auth";
import { safeReturnPath } from "@/lib/server/safe-return-path";

export interface AuthFormState {
  error?: string;
  fieldErrors?: { email?: string; password?: string; name?: string };
  email?: string;
}

const credentialsSchema = z.object({
  email: z.email({ error: "email" }).max(254, { error: "email" }),
  password: z.string().min(8, { error: "passwordShort" }).max(128, { error: "passwordLong" }),
  next: z.string().optional(),
});

const signUpSchema = credentialsSchema.extend({
  name: z.string().trim().max(80, { error: "nameLong" }).optional(),
});

function fieldErrorsOf(error: z.ZodError, t: (key: string) => string): AuthFormState["fieldErrors"] {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0]);
    out[field] ??= t(`errors.${issue.message}`);
  }
  return out;
}

export async function signUpAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const t = await getTranslations("auth");
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error, t), email };
  const { password, name, next } = parsed.data;
  const auth = await getAuth();
  try {
    await auth.api.signUpEmail({
      body: { email: parsed.data.email, password, name: name || parsed.data.email.split("@")[0] },
      headers: await headers(),
    });
  } catch (error) {
    if (error instanceof APIError) {
      const code = (error.body as { code?: string } | undefined)?.code ?? "";
      if (code.includes("USER_ALREADY_EXISTS")) return { error: t("errors.emailTaken"), email };
      return { error: t("errors.signUpFailed"), email };
    }
    throw error;
  }
  redirect(safeReturnPath(next, "/"));
}

export async function signInAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const t = await getTranslations("auth");
  const email = String(formData.get("email") ?? "");
  const parsed = credentialsSchema.safeParse(Object.fromEntries(formData));
  // Same message for every failure: never reveal whether the email exists.
  if (!parsed.success) return { error: t("errors.invalidCredentials"), email };
  const auth = await getAuth();
  try {
    await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  } catch (error) {
    if (error instanceof APIError) return { error: t("errors.invalidCredentials"), email };
    throw error;
  }
  redirect(safeReturnPath(parsed.data.next, "/"));
}

export async function signOutAction(): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
  redirect("/");
}
