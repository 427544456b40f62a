import "server-only";
import { getDb } from "@/lib/db";

// Dashboard accounts: users and the tenants they create at sign-up.

export async function findUserForSignIn(email: string) {
  return getDb().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, name: true, passwordHash: true } });
}

export type SignUpConflict = "email" | "subdomain";

/** Creates the user, their tenant and their owner membership together, or reports what is taken. */
export async function createAccountWithTenant(input: {
  email: string;
  name: string;
  passwordHash: string;
  tenantName: string;
  subdomain: string;
}): Promise<{ ok: true; userId: string } | { ok: false; conflict: SignUpConflict }> {
  const db = getDb();
  const email = input.email.trim().toLowerCase();
  try {
    const userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name: input.name, passwordHash: input.passwordHash }, select: { id: true } });
      const tenant = await tx.tenant.create({
        data: { name: input.tenantName, subdomain: input.subdomain, memberships: { create: { userId: user.id, role: "owner" } } },
        select: { id: true },
      });
      await tx.ssoConfig.create({ data: { tenantId: tenant.id }, select: { tenantId: true } });
      await tx.auditEntry.create({ data: { tenantId: tenant.id, actorUserId: user.id, actorEmail: email, action: "tenant.created", details: { subdomain: input.subdomain } } });
      return user.id;
    });
    return { ok: true, userId };
  } catch (error) {
    const target = JSON.stringify((error as { meta?: unknown }).meta ?? "") + String((error as Error).message);
    if ((error as { code?: string }).code === "P2002" || /unique/i.test(target)) {
      return { ok: false, conflict: /subdomain/.test(target) ? "subdomain" : "email" };
    }
    throw error;
  }
}
