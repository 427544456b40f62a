"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { readSigningSetupBySubdomain } from "@/lib/data/sso-config";
import { env } from "@/lib/env";
import { demoLoginUrl, DEMO_TENANT } from "@/lib/seed/demo-seed";
import { mintSsoToken } from "@/lib/sso/mint-token";

// The demo "Acme app": stands in for a tenant's own backend. It signs a token for whoever the
// visitor says they are (no password: it is a demo) and sends the browser back to /sso/jwt.
// It only ever signs for the demo tenant, and only while that tenant's Login URL points here.

const demoSignInSchema = z.object({
  email: z.email("Enter an email address, like ada@example.com.").max(254),
  name: z.string().trim().min(1, "Enter a name.").max(200, "The name can be at most 200 characters."),
  key: z.string().max(128).optional(),
  return_to: z.string().max(2048).optional(),
});

export interface DemoSignInState {
  message?: string;
  fieldErrors?: Partial<Record<"email" | "name", string>>;
  /** what was typed, given back so a refusal does not reset the form */
  values?: { email: string; name: string };
}

export async function demoSignIn(_previous: DemoSignInState, form: FormData): Promise<DemoSignInState> {
  if (!env.DEMO_MODE) return { message: "The demo sign-in is turned off on this server." };
  const typed = (field: string) => String(form.get(field) ?? "").slice(0, 300);
  const parsed = demoSignInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors;
    return { fieldErrors: { email: errors.email?.[0], name: errors.name?.[0] }, values: { email: typed("email"), name: typed("name") } };
  }
  const setup = await readSigningSetupBySubdomain(DEMO_TENANT.subdomain);
  if (!setup || setup.loginUrl !== demoLoginUrl(env.APP_URL)) {
    return { message: "The demo help center no longer uses this demo sign-in page." };
  }
  const token = await mintSsoToken(setup.secret, {
    email: parsed.data.email,
    name: parsed.data.name,
    jti: parsed.data.key || undefined,
    ...(setup.issuer ? { iss: setup.issuer } : {}),
    ...(setup.audience ? { aud: setup.audience } : {}),
  });
  const app = new URL(env.APP_URL);
  const target = new URL(`${app.protocol}//${DEMO_TENANT.subdomain}.${app.host}/sso/jwt`);
  target.searchParams.set("jwt", token);
  if (!parsed.data.key && parsed.data.return_to) target.searchParams.set("return_to", parsed.data.return_to);
  redirect(target.href);
}
