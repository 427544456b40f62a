// Where a tenant's help center is, for links in the dashboard: its custom domain when it has one
// (the address its readers use, and the host its session and hc_jwt cookies belong to), else
// <subdomain>.<APP_URL's host>. Scheme and port follow APP_URL, as the server serves every host.

export interface HelpCenterAddress {
  /** e.g. "acme.localhost:3000" or "help.acme.com" */
  host: string;
  /** e.g. "http://acme.localhost:3000" */
  origin: string;
}

export function helpCenterAddress(tenant: { subdomain: string; customDomain: string | null }, appUrl: string): HelpCenterAddress {
  const app = new URL(appUrl);
  const host = tenant.customDomain ? `${tenant.customDomain}${app.port ? `:${app.port}` : ""}` : `${tenant.subdomain}.${app.host}`;
  return { host, origin: `${app.protocol}//${host}` };
}
