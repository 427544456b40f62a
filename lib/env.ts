// The only module that reads process.env. Everything else imports `env` from here, so every
// setting is validated once, documented once (README → Configuration) and has one default.
import { z } from "zod";
import { isLoopbackHostname } from "./http/loopback";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const portNumber = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Public URL of the dashboard host; tenants live at <subdomain>.<its host>. Unset: http://localhost:PORT. */
  APP_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** Port `npm start` serves on. */
  PORT: portNumber.default(3000),
  /** A PostgreSQL server. Unset: Gatehouse starts an embedded PostgreSQL (PGlite) under DATA_DIR. */
  DATABASE_URL: optionalString.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// or postgresql:// URL" }).optional(),
  ),
  /**
   * Reverse proxies in front of the app that append to X-Forwarded-For; the client's address is
   * the entry that many left of the connection's own, which scripts/serve.ts appends last
   * (lib/http/client-ip.ts). 0: served directly.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Sign-ins one address may have started at a help center and not finished (within the redirect
   * key's 10 minutes) before /sso/login refuses more with too_many_sign_in_starts.
   */
  SIGN_IN_STARTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(100),
  /** Connections in the app's pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  /**
   * Extra connections that carry the sign-in's statements pipelined (lib/pipelined-connections.ts);
   * 0 sends those through the pool instead.
   */
  DATABASE_PIPELINE_CONNECTIONS: z.coerce.number().int().min(0).max(16).default(2),
  /** Where the embedded database, the generated keys and run-time files live. */
  DATA_DIR: z.string().min(1).default(".data"),
  /** Fixed port for the embedded database (0 picks a free one). */
  EMBEDDED_DB_PORT: portNumber.default(0),
  /**
   * 32 bytes, base64: the AES-256-GCM key that encrypts tenants' SSO secrets at rest.
   * Unset: a key is generated once into DATA_DIR/encryption.key.
   */
  SECRET_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .refine((value) => Buffer.from(value, "base64").length === 32, {
        error: "SECRET_ENCRYPTION_KEY must be 32 bytes encoded as base64 (openssl rand -base64 32)",
      })
      .optional(),
  ),
  /**
   * DNS servers that custom-domain verification asks for TXT records, comma-separated, each an
   * address with an optional port (`10.0.0.2`, `127.0.0.1:5300`). Unset: the machine's resolvers.
   */
  DNS_SERVERS: optionalString.pipe(
    z
      .string()
      .transform((value) => value.split(",").map((server) => server.trim()).filter(Boolean))
      .refine((servers) => servers.length > 0 && servers.every((server) => /^(?:\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?|\[[0-9a-fA-F:]+\](?::\d{1,5})?|[0-9a-fA-F:]+)$/.test(server)), {
        error: "DNS_SERVERS must list IP addresses, each with an optional port: 10.0.0.2,127.0.0.1:5300",
      })
      .optional(),
  ),
  /** Set by `npm test`: the migrated throw-away database the suites and the e2e server share. */
  TEST_DATABASE_URL: optionalString,
  /** Set by `npm test`: the server on which tests create further scratch databases (unset: embedded). */
  TEST_SCRATCH_SERVER_URL: optionalString,
  /** Port of the server the end-to-end tests start. */
  E2E_PORT: portNumber.default(3100),
  /**
   * Serve the demo "Acme app" Login URL at /demo/login, which mints tokens for the seeded demo
   * tenant only. Unset: on when APP_URL is this machine (localhost), off anywhere else, so a public
   * deployment never serves a page that signs anyone in as anyone.
   */
  DEMO_MODE: optionalString.pipe(z.enum(["true", "false"], { error: 'DEMO_MODE must be "true" or "false"' }).optional()),
  /** Signs dashboard sessions (next-auth). Unset: generated once into DATA_DIR/auth-secret. */
  AUTH_SECRET: optionalString,
  /** The Chromium that Playwright launches; never downloaded. */
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  /** Set by CI systems; the test runner uses it to forbid stray `.only`. */
  CI: optionalString,
});

export type Env = Omit<z.infer<typeof envSchema>, "APP_URL" | "DEMO_MODE"> & { APP_URL: string; DEMO_MODE: boolean };

/** Validates an environment; throws with every problem named. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid configuration in the environment:\n${problems}`);
  }
  // Changing PORT alone must keep the printed links, the demo's Login URL and the dashboard's own
  // address on the port actually served.
  const appUrl = parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}`;
  const demoMode = parsed.data.DEMO_MODE === undefined ? isLoopbackHostname(new URL(appUrl).hostname) : parsed.data.DEMO_MODE === "true";
  return { ...parsed.data, APP_URL: appUrl, DEMO_MODE: demoMode };
}

export const env: Env = parseEnv(process.env);

/**
 * next-auth 4 reads its own URL from process.env.NEXTAUTH_URL when it handles a request. The
 * dashboard lives on APP_URL, so the server sets it from there (called by lib/auth/options.ts;
 * never inherited from a parent process, whose APP_URL may differ).
 */
export function exportNextAuthUrl(): void {
  process.env.NEXTAUTH_URL = new URL(env.APP_URL).origin;
}

/** The environment for a child process (build, server, test runner), with some variables replaced. */
export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}
