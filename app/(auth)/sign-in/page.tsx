import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { signInAction } from "../actions";
import { AuthForm } from "../auth-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const t = await getTranslations("auth");
  const { next } = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">{t("signIn")}</h1>
      <AuthForm mode="sign-in" action={signInAction} next={next} />
    </div>
  );
}
