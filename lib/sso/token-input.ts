// Where the token may come from: the `jwt` query parameter (GET) or the `jwt` form field (POST,
// which keeps it out of URLs and history). Exactly one, or the request is refused.
import type { RejectionReason } from "./reasons";

export type TokenInput = { ok: true; token: string } | { ok: false; reason: Extract<RejectionReason, "token_missing" | "token_ambiguous"> };

export function pickToken(queryValues: string[], formValues: string[]): TokenInput {
  const all = [...queryValues, ...formValues];
  if (all.length > 1) return { ok: false, reason: "token_ambiguous" };
  const token = all[0]?.trim();
  if (!token) return { ok: false, reason: "token_missing" };
  return { ok: true, token };
}
