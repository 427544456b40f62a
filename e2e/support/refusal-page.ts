// Reading what a browser went through at /sso/*: the chain of navigations, and the refusal page.
import { expect, type Page } from "@playwright/test";

/** Every response to a top-level navigation of the page (redirects included), in order. */
export function recordNavigations(page: Page): { url: string; status: number }[] {
  const seen: { url: string; status: number }[] = [];
  page.on("response", (response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) seen.push({ url: response.url(), status: response.status() });
  });
  return seen;
}

/** The reason code and request id a refused sign-in's page shows. */
export async function readErrorPage(page: Page) {
  await expect(page.getByRole("heading", { name: /^We could not sign you in to / })).toBeVisible();
  return {
    reason: (await page.locator("dt:text-is('Reason') + dd").textContent())?.trim(),
    requestId: (await page.locator("dt:text-is('Request ID') + dd").textContent())?.trim(),
  };
}
