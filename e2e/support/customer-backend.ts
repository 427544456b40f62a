// A tenant's own backend, as the end-to-end tests need it: its Login URL receives `subdomain`,
// `key` and `return_to` (plus `jwt_error`, `from_url`, `expected_aud` on a bounce), signs an HS256
// token with the shared secret using `jsonwebtoken` (what real tenants use), and sends the browser
// to the help center's /sso/jwt. Tests tell it what to do per subdomain over a small control API.
//
//   node_modules/.bin/tsx e2e/support/customer-backend.ts --serve    (playwright.config.ts starts it)
//
//   PUT  /scenarios/<subdomain>      JSON Scenario: replaces what the Login URL does for that tenant
//   GET  /scenarios/<subdomain>/log  JSON BackendLog: the Login URL's queries and the tokens minted
//   GET  /login?…                    the Login URL
//   GET  /logged-out                 a Logout URL target
//   GET  /app-logout?help_center=…   a Logout URL target that, as a naive integration does, signs
//                                    out of "the app" and sends the browser on to the help
//                                    center's /sso/logout
//   GET  /health
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import jwt from "jsonwebtoken";
import { COOKIE_TOKEN_TYPE, WIDGET_TOKEN_TYPE } from "../../lib/sso/verify-token";

export const BACKEND_PORT = 3199;
export const BACKEND_ORIGIN = `http://127.0.0.1:${BACKEND_PORT}`;
export const LOGIN_URL = `${BACKEND_ORIGIN}/login`;
export const LOGGED_OUT_URL = `${BACKEND_ORIGIN}/logged-out`;

/** A Logout URL that sends the browser straight back to the help center's /sso/logout. */
export function appLogoutUrl(helpCenter: string): string {
  return `${BACKEND_ORIGIN}/app-logout?${new URLSearchParams({ help_center: helpCenter })}`;
}

/**
 * normal               redirect (GET) to /sso/jwt?jwt=…, jti = key (a random jti when no key came)
 * post-form            an auto-submitting form POSTing `jwt` (and `return_to` when no key) to /sso/jwt
 * expired              exp in the past and iat older than any Token TTL
 * wrong-secret         signed with a secret that is not the tenant's
 * reuse-previous-token send the last token minted for this tenant again
 * hold                 show a sign-in page and stay there (to observe arriving at the Login URL)
 */
export type Mode = "normal" | "post-form" | "expired" | "wrong-secret" | "reuse-previous-token" | "hold";

export interface TestUser {
  email: string;
  name: string;
  external_id?: string;
  groups?: string[];
}

export interface Scenario {
  /** the help center's origin, e.g. http://acme-1a2b.localhost:3100 */
  helpCenter: string;
  secret: string;
  user: TestUser;
  mode: Mode;
  issuer?: string;
  audience?: string;
}

export interface BackendLog {
  /** every query string the Login URL received, oldest first */
  received: Record<string, string>[];
  /** every token minted, oldest first */
  tokens: string[];
}

type MintClaims = { jti?: string; iat?: number; exp?: number; iss?: string; aud?: string };

/** Signs an HS256 token the way tenants do. Defaults: a fresh jti, iat now, exp in 2 minutes. */
export function mintToken(secret: string, user: TestUser, claims: MintClaims = {}, header: { typ?: string } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    jti: claims.jti ?? randomUUID(),
    iat: claims.iat ?? now,
    exp: claims.exp ?? now + 120,
    ...user,
    ...(claims.iss ? { iss: claims.iss } : {}),
    ...(claims.aud ? { aud: claims.aud } : {}),
  };
  return jwt.sign(payload, secret, { algorithm: "HS256", ...(header.typ ? { header: { alg: "HS256", typ: header.typ } } : {}) });
}

/** A widget/API token: the same claims, with the header typ that marks the widget kind. */
export function mintWidgetToken(secret: string, user: TestUser, claims: MintClaims = {}): string {
  return mintToken(secret, user, claims, { typ: WIDGET_TOKEN_TYPE });
}

/** An hc_jwt cookie token: the same claims, with the header typ that marks the cookie kind. */
export function mintCookieToken(secret: string, user: TestUser, claims: MintClaims = {}): string {
  return mintToken(secret, user, claims, { typ: COOKIE_TOKEN_TYPE });
}

// ---- used by specs -------------------------------------------------------------------------------

