import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "./unique-violation";

describe("isUniqueViolation", () => {
  it.each([
    ["Prisma's model error", { code: "P2002", meta: { target: ["email"] } }],
    ["node-postgres's error", Object.assign(new Error('duplicate key value violates unique constraint "end_users_tenant_id_email_key"'), { code: "23505" })],
    ["a Prisma raw-query error carrying the database's code in its text", new Error("Raw query failed. Code: `23505`. Message: `duplicate key value`")],
    ["a Prisma driver-adapter error naming the kind", Object.assign(new Error("failed"), { meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } } })],
  ])("recognises %s", (_, error) => {
    expect(isUniqueViolation(error)).toBe(true);
  });

  it.each([
    ["a foreign-key failure", { code: "P2003" }],
    ["a connection error", Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" })],
    ["nothing", null],
    ["a string", "23505"],
  ])("does not mistake %s for one", (_, error) => {
    expect(isUniqueViolation(error)).toBe(false);
  });
});
