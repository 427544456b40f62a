import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { clearThrottle, readThrottle, recordFailure } from "@/lib/data/auth-throttles";
import { findUserForSignIn } from "@/lib/data/accounts";
import { exportNextAuthUrl } from "@/lib/env";
import { authSecret } from "./auth-secret";
import { hashPassword, verifyPassword } from "./password";
import { env } from "@/lib/env";
import { clientIpFromForwardedFor } from "@/lib/http/client-ip";
import { secondsUntilAllowed, throttleKey } from "./throttle-policy";

// Dashboard sign-in: email and password (argon2id), sessions as signed JWT cookies (next-auth 4).
// Errors never say whether an account exists: an unknown email costs the same hash check and
// gets the same answer as a wrong password, and both count towards the throttle.

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(1024) });

// Checked when the email is unknown, so that the response takes as long as for a real account.
const dummyHash = hashPassword("not a real password, only there to spend the same time");

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return clientIpFromForwardedFor(typeof forwarded === "string" ? forwarded : null, env.TRUSTED_PROXY_HOPS) ?? "unknown";
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
        const accountKey = throttleKey("account", parsed.data.email);
        const ipKey = throttleKey("ip", clientIp(request?.headers));
        const now = new Date();
        const [account, ip] = await Promise.all([readThrottle(accountKey), readThrottle(ipKey)]);
        if (secondsUntilAllowed("account", account, now) > 0 || secondsUntilAllowed("ip", ip, now) > 0) {
          throw new Error("TooManyAttempts");
        }
        const user = await findUserForSignIn(parsed.data.email);
        const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), parsed.data.password);
        if (!user || !valid) {
          await Promise.all([recordFailure(accountKey, now), recordFailure(ipKey, now)]);
          return null;
        }
        await clearThrottle(accountKey);
        return { id: user.id, email: user.email, name: user.name };
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
