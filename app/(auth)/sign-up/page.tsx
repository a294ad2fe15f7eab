import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/server/session";
import { signUpAction } from "../actions";
import { AuthForm } from "../auth-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUp") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const t = await getTranslations("auth");
  const user = await getSessionUser();
  const { next } = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-bold">{t("signUp")}</h1>
      <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">{user?.isAnonymous ? t("keepReviewsNote") : t("signUpIntro")}</p>
      <AuthForm mode="sign-up" action={signUpAction} next={next} />
    </div>
  );
}
