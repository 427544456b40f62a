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
});
