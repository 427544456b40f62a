"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { signUpAccount } from "@/lib/auth/sign-up";
import { signUpSchema } from "@/lib/auth/sign-up-schema";
import { FIELDS_NEED_ATTENTION } from "@/lib/forms/messages";
import { configuredClientIp } from "@/lib/http/configured-client-ip";

export interface SignUpState {
  ok?: boolean;
  subdomain?: string;
  message?: string;
  fieldErrors?: Partial<Record<"email" | "password" | "tenantName" | "subdomain", string>>;
  /** what was typed (never the password), so a refused form keeps it */
  values?: { email: string; tenantName: string; subdomain: string };
}

export async function signUp(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const values = { email: String(form.get("email") ?? ""), tenantName: String(form.get("tenantName") ?? ""), subdomain: String(form.get("subdomain") ?? "") };
  const parsed = signUpSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    return {
      values,
      message: FIELDS_NEED_ATTENTION,
      fieldErrors: { email: errors.email?.[0], password: errors.password?.[0], tenantName: errors.tenantName?.[0], subdomain: errors.subdomain?.[0] },
    };
  }
  const { subdomain } = parsed.data;
  // scripts/serve.ts appends the connection's address to X-Forwarded-For (README → Configuration).
  const clientIp = configuredClientIp((await headers()).get("x-forwarded-for")) ?? "unknown";
  const created = await signUpAccount(parsed.data, clientIp);
  if ("retryAfterSeconds" in created) {
    const minutes = Math.ceil(created.retryAfterSeconds / 60);
    return { values, message: `Too many sign-ups from your network in the last few minutes. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  if (!created.ok) {
    // Saying the email is taken reveals that an account exists; sign-up cannot avoid it, but it
    // says no more than that and points to sign-in.
    return created.conflict === "subdomain"
      ? { values, message: FIELDS_NEED_ATTENTION, fieldErrors: { subdomain: `"${subdomain}" is already taken. Choose another subdomain.` } }
      : { values, message: FIELDS_NEED_ATTENTION, fieldErrors: { email: "This email already has an account. Sign in instead." } };
  }
  return { ok: true, subdomain };
}