async function control<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${BACKEND_ORIGIN}${path}`, init);
  if (!response.ok) throw new Error(`customer backend: ${init?.method ?? "GET"} ${path} → ${response.status}`);
  return (await response.json()) as T;
}

export const customerBackend = {
  /** What the Login URL does for this subdomain from now on (its log is kept). */
  async register(subdomain: string, scenario: Scenario): Promise<void> {
    await control(`/scenarios/${encodeURIComponent(subdomain)}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(scenario),
    });
  },
  /** Switch the mode only. */
  async setMode(subdomain: string, mode: Mode): Promise<void> {
    await control(`/scenarios/${encodeURIComponent(subdomain)}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ mode }),
    });
  },
  async log(subdomain: string): Promise<BackendLog> {
    return control<BackendLog>(`/scenarios/${encodeURIComponent(subdomain)}/log`);
  },
};

// ---- the server ----------------------------------------------------------------------------------

interface TenantState {
  scenario: Scenario | null;
  log: BackendLog;
}

const tenants = new Map<string, TenantState>();

function stateOf(subdomain: string): TenantState {
  let state = tenants.get(subdomain);
  if (!state) {
    state = { scenario: null, log: { received: [], tokens: [] } };
    tenants.set(subdomain, state);
  }
  return state;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), { "Content-Type": "application/json" });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
}

function tokenFor(scenario: Scenario, state: TenantState, key: string | undefined): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { jti: key || undefined, iss: scenario.issuer, aud: scenario.audience };
  switch (scenario.mode) {
    case "expired":
      return mintToken(scenario.secret, scenario.user, { ...claims, iat: now - 3600, exp: now - 1800 });
    case "wrong-secret":
      return mintToken(`${scenario.secret}-but-not-the-shared-one`, scenario.user, claims);
    case "reuse-previous-token":
      return state.log.tokens.at(-1) ?? mintToken(scenario.secret, scenario.user, claims);
    default:
      return mintToken(scenario.secret, scenario.user, claims);
  }
}

function handleLogin(url: URL, res: ServerResponse): void {
  const query = Object.fromEntries(url.searchParams);
  const state = stateOf(query.subdomain ?? "");
  state.log.received.push(query);
  const scenario = state.scenario;
  if (!scenario) return send(res, 404, "<h1>No scenario registered for this subdomain</h1>");

  if (scenario.mode === "hold") {
    return send(res, 200, `<!doctype html><title>Customer sign-in</title><h1>Customer app sign-in</h1><p>Key ${escapeHtml(query.key ?? "")}</p>`);
  }
  const token = tokenFor(scenario, state, query.key);
  state.log.tokens.push(token);
  // With a key the help center remembers where the visitor was going; without one (a sign-in the
  // customer's app started, "IdP-initiated") the backend says so itself.
  const fields: Record<string, string> = { jwt: token };
  if (!query.key && query.return_to) fields.return_to = query.return_to;
  const action = `${scenario.helpCenter}/sso/jwt`;
  if (scenario.mode === "post-form") {
    const inputs = Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`);
    return send(
      res,
      200,
      `<!doctype html><title>Signing you in…</title><body><form method="post" action="${escapeHtml(action)}">${inputs.join("")}` +
        `<noscript><button>Continue</button></noscript></form><script>document.forms[0].submit()</script></body>`,
    );
  }
  send(res, 302, "", { Location: `${action}?${new URLSearchParams(fields)}` });
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", BACKEND_ORIGIN);
  const scenarioPath = /^\/scenarios\/([^/]+)(\/log)?$/.exec(url.pathname);
  if (req.method === "GET" && url.pathname === "/health") return sendJson(res, 200, { ok: true });
  if (req.method === "GET" && url.pathname === "/login") return handleLogin(url, res);
  if (req.method === "GET" && url.pathname === "/logged-out") {
    return send(res, 200, "<!doctype html><title>Customer app</title><h1>You left the help center</h1>");
  }
  if (req.method === "GET" && url.pathname === "/app-logout") {
    const helpCenter = new URL(url.searchParams.get("help_center") ?? "", BACKEND_ORIGIN);
    return send(res, 302, "", { Location: new URL("/sso/logout", helpCenter.origin).href });
  }
  if (scenarioPath) {
    const state = stateOf(decodeURIComponent(scenarioPath[1]!));
    if (scenarioPath[2]) return req.method === "GET" ? sendJson(res, 200, state.log) : sendJson(res, 405, {});
    if (req.method === "PUT") state.scenario = (await readJson(req)) as unknown as Scenario;
    else if (req.method === "PATCH" && state.scenario) state.scenario = { ...state.scenario, ...(await readJson(req)) };
    else return sendJson(res, 409, { error: "PUT a scenario first" });
    return sendJson(res, 200, { ok: true });
  }
  send(res, 404, "<h1>Not found</h1>");
}

if (process.argv.includes("--serve")) {
  createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
    });
  }).listen(BACKEND_PORT, "127.0.0.1", () => console.log(`customer backend on ${BACKEND_ORIGIN}`));
}
