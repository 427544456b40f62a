import { describe, expect, it } from "vitest";
import { END_USER_ROLES, parseProfileClaims, type EndUserProfile } from "./profile-claims";

const base = { email: "jane@example.com", name: "Jane Doe" };

function parse(overrides: Record<string, unknown>) {
  return parseProfileClaims({ ...base, ...overrides });
}

function profileOf(overrides: Record<string, unknown>): EndUserProfile {
  const result = parse(overrides);
  if (!result.ok) throw new Error(`expected ok, got claim ${result.claim}`);
  return result.profile;
}

function claimOf(overrides: Record<string, unknown>): string | null {
  const result = parse(overrides);
  return result.ok ? null : result.claim;
}

describe("parseProfileClaims", () => {
  it("returns only email and name when nothing else is given", () => {
    expect(parseProfileClaims(base)).toEqual({
      ok: true,
      profile: { email: "jane@example.com", name: "Jane Doe", externalId: null, role: null, lang: null, avatarUrl: null, customFields: null, groups: null },
    });
  });

  it("ignores claims it does not know", () => {
    expect(profileOf({ favourite_colour: "teal", is_admin: true })).toEqual(profileOf({}));
  });

  describe("email", () => {
    it("is trimmed and lower-cased", () => {
      expect(profileOf({ email: "  Jane.Doe+Help@Example.COM  " }).email).toBe("jane.doe+help@example.com");
    });

    it.each([
      ["missing", undefined],
      ["null", null],
      ["a number", 42],
      ["empty", ""],
      ["without @", "jane.example.com"],
      ["without a domain", "jane@"],
      ["without a TLD", "jane@localhost"],
      ["two addresses with a comma", "a@x.com,b@x.com"],
      ["two addresses with a semicolon", "a@x.com;b@x.com"],
      ["a display name", "Jane <jane@example.com>"],
      ["with a tab", "jane@example.com\t"],
      ["with a newline inside", "jane@example.com\nBcc: x@y.com"],
      ["with a C1 control character", "jane@example.com\u0085"],
      ["over 254 characters", `${"a".repeat(247)}@acme.io`],
    ])("is refused when %s", (_label, email) => {
      expect(claimOf({ email })).toBe("email");
    });

    it("is accepted at exactly 254 characters", () => {
      const email = `${"a".repeat(246)}@acme.io`;
      expect(profileOf({ email }).email).toBe(email);
    });
  });

  describe("name", () => {
    it("is trimmed", () => {
      expect(profileOf({ name: "  Jane  " }).name).toBe("Jane");
    });

    it.each([
      ["missing", undefined],
      ["a number", 7],
      ["blank", "   "],
      ["empty", ""],
      ["over 200 characters", "n".repeat(201)],
      ["with a control character", "Jane\u001b[31m"],
    ])("is refused when %s", (_label, name) => {
      expect(claimOf({ name })).toBe("name");
    });

    it("is accepted at exactly 200 characters", () => {
      expect(profileOf({ name: "n".repeat(200) }).name).toHaveLength(200);
    });

    it("is checked after email", () => {
      expect(claimOf({ email: "bad", name: 7 })).toBe("email");
    });
  });

  describe("external_id", () => {
    it("keeps strings and turns safe integers into decimal text", () => {
      expect(profileOf({ external_id: "u-1" }).externalId).toBe("u-1");
      expect(profileOf({ external_id: 12345 }).externalId).toBe("12345");
      expect(profileOf({ external_id: null }).externalId).toBeNull();
    });

    it.each([
      ["a float", 1.5],
      ["an unsafe integer", 2 ** 53],
      ["empty", ""],
      ["over 255 characters", "x".repeat(256)],
      ["with a control character", "u\u00001"],
      ["an object", { id: 1 }],
      ["a boolean", true],
    ])("is refused when %s", (_label, external_id) => {
      expect(claimOf({ external_id })).toBe("external_id");
    });
  });

  describe("role", () => {
    it.each(END_USER_ROLES.map((role) => [role]))("accepts %s", (role) => {
      expect(profileOf({ role }).role).toBe(role);
    });

    it("treats null as not given", () => {
      expect(profileOf({ role: null }).role).toBeNull();
    });

    it.each([["superuser"], ["Admin"], [""], [1], [["admin"]]])("refuses %j", (role) => {
      expect(claimOf({ role })).toBe("role");
    });
  });

  describe("lang", () => {
    it.each([["en"], ["pt-BR"], ["zh-Hant-TW"], ["fil"]])("accepts %s", (lang) => {
      expect(profileOf({ lang }).lang).toBe(lang);
    });

    it.each([["e"], ["english"], ["en_US"], ["en-"], [" en"], [5]])("refuses %j", (lang) => {
      expect(claimOf({ lang })).toBe("lang");
    });
  });

  describe("avatar_url", () => {
    it("accepts https and returns the normalised URL", () => {
      expect(profileOf({ avatar_url: "https://CDN.Example.com/a b.png" }).avatarUrl).toBe("https://cdn.example.com/a%20b.png");
    });

    it("treats an empty string and null as not given", () => {
      expect(profileOf({ avatar_url: "" }).avatarUrl).toBeNull();
      expect(profileOf({ avatar_url: null }).avatarUrl).toBeNull();
    });

    it.each([
      ["http://", "http://cdn.example.com/a.png"],
      ["javascript:", "javascript:alert(1)"],
      ["data:", "data:image/png;base64,AAAA"],
      ["a relative path", "/a.png"],
      ["userinfo", "https://user:pass@cdn.example.com/a.png"],
      ["a username alone", "https://user@cdn.example.com/a.png"],
      ["a password alone", "https://:secret@cdn.example.com/a.png"],
      ["over 2048 characters", `https://cdn.example.com/${"a".repeat(2048)}`],
      ["a number", 5],
    ])("refuses %s", (_label, avatar_url) => {
      expect(claimOf({ avatar_url })).toBe("avatar_url");
    });
  });

  describe("custom_fields", () => {
    it("keeps a plain object as given", () => {
      const custom = { plan: "gold", nested: { a: [1, 2] } };
      expect(profileOf({ custom_fields: custom }).customFields).toEqual(custom);
    });

    it("refuses an array, a string and a number", () => {
      expect(claimOf({ custom_fields: [{ plan: "gold" }] })).toBe("custom_fields");
      expect(claimOf({ custom_fields: "plan=gold" })).toBe("custom_fields");
      expect(claimOf({ custom_fields: 3 })).toBe("custom_fields");
    });

    it("refuses more than 8 KiB of JSON and accepts exactly 8 KiB", () => {
      const overhead = JSON.stringify({ blob: "" }).length;
      const exactly = { blob: "z".repeat(8 * 1024 - overhead) };
      expect(JSON.stringify(exactly)).toHaveLength(8 * 1024);
      expect(profileOf({ custom_fields: exactly }).customFields).toEqual(exactly);
      expect(claimOf({ custom_fields: { blob: "z".repeat(8 * 1024 - overhead + 1) } })).toBe("custom_fields");
    });

    // Regression: custom_fields is stored as jsonb, which refuses "\u0000" and lone surrogates; such
    // a token used to verify and then make provisioning throw (HTTP 500) instead of invalid_claim.
    it("refuses a NUL character in a custom_fields value", () => {
      expect(claimOf({ custom_fields: { note: "a\u0000b" } })).toBe("custom_fields");
    });

    it("refuses a lone surrogate in a custom_fields value", () => {
      expect(claimOf({ custom_fields: { note: "\ud800" } })).toBe("custom_fields");
    });

    it("measures the 8 KiB in UTF-8 bytes", () => {
      const overhead = JSON.stringify({ blob: "" }).length;
      // 2-byte characters: under 8 Ki characters, over 8 KiB.
      expect(claimOf({ custom_fields: { blob: "é".repeat((8 * 1024 - overhead) / 2 + 1) } })).toBe("custom_fields");
    });
  });

  describe("groups", () => {
    it("trims and removes duplicates, keeping order", () => {
      expect(profileOf({ groups: ["b", " a ", "b", "a"] }).groups).toEqual(["b", "a"]);
    });

    it("accepts an empty list", () => {
      expect(profileOf({ groups: [] }).groups).toEqual([]);
    });

    it.each([
      ["not an array", "support"],
      ["an object", { support: true }],
      ["a non-string entry", ["support", 3]],
      ["a null entry", ["support", null]],
      ["a blank entry", ["support", "  "]],
      ["an entry over 100 characters", ["g".repeat(101)]],
      ["an entry with a control character", ["sup\nport"]],
      ["more than 100 entries", Array.from({ length: 101 }, (_, i) => `g${i}`)],
    ])("refuses %s", (_label, groups) => {
      expect(claimOf({ groups })).toBe("groups");
    });

    it("accepts 100 entries", () => {
      expect(profileOf({ groups: Array.from({ length: 100 }, (_, i) => `g${i}`) }).groups).toHaveLength(100);
    });

    it("accepts permission_groups as an alias and names it when it is bad", () => {
      expect(profileOf({ permission_groups: ["agents"] }).groups).toEqual(["agents"]);
      expect(claimOf({ permission_groups: "agents" })).toBe("permission_groups");
      expect(claimOf({ permission_groups: [1] })).toBe("permission_groups");
    });

    it("prefers groups over permission_groups when both are present", () => {
      expect(profileOf({ groups: ["a"], permission_groups: ["b"] }).groups).toEqual(["a"]);
      expect(claimOf({ groups: "bad", permission_groups: ["b"] })).toBe("groups");
    });
  });

  it("names the first bad claim in a fixed order", () => {
    const allBad = { external_id: 1.5, role: "root", lang: "?", avatar_url: "http://x", custom_fields: [], groups: "x" };
    expect(claimOf(allBad)).toBe("external_id");
    expect(claimOf({ ...allBad, external_id: "ok" })).toBe("role");
    expect(claimOf({ ...allBad, external_id: "ok", role: "viewer" })).toBe("lang");
    expect(claimOf({ ...allBad, external_id: "ok", role: "viewer", lang: "en" })).toBe("avatar_url");
    expect(claimOf({ ...allBad, external_id: "ok", role: "viewer", lang: "en", avatar_url: null })).toBe("custom_fields");
    expect(claimOf({ ...allBad, external_id: "ok", role: "viewer", lang: "en", avatar_url: null, custom_fields: null })).toBe("groups");
  });
});
