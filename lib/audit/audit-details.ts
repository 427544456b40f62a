// An audit entry's details as lines people can read ("Login URL: https://…") instead of JSON.
// Pure. The details are whatever the action recorded (app/**/actions.ts); nothing here assumes a
// key is present, and a key this build has no name for is shown under its own name.

export interface AuditDetailLine {
  label: string;
  value: string;
  /** an identifier or a URL: shown in a fixed-width font, where 0/O and l/1 differ */
  literal: boolean;
}

/**
 * Every key an action records, with its name for people, in the order lines are shown: what the
 * entry is about, then what changed and the new values, ids last. The order is decided here
 * because PostgreSQL's jsonb keeps keys in its own order (shortest first), not the action's.
 * Keys not listed follow, alphabetically, under their own names.
 */
const FIELDS: readonly (readonly [key: string, label: string])[] = [
  ["title", "Title"], ["subject", "Subject"], ["email", "Email"], ["domain", "Domain"], ["subdomain", "Subdomain"], ["kind", "Token kind"],
  ["changed", "Changed"], ["from", "From"], ["to", "To"], ["previousRole", "Previous role"], ["role", "Role"], ["name", "Name"],
  ["visibility", "Visibility"], ["redirect", "Send readers to the custom domain"], ["verifiedBy", "Proved by"],
  ["loginUrl", "Login URL"], ["logoutUrl", "Logout URL"], ["issuer", "Issuer"], ["audience", "Audience"],
  ["tokenTtlSeconds", "Token TTL"], ["clockSkewSeconds", "Clock skew leeway"], ["sessionLengthMinutes", "Session length"],
  ["requireRedirectKey", "Only accept sign-ins that start at the help center"],
  ["allowedDomains", "Allowed domains"], ["restrictSignInOrigins", "Only accept sign-ins from these domains"],
  ["logRetentionDays", "Log retention"], ["slug", "Slug"], ["description", "Description"], ["position", "Position"],
  ["body", "Body"], ["categoryId", "Category"], ["published", "Published"], ["requiredGroups", "Required groups"],
  ["sessionsEnded", "Sessions ended"],
  ["id", "ID"], ["userId", "Member ID"], ["endUserId", "Reader ID"], ["requestId", "Request ID"], ["inviteId", "Invite ID"],
];
const LABELS = new Map(FIELDS);
const RANK = new Map(FIELDS.map(([key], index) => [key, index]));

const UNITS: Record<string, (n: number) => string> = {
  tokenTtlSeconds: (n) => `${n} s`,
  clockSkewSeconds: (n) => `${n} s`,
  sessionLengthMinutes: (n) => `${n} min`,
  logRetentionDays: (n) => `${n} day${n === 1 ? "" : "s"}`,
};

const VALUE_WORDS: Record<string, string> = { dns_txt: "a DNS TXT record" };

function rank(key: string): number {
  return RANK.get(key) ?? FIELDS.length;
}

/** Keys that say which thing an entry is about: shown even when the entry lists what changed. */
const IDENTIFYING = new Set(["id", "title", "subject", "slug", "email", "domain", "userId", "endUserId", "requestId", "inviteId", "from", "to", "role", "previousRole"]);

/** Identifiers and addresses, which people copy and compare character by character. */
const LITERAL = new Set(["id", "userId", "endUserId", "requestId", "inviteId", "loginUrl", "logoutUrl", "issuer", "audience", "domain", "subdomain", "slug"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** `someNewThing` → "Some new thing", for a key without a name of its own. */
function humanize(key: string): string {
  const words = key.replace(/_/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function detailLabel(key: string): string {
  return LABELS.get(key) ?? humanize(key);
}

function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return UNITS[key]?.(value) ?? String(value);
  if (typeof value === "string") return VALUE_WORDS[value] ?? value;
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    if (key === "changed") return value.map((field) => detailLabel(String(field))).join(", ");
    return value.map((item) => (typeof item === "string" ? item : JSON.stringify(item))).join(", ");
  }
  return JSON.stringify(value);
}

/** What a `from` → `to` pair is about, by action: request statuses, or the custom domain. */
function transitionLabel(action: string): { label: string; literal: boolean } {
  if (action.startsWith("request.")) return { label: "Status", literal: false };
  if (action === "tenant.custom_domain.changed") return { label: "Custom domain", literal: true };
  return { label: "Change", literal: false };
}

/** `before → after`, each side as formatValue shows it ("none" for an empty one) unless the after side is already worded ("removed"). */
function transition(key: string, before: unknown, after: unknown, afterWords: string = formatValue(key, after)): string {
  return `${formatValue(key, before)} → ${afterWords}`;
}

/**
 * One line per detail, for the entry's `action`. When the entry says which fields `changed`, the
 * other settings it carries (a JWT settings change records all of them) are left out, except what
 * identifies the thing changed (an article's title, a member's email), and a changed field that
 * was emptied reads "removed". A `from`/`to` pair (a request's status, the custom domain) and a
 * `previousRole`/`role` pair read as one line, "before → after", as does a changed setting whose
 * value before is in `previous` ("Token TTL: 300 s → 120 s"; entries written before settings
 * changes recorded it show the new value alone, under a "Changed" line naming the fields).
 */
export function describeAuditDetails(details: unknown, action = ""): AuditDetailLine[] {
  if (!isRecord(details)) return [];
  const { previous: recordedPrevious, ...record } = details;
  // What changed fields held before (settings changes record it): shown as "before → after".
  const previous = isRecord(recordedPrevious) ? recordedPrevious : {};
  const changedKeys = Array.isArray(record.changed) ? new Set(record.changed.map(String)) : null;
  // "Changed: Login URL" above "Login URL: a → b" says it twice: the list of changed fields is
  // left out when every one of them has a before → after line of its own.
  const everyChangeShown = changedKeys !== null && changedKeys.size > 0 && [...changedKeys].every((key) => Object.hasOwn(record, key) && Object.hasOwn(previous, key));
  const lines: AuditDetailLine[] = [];
  for (const [key, value] of Object.entries(record).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))) {
    if (changedKeys && key !== "changed" && !changedKeys.has(key) && !IDENTIFYING.has(key)) continue;
    if (key === "changed" && everyChangeShown) continue;
    if (key === "from" && "to" in record) {
      const { label, literal } = transitionLabel(action);
      lines.push({ label, value: transition(key, value, record.to), literal });
    } else if (key === "previousRole" && "role" in record) {
      lines.push({ label: "Role", value: transition(key, value, record.role), literal: false });
    } else if ((key === "to" && "from" in record) || (key === "role" && "previousRole" in record)) {
      continue; // shown with its pair
    } else {
      const emptied = changedKeys?.has(key) && isEmpty(value);
      const shown = emptied ? "removed" : formatValue(key, value);
      const before = Object.hasOwn(previous, key) ? previous[key] : undefined;
      const literal = LITERAL.has(key) && [value, before].some((side) => typeof side === "string" && side !== "");
      lines.push({ label: detailLabel(key), value: before === undefined ? shown : transition(key, before, value, shown), literal });
    }
  }
  return lines;
}
