// Every refusal the token checks can give, through the real /sso/jwt handler against PostgreSQL:
// the status the reason calls for, an error page naming the reason code in plain words, and a log
// entry with that reason that holds neither the token nor its signature. The checks themselves,
// with their edge cases, are unit-tested in lib/sso/verify-token.test.ts; this proves each one
// reaches the visitor and the log the same way.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/sso/jwt/route";
import { mintSsoToken } from "@/lib/sso/mint-token";
import { REASONS, type RejectionReason } from "@/lib/sso/reasons";
import { b64json, handToken } from "@/lib/sso/test-tokens";
import { createApiTenant, sql, type ApiTenant } from "./support/api-fixtures";

let tenant: ApiTenant;
let strict: ApiTenant;
beforeAll(async () => {
  tenant = await createApiTenant({ tokenTtlSeconds: 300 });
  strict = await createApiTenant({ issuer: "https://app.example", audience: "help-center" });
});

const nowSeconds = () => Math.floor(Date.now() / 1000);
const person = () => ({ jti: randomUUID(), email: `r-${randomUUID().slice(0, 8)}@example.com`, name: "Rae" });
/** Signed with the tenant's secret by hand, so a header or payload can be anything. */
const signed = (t: ApiTenant, header: unknown, payload: unknown) => handToken(header, payload, { secret: t.secret });
const honest = (overrides: Record<string, unknown> = {}) => {
  const iat = nowSeconds();
  return { ...person(), iat, exp: iat + 120, ...overrides };
};

interface Case {
  reason: RejectionReason;
  /** the token(s), or a whole request */
  token: (t: ApiTenant) => Promise<string> | string;
  on?: () => ApiTenant;
}

const cases: Case[] = [
  { reason: "token_too_large", token: (t) => mintSsoToken(t.secret, { ...person(), pad: "x".repeat(9000) }) },
  { reason: "token_malformed", token: () => "this.is-not.a-jwt" },
  { reason: "alg_not_allowed", token: (t) => handToken({ alg: "HS512" }, honest(), { secret: t.secret, hash: "sha512" }) },
  { reason: "unsupported_header", token: (t) => signed(t, { alg: "HS256", crit: ["exp"], exp: 1 }, honest()) },
  { reason: "bad_signature", token: () => mintSsoToken("another tenant's secret, long enough to sign", person()) },
  { reason: "claims_malformed", token: (t) => signed(t, { alg: "HS256" }, { raw: b64json("hello") }) },
  { reason: "token_kind_mismatch", token: (t) => mintSsoToken(t.secret, person(), new Date(), 120, "widget") },
  { reason: "missing_claim", token: (t) => signed(t, { alg: "HS256" }, honest({ name: undefined })) },
  { reason: "invalid_claim", token: (t) => signed(t, { alg: "HS256" }, honest({ email: "not an address" })) },
  { reason: "token_expired", token: (t) => signed(t, { alg: "HS256" }, honest({ iat: nowSeconds() - 200, exp: nowSeconds() - 100 })) },
  { reason: "not_yet_valid", token: (t) => signed(t, { alg: "HS256" }, honest({ nbf: nowSeconds() + 600 })) },
  { reason: "iat_in_future", token: (t) => signed(t, { alg: "HS256" }, honest({ iat: nowSeconds() + 600, exp: nowSeconds() + 700 })) },
  { reason: "token_too_old", token: (t) => signed(t, { alg: "HS256" }, honest({ iat: nowSeconds() - 1000, exp: nowSeconds() + 60 })) },
  { reason: "exp_too_far", token: (t) => signed(t, { alg: "HS256" }, honest({ exp: nowSeconds() + 2 * 86_400 })) },
  { reason: "issuer_mismatch", on: () => strict, token: (t) => signed(t, { alg: "HS256" }, honest({ iss: "https://staging.example", aud: "help-center" })) },
  { reason: "audience_mismatch", on: () => strict, token: (t) => signed(t, { alg: "HS256" }, honest({ iss: "https://app.example", aud: "another-app" })) },
];

async function lastEventOf(t: ApiTenant, requestId: string) {
  const [row] = await sql<{ reason_code: string; event_type: string; row: string }>(
    `SELECT reason_code, event_type, row_to_json(e)::text AS row FROM sso_events e WHERE tenant_id = $1 AND request_id = $2`,
    [t.id, requestId],
  );
  return row ?? null;
}

describe("/sso/jwt refuses each bad token with its reason, status, page and log entry", () => {
  it.each(cases.map((c) => [c.reason, c] as const))("%s", async (reason, c) => {
    const t = c.on?.() ?? tenant;
    const token = await c.token(t);
    const response = await GET(new NextRequest(`http://${t.host}/sso/jwt?jwt=${encodeURIComponent(token)}`, { headers: { host: t.host } }));
    expect(response.status).toBe(REASONS[reason].status);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const page = await response.text();
    expect(page).toContain(reason);
    expect(page).toContain(escapeHtml(REASONS[reason].title));
    const requestId = response.headers.get("x-request-id")!;
    expect(page).toContain(requestId);

    const event = await lastEventOf(t, requestId);
    expect(event).toMatchObject({ event_type: "sso.redirect_flow.rejected", reason_code: reason });
    // Neither the token nor (for a well-formed one) its signature is kept anywhere in the entry.
    const signature = token.split(".")[2];
    expect(event!.row).not.toContain(token);
    if (signature && signature.length > 10) expect(event!.row).not.toContain(signature);
    expect(page).not.toContain(token);
  });

  it("token_missing and token_ambiguous: no token, two tokens, or one in the query and one in the form", async () => {
    const get = (query: string) => GET(new NextRequest(`http://${tenant.host}/sso/jwt${query}`, { headers: { host: tenant.host } }));
    const none = await get("");
    const two = await get(`?jwt=${await mintSsoToken(tenant.secret, person())}&jwt=${await mintSsoToken(tenant.secret, person())}`);
    const both = await POST(
      new NextRequest(`http://${tenant.host}/sso/jwt?jwt=${await mintSsoToken(tenant.secret, person())}`, {
        method: "POST",
        body: new URLSearchParams({ jwt: await mintSsoToken(tenant.secret, person()) }),
        headers: { host: tenant.host, "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    for (const [response, reason] of [[none, "token_missing"], [two, "token_ambiguous"], [both, "token_ambiguous"]] as const) {
      expect(response.status).toBe(REASONS[reason].status);
      expect(await lastEventOf(tenant, response.headers.get("x-request-id")!)).toMatchObject({ reason_code: reason });
    }
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
