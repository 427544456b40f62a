import { expect, test } from "@playwright/test";
test("scratch: domain vs host-only cookie as Playwright reports them", async ({ context }) => {
  await context.addCookies([{ name: "a", value: "1", url: "http://x1.localhost:3100" }, { name: "b", value: "2", domain: ".x1.localhost", path: "/" }]);
  const cookies = await context.cookies("http://x1.localhost:3100");
  console.log(JSON.stringify(cookies.map((c) => [c.name, c.domain])));
  expect(cookies.find((c) => c.name === "b")!.domain).toBe(".x1.localhost");
  expect(cookies.find((c) => c.name === "a")!.domain).toBe("x1.localhost");
});
