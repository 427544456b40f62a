import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { exportNextAuthUrl } from "@/lib/env";
import { authSecret } from "./auth-secret";
import { checkCredentials } from "./credentials";
import { configuredClientIp } from "@/lib/http/configured-client-ip";
import { trustedBrowserOfRequest, trustThisBrowser } from "./trusted-browser-cookie";

// Dashboard sign-in: email and password (argon2id, throttled: lib/auth/credentials.ts, with
// trusted browsers: lib/auth/trusted-browser.ts), sessions as signed JWT cookies (next-auth 4).

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(1024) });

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return configuredClientIp(typeof forwarded === "string" ? forwarded : null) ?? "unknown";
}

exportNextAuthUrl();

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const now = new Date();
        const trustedBrowserId = await trustedBrowserOfRequest(email, now);
        const user = await checkCredentials(email, password, clientIp(request?.headers), now, trustedBrowserId);
        if (user) await trustThisBrowser(user.email, now);
        return user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
