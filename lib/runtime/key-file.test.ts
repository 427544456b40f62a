import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrCreateKeyFile } from "./key-file";

describe("loadOrCreateKeyFile", () => {
  it("generates a key once, private to the owner, and returns the same key afterwards", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "gatehouse-keys-")), "nested");
    const first = loadOrCreateKeyFile(dir, "encryption.key", 32);
    expect(first).toHaveLength(32);
    expect(statSync(path.join(dir, "encryption.key")).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(dir, "encryption.key", 32).equals(first)).toBe(true);
    expect(readFileSync(path.join(dir, "encryption.key"), "utf8").trim()).toBe(first.toString("base64"));
  });

  it("refuses a key file of the wrong length instead of silently replacing it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-keys-"));
    writeFileSync(path.join(dir, "encryption.key"), Buffer.alloc(16).toString("base64"));
    expect(() => loadOrCreateKeyFile(dir, "encryption.key", 32)).toThrow(/must hold 32 bytes/);
  });
});
