import "server-only";
import { readTenantAccessSnapshot, type TenantAccessSnapshot } from "@/lib/data/sign-in-context";

// Widget and read-API calls verify a reusable token on every request; reading the database on
// each one would make the token check cost more than the answer (bench:widget). Instead each
// process keeps, per tenant, a snapshot of the settings version and of who is suspended, at most
// MAX_AGE_MS old and loaded by one request at a time. So a regenerated secret, a changed Token TTL,
// a disabled SSO or a suspension applies to widget/API calls within a second on every instance;
// /sso/jwt, which starts sessions, keeps checking on every request.

export const MAX_AGE_MS = 1000;
const LIMIT = 1000;

interface Entry {
  loadedAt: number;
  snapshot: Promise<TenantAccessSnapshot>;
}

const snapshots = new Map<string, Entry>();

export function tenantAccessSnapshot(tenantId: string, options: { fresh?: boolean } = {}): Promise<TenantAccessSnapshot> {
  const now = Date.now();
  const entry = snapshots.get(tenantId);
  if (entry && !options.fresh && now - entry.loadedAt < MAX_AGE_MS) return entry.snapshot;
  const snapshot = readTenantAccessSnapshot(tenantId);
  // A failed read is not kept: the next request tries again.
  snapshot.catch(() => snapshots.get(tenantId)?.snapshot === snapshot && snapshots.delete(tenantId));
  if (!entry && snapshots.size >= LIMIT) snapshots.delete(snapshots.keys().next().value!);
  snapshots.set(tenantId, { loadedAt: now, snapshot });
  return snapshot;
}

export function isSuspended(snapshot: TenantAccessSnapshot, holder: { email: string; externalId: string | null }): boolean {
  return snapshot.suspendedEmails.has(holder.email.toLowerCase()) || (holder.externalId !== null && snapshot.suspendedExternalIds.has(holder.externalId));
}
