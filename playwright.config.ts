import { defineConfig } from "@playwright/test";
import { BACKEND_ORIGIN } from "./e2e/support/customer-backend";
import { TEST_DNS_CONTROL_ORIGIN, TEST_DNS_PORT } from "./test/support/dns-server";
import { env } from "./lib/env";

// Run through `npm test` (or `npm run test:e2e`), which prepares TEST_DATABASE_URL and the build.
const port = env.E2E_PORT;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: env.CHROMIUM_PATH,
      args: [
        "--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        // Test custom domains (e2e/support/tenants.ts testCustomDomain) reach this machine, as a CNAME would.
        "--host-resolver-rules=MAP *.gatehouse.test 127.0.0.1",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "node_modules/.bin/tsx scripts/serve.ts",
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        DATABASE_URL: env.TEST_DATABASE_URL ?? "",
        APP_URL: `http://localhost:${port}`,
        PORT: String(port),
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        // Custom-domain verification asks the tests' DNS server (below) for TXT records.
        DNS_SERVERS: `127.0.0.1:${TEST_DNS_PORT}`,
      },
    },
    {
      // The DNS of the tests' custom domains: TXT records a spec publishes (e2e/support/dns.ts).
      command: "node_modules/.bin/tsx test/support/dns-server.ts --serve",
      url: `${TEST_DNS_CONTROL_ORIGIN}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // A tenant's backend: the Login URL that mints tokens (e2e/support/customer-backend.ts).
      command: "node_modules/.bin/tsx e2e/support/customer-backend.ts --serve",
      url: `${BACKEND_ORIGIN}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
