// The end-user attributes a token may carry beyond the required claims. Every value is checked
// for type, size and format; the first bad one is named, so the log says which claim to fix.
import { z } from "zod";
import { isCleanText } from "@/lib/text/control-characters";
import { parseExternalId } from "./external-id";

export const END_USER_ROLES = ["viewer", "editor", "admin"] as const;
export type EndUserRole = (typeof END_USER_ROLES)[number];

export interface EndUserProfile {
  email: string;
  name: string;
  externalId: string | null;
  /** null: the token did not say; keep what the user has (new users get viewer) */
  role: EndUserRole | null;
  lang: string | null;
  avatarUrl: string | null;
  customFields: Record<string, unknown> | null;
  groups: string[] | null;
}

const MAX_CUSTOM_FIELDS_BYTES = 8 * 1024;
const emailSchema = z.email();
const langPattern = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;

type ProfileResult = { ok: true; profile: EndUserProfile } | { ok: false; claim: string };

/** Every string (key or value) can be stored in PostgreSQL's jsonb: no NUL, no lone surrogate. */
function storableInJsonb(value: unknown): boolean {
  if (typeof value === "string") return value.isWellFormed() && !value.includes("\u0000");
  if (Array.isArray(value)) return value.every(storableInJsonb);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).every(([key, inner]) => storableInJsonb(key) && storableInJsonb(inner));
  }
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseEmail(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 254 || !isCleanText(value)) return null;
  const trimmed = value.trim();
  return emailSchema.safeParse(trimmed).success ? trimmed.toLowerCase() : null;
}

function parseName(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 200 || !isCleanText(value)) return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

function parseAvatarUrl(value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string" || value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function parseGroups(value: unknown): string[] | null | undefined {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length > 100) return undefined;
  const groups = new Set<string>();
  for (const group of value) {
    if (typeof group !== "string" || group.trim() === "" || group.length > 100 || !isCleanText(group)) return undefined;
    groups.add(group.trim());
  }
  return [...groups];
}

export function parseProfileClaims(payload: Record<string, unknown>): ProfileResult {
  const email = parseEmail(payload.email);
  if (email === null) return { ok: false, claim: "email" };
  const name = parseName(payload.name);
  if (name === null) return { ok: false, claim: "name" };

  const externalId = parseExternalId(payload.external_id);
  if (externalId === undefined) return { ok: false, claim: "external_id" };

  let role: EndUserRole | null = null;
  if (payload.role !== undefined && payload.role !== null) {
    if (typeof payload.role !== "string" || !(END_USER_ROLES as readonly string[]).includes(payload.role)) return { ok: false, claim: "role" };
    role = payload.role as EndUserRole;
  }

  let lang: string | null = null;
  if (payload.lang !== undefined && payload.lang !== null) {
    if (typeof payload.lang !== "string" || !langPattern.test(payload.lang)) return { ok: false, claim: "lang" };
    lang = payload.lang;
  }

  const avatarUrl = parseAvatarUrl(payload.avatar_url);
  if (avatarUrl === undefined) return { ok: false, claim: "avatar_url" };

  let customFields: Record<string, unknown> | null = null;
  if (payload.custom_fields !== undefined && payload.custom_fields !== null) {
    if (!isPlainObject(payload.custom_fields) || !storableInJsonb(payload.custom_fields)) return { ok: false, claim: "custom_fields" };
    if (Buffer.byteLength(JSON.stringify(payload.custom_fields), "utf8") > MAX_CUSTOM_FIELDS_BYTES) return { ok: false, claim: "custom_fields" };
    customFields = payload.custom_fields;
  }

  // `permission_groups` is the name some other help desks use; accepted as an alias.
  const groupsClaim = payload.groups !== undefined ? "groups" : "permission_groups";
  const groups = parseGroups(payload[groupsClaim]);
  if (groups === undefined) return { ok: false, claim: groupsClaim };

  return { ok: true, profile: { email, name, externalId, role, lang, avatarUrl, customFields, groups } };
}
