// A customer's own web app embedding the help-center widget: a plain HTML page on another origin
// (127.0.0.1:3198, while help centers live on <subdomain>.localhost:3100) that sets
// window.hcOptions and loads <help center>/js/init_widget.js. Its onAuthExpired asks this same
// server for a fresh widget token, the way a real app asks its backend; the server counts those.
// Runs inside the Playwright worker: specs start it in beforeAll and register one site per test.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { mintWidgetToken, type TestUser } from "./customer-backend";
import type { TestTenant } from "./tenants";

export const HOST_PAGE_PORT = 3198;
export const HOST_PAGE_ORIGIN = `http://127.0.0.1:${HOST_PAGE_PORT}`;

/**
 * Hostile page CSS the widget must shrug off. `!important` on `*` reaches the widget's host
 * element (and, through inheritance, would reach inside its shadow root without `:host { all }`).
 */
export const HOSTILE_CSS = `
  html { font-size: 40px; }
  * { color: red !important; font-size: 40px !important; font-family: serif !important; line-height: 3 !important; }
  button { display: none !important; }
  input { border: 5px dashed red !important; }
  ul, li { list-style: square !important; margin: 60px !important; }
`;

export interface HostSiteOptions {
  tenant: TestTenant;
  user: TestUser;
  /** the token in hcOptions.jwt; default: one minted for `user` like /token does */
  initialToken?: string;
  /** hcOptions.app_id; default: the tenant's subdomain */
  appId?: string;
  /** how /token answers: "mint" (default) a new widget token, "fail" a 500 (onAuthExpired throws) */
  tokenEndpoint?: "mint" | "fail";
  /**
   * iat this many seconds in the past on every token minted here (the initial one included), so a
   * token ages out sooner than the tenant's Token TTL (whose minimum is 30 s) would have it.
   */
  tokenAgeSeconds?: number;
}

export interface HostSite {
  /** the page that embeds the widget */
  url: string;
  /** how many times onAuthExpired fetched a token */
  tokenCalls(): number;
}

interface Registered extends HostSiteOptions {
  calls: number;
}

function mint(site: HostSiteOptions): string {
  return mintWidgetToken(site.tenant.secret!, site.user, { iat: Math.floor(Date.now() / 1000) - (site.tokenAgeSeconds ?? 0) });
}

function scriptJson(value: unknown): string {
  // Inside <script>, "</script>" or "<!--" in a string would end or bend the element.
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function pageHtml(id: string, site: Registered): string {
  const options = { app_id: site.appId ?? site.tenant.subdomain, jwt: site.initialToken ?? mint(site) };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Customer app</title><style>${HOSTILE_CSS}</style></head>
<body>
<h1>Customer app</h1>
<p>Your projects would be here.</p>
<a href="#after" id="after">A link after the widget</a>
<script>
  window.hcOptions = Object.assign(${scriptJson(options)}, {
    onAuthExpired: async () => {
      const response = await fetch(${scriptJson(`/sites/${id}/token`)}, { method: "POST" });
      if (!response.ok) throw new Error("token endpoint answered " + response.status);
      return response.text();
    },
  });
</script>
<script src="${site.tenant.origin}/js/init_widget.js" async></script>
</body></html>`;
}

export async function startHostPageServer() {
  const sites = new Map<string, Registered>();
  const server: Server = createServer((req, res) => {
    const match = /^\/sites\/([\w-]+)(\/token)?$/.exec(new URL(req.url ?? "/", HOST_PAGE_ORIGIN).pathname);
    const site = match ? sites.get(match[1]!) : undefined;
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { "Content-Type": `${type}; charset=utf-8`, "Cache-Control": "no-store" });
      res.end(body);
    };
    if (!match || !site) return send(404, "text/plain", "not found");
    if (!match[2]) return send(200, "text/html", pageHtml(match[1]!, site));
    if (req.method !== "POST") return send(405, "text/plain", "POST only");
    site.calls += 1;
    if (site.tokenEndpoint === "fail") return send(500, "text/plain", "token service down");
    send(200, "text/plain", mint(site));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(HOST_PAGE_PORT, "127.0.0.1", () => resolve());
  });

  return {
    register(options: HostSiteOptions): HostSite {
      const id = randomUUID();
      const registered: Registered = { ...options, calls: 0 };
      sites.set(id, registered);
      return { url: `${HOST_PAGE_ORIGIN}/sites/${id}`, tokenCalls: () => registered.calls };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
