// memberAction's answers that do not come from the handler's own return: a failure of ours becomes a
// message beside the form (with a reference in the server log), while redirect() and friends still
// work. The membership check is replaced: it is tested with the dashboard in the e2e specs.
import { forbidden, notFound, redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AuditWriteError } from "@/lib/data/audit";
import { memberAction } from "./member-action";

vi.mock("./require-member", () => ({
  requireMember: async () => ({ userId: "user-1", email: "admin@example.com", role: "admin", tenant: { id: "tenant-1", subdomain: "acme", name: "Acme" } }),
}));

const schema = z.object({ name: z.string().min(1) });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("memberAction", () => {
  it("passes the handler's answer through", async () => {
    const action = memberAction(["admin"], schema, async ({ name }) => ({ ok: true, message: `Saved ${name}.` }));
    expect(await action("acme", {}, form({ name: "Acme" }))).toEqual({ ok: true, message: "Saved Acme." });
  });

  it("turns a failure of ours into a message with a reference the server log shares, keeping what was typed but not secrets", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const cause = new Error("insert or update on table \"audit_entries\" violates foreign key constraint");
    const failure = new AuditWriteError("sso.settings.updated", cause);
    const action = memberAction(["admin"], schema, async () => {
      throw failure;
    });
    const state = await action("acme", {}, form({ name: "Acme", sharedSecret: "s3cret" }));
    const reference = /reference ([0-9a-f]{8})/.exec(state.message ?? "")?.[1];
    expect(reference).toBeDefined();
    expect(state.message).toBe(`Something went wrong on our side (reference ${reference}). Reload the page to see what was saved, then try again.`);
    expect(state.ok).toBeUndefined();
    expect(state.values).toEqual({ name: "Acme" });
    expect(logged).toHaveBeenCalledOnce();
    // The reference leads to the error itself, whose cause says why.
    expect(logged.mock.calls[0]).toEqual([`[dashboard action] failure ${reference}:`, failure]);
    expect((logged.mock.calls[0]![1] as Error).cause).toBe(cause);
  });

  it.each([
    ["redirect()", () => redirect("/dashboard/acme/content?notice=article-created"), "NEXT_REDIRECT"],
    ["notFound()", () => notFound(), "NEXT_HTTP_ERROR_FALLBACK;404"],
    ["forbidden()", () => forbidden(), "NEXT_HTTP_ERROR_FALLBACK;403"],
  ] as const)("lets %s through: it is an answer, not a failure", async (_name, answer, digest) => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // What next.config.mjs's experimental.authInterrupts sets for the app, without which forbidden() refuses to run.
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    const action = memberAction(["admin"], schema, async () => answer());
    await expect(action("acme", {}, form({ name: "Acme" }))).rejects.toMatchObject({ digest: expect.stringContaining(digest) });
    expect(logged).not.toHaveBeenCalled();
  });
});
