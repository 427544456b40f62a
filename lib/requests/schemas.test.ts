import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { endUserReplySchema, fieldErrorsOf, isRequestId, MESSAGE_MAX, newRequestSchema, staffReplySchema, statusChangeSchema, SUBJECT_MAX } from "./schemas";

const ID = "5f0c6f1e-8a5b-4d3c-9e2f-1a2b3c4d5e6f";

/** What a form shows next to each field: the first message per field (fieldErrorsOf), {} when valid. */
function errorsOf(result: { success: boolean; error?: z.ZodError }) {
  return result.error ? fieldErrorsOf(result.error) : {};
}

describe("newRequestSchema", () => {
  it("trims and accepts a subject and message at their limits", () => {
    const parsed = newRequestSchema.parse({ subject: `  ${"s".repeat(SUBJECT_MAX)}  `, message: `${"m".repeat(MESSAGE_MAX)}\n` });
    expect(parsed.subject).toHaveLength(SUBJECT_MAX);
    expect(parsed.message).toHaveLength(MESSAGE_MAX);
  });

  it("names each missing or blank field", () => {
    expect(errorsOf(newRequestSchema.safeParse({}))).toEqual({ subject: "Enter a subject.", message: "Describe what you need help with." });
    expect(errorsOf(newRequestSchema.safeParse({ subject: "   ", message: "\n\t" }))).toEqual({
      subject: "Enter a subject.",
      message: "Describe what you need help with.",
    });
  });

  it("refuses one character over each limit", () => {
    expect(errorsOf(newRequestSchema.safeParse({ subject: "s".repeat(SUBJECT_MAX + 1), message: "m".repeat(MESSAGE_MAX + 1) }))).toEqual({
      subject: "The subject can be at most 200 characters.",
      message: "Your message can be at most 10,000 characters.",
    });
  });

  it("refuses a NUL character, which PostgreSQL text cannot store", () => {
    expect(errorsOf(newRequestSchema.safeParse({ subject: "a\u0000b", message: "ok" }))).toEqual({ subject: "Remove the invalid character from the subject." });
  });
});

describe("replies and status changes", () => {
  it("marks a staff reply answered unless another status is chosen", () => {
    expect(staffReplySchema.parse({ requestId: ID, body: "Done." }).status).toBe("answered");
    expect(staffReplySchema.parse({ requestId: ID, body: "Done.", status: "closed" }).status).toBe("closed");
    expect(staffReplySchema.safeParse({ requestId: ID, body: "Done.", status: "deleted" }).success).toBe(false);
  });

  it("refuses a request id that is not a UUID and an empty reply", () => {
    expect(errorsOf(staffReplySchema.safeParse({ requestId: "1 OR 1=1", body: " " }))).toEqual({
      requestId: "This request could not be found.",
      body: "Write a reply.",
    });
    expect(statusChangeSchema.safeParse({ requestId: ID, status: "open" }).success).toBe(true);
    expect(errorsOf(endUserReplySchema.safeParse({ body: "" }))).toEqual({ body: "Write your reply." });
  });

  it("recognises request ids", () => {
    expect(isRequestId(ID)).toBe(true);
    expect(isRequestId(ID.toUpperCase())).toBe(true);
    expect(isRequestId(`${ID}x`)).toBe(false);
    expect(isRequestId("new")).toBe(false);
  });
});
