import { describe, expect, it } from "vitest";
import { allowsNamedStatements, allowsPipelining, markSharedSession, sharesOneSession } from "./database-url";

describe("database URLs", () => {
  it("allow named statements on a plain server URL", () => {
    expect(allowsNamedStatements("postgresql://postgres@127.0.0.1:5432/gatehouse")).toBe(true);
    expect(allowsNamedStatements("postgresql://postgres@127.0.0.1:5432/gatehouse?sslmode=require")).toBe(true);
  });

  it("allow pipelining only on a plain server URL", () => {
    expect(allowsPipelining("postgresql://postgres@127.0.0.1:5432/gatehouse")).toBe(true);
    expect(allowsPipelining(markSharedSession("postgresql://postgres@127.0.0.1:40123/postgres"))).toBe(false);
    expect(allowsPipelining("postgresql://app@pooler.example:6432/gatehouse?pgbouncer=true")).toBe(false);
  });

  it("do not on a shared-session URL (the embedded database), keeping the URL's other parameters", () => {
    const marked = markSharedSession("postgresql://postgres@127.0.0.1:40123/postgres?sslmode=disable");
    expect(allowsNamedStatements(marked)).toBe(false);
    expect(new URL(marked).searchParams.get("sslmode")).toBe("disable");
    expect(markSharedSession(marked)).toBe(marked); // idempotent
  });

  it("do not behind a transaction-mode pooler (pgbouncer=true)", () => {
    expect(allowsNamedStatements("postgresql://app@pooler.example:6432/gatehouse?pgbouncer=true")).toBe(false);
  });

  it("say one session serves every connection only for the embedded database's URL", () => {
    expect(sharesOneSession(markSharedSession("postgresql://postgres@127.0.0.1:40123/postgres"))).toBe(true);
    expect(sharesOneSession("postgresql://postgres@127.0.0.1:5432/gatehouse")).toBe(false);
    expect(sharesOneSession("postgresql://app@pooler.example:6432/gatehouse?pgbouncer=true")).toBe(false);
  });
});
