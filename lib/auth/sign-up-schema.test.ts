import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signUpSchema } from "./sign-up-schema";

const valid = { email: "ada@example.com", password: "long enough pw", tenantName: "Acme", subdomain: "Acme-Help" };
const errors = (input: object) => {
  const result = signUpSchema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe("signUpSchema", () => {
  it("accepts a valid sign-up and lower-cases the subdomain", () => {
    expect(signUpSchema.parse(valid).subdomain).toBe("acme-help");
  });
  it("requires a 10-character password", () => {
    expect(errors({ ...valid, password: "short" }).password?.[0]).toMatch(/at least 10/);
  });
  it("explains bad and reserved subdomains", () => {
    expect(errors({ ...valid, subdomain: "-bad-" }).subdomain?.[0]).toMatch(/lower-case letters/);
    expect(errors({ ...valid, subdomain: "www" }).subdomain?.[0]).toMatch(/reserved/);
    expect(errors({ ...valid, subdomain: "api" }).subdomain?.[0]).toMatch(/reserved/);
  });
  it("requires an email and a help-center name", () => {
    expect(errors({ ...valid, email: "nope" }).email).toBeDefined();
    expect(errors({ ...valid, tenantName: "  " }).tenantName).toBeDefined();
  });
  it("refuses a help-center name with control characters, with a message (not a server error)", () => {
    expect(errors({ ...valid, tenantName: "Acme\u0000" }).tenantName?.[0]).toMatch(/Remove control characters/);
  });
});
