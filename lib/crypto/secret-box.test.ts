import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretDecryptionError } from "./secret-box";

const key = randomBytes(32);
const tenantA = "7b0f3c1e-0000-4000-8000-00000000000a";
const tenantB = "7b0f3c1e-0000-4000-8000-00000000000b";

describe("secret box", () => {
  it("round-trips a secret and never stores it in the clear", () => {
    const secret = "s3cret-value-that-must-not-leak-0123456789";
    const sealed = encryptSecret(secret, key, tenantA);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain(secret);
    expect(Buffer.from(sealed.split(".")[3]!, "base64url").toString("utf8")).not.toContain("s3cret");
    expect(decryptSecret(sealed, key, tenantA)).toBe(secret);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key, tenantA)).not.toBe(encryptSecret("same", key, tenantA));
  });

  it("refuses a ciphertext moved to another tenant", () => {
    const sealed = encryptSecret("tenant-a-secret", key, tenantA);
    expect(() => decryptSecret(sealed, key, tenantB)).toThrow(SecretDecryptionError);
  });

  it("refuses the wrong key and tampered data", () => {
    const sealed = encryptSecret("tenant-a-secret", key, tenantA);
    expect(() => decryptSecret(sealed, randomBytes(32), tenantA)).toThrow(SecretDecryptionError);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptSecret(parts.join("."), key, tenantA)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret("garbage", key, tenantA)).toThrow(SecretDecryptionError);
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => encryptSecret("x", randomBytes(16), tenantA)).toThrow(/32 bytes/);
  });
});
