import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to http://localhost:3000 on port 3000", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
  });

  it("keeps APP_URL on the port served when only PORT is set", () => {
    expect(parseEnv({ PORT: "4000" }).APP_URL).toBe("http://localhost:4000");
  });

  it("takes APP_URL as given, whatever PORT says (a proxy in front)", () => {
    expect(parseEnv({ PORT: "4000", APP_URL: "https://help.example.com" }).APP_URL).toBe("https://help.example.com");
  });

  it("treats an empty APP_URL as unset", () => {
    expect(parseEnv({ PORT: "4100", APP_URL: " " }).APP_URL).toBe("http://localhost:4100");
  });

  it("refuses an APP_URL that is not http(s), naming the variable", () => {
    expect(() => parseEnv({ APP_URL: "ftp://example.com" })).toThrow(/APP_URL/);
  });

  describe("DEMO_MODE", () => {
    it("is on by default when the app is served on this machine", () => {
      expect(parseEnv({}).DEMO_MODE).toBe(true);
      expect(parseEnv({ APP_URL: "http://gatehouse.localhost:3000" }).DEMO_MODE).toBe(true);
      expect(parseEnv({ APP_URL: "http://127.0.0.1:3000" }).DEMO_MODE).toBe(true);
      expect(parseEnv({ APP_URL: "http://[::1]:3000" }).DEMO_MODE).toBe(true);
    });

    it("is off by default on any other address, so a public deployment never serves the demo sign-in", () => {
      expect(parseEnv({ APP_URL: "https://help.example.com" }).DEMO_MODE).toBe(false);
      expect(parseEnv({ APP_URL: "https://localhost.example.com" }).DEMO_MODE).toBe(false);
      expect(parseEnv({ APP_URL: "http://10.0.0.5:3000" }).DEMO_MODE).toBe(false);
    });

    it("follows an explicit setting either way, and refuses anything else", () => {
      expect(parseEnv({ APP_URL: "https://demo.example.com", DEMO_MODE: "true" }).DEMO_MODE).toBe(true);
      expect(parseEnv({ DEMO_MODE: "false" }).DEMO_MODE).toBe(false);
      expect(parseEnv({ APP_URL: "https://help.example.com", DEMO_MODE: " " }).DEMO_MODE).toBe(false);
      expect(() => parseEnv({ DEMO_MODE: "yes" })).toThrow(/DEMO_MODE/);
    });
  });
});
