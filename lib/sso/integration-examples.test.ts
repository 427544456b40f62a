import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { childProcessEnv } from "@/lib/env";
import { exampleOrigins, integrationExample, type ExampleLanguage } from "./integration-examples";
import { SECRET_A, ssoConfig } from "./test-tokens";
import { verifySsoToken } from "./verify-token";

// The examples are code tenants copy into their backends: run them (Node with the real
// jsonwebtoken; Python with PyJWT where the machine has it, Debian's python3-jwt, else with a
// stand-in that leaves only the token's encoding untested) and
// check where they send the token. The key is bound to the browser on the host the sign-in started
// on, so the token must go back there; and never anywhere but the help center's own addresses,
// whatever `return_to` says, since a token sent elsewhere signs its holder in as the user.

const CUSTOM = "https://help.acme.com";
const SUBDOMAIN = "https://acme.gatehouse.app";
const input = { helpCenterOrigins: [CUSTOM, SUBDOMAIN], issuer: "https://app.acme.com", audience: "help-center" };

/** The examples' answer for each case, one line each. */
const CASES: { name: string; returnTo: string | null; origin: string }[] = [
  { name: "the sign-in started on the custom domain", returnTo: `${CUSTOM}/articles/setup?x=1`, origin: CUSTOM },
  { name: "the sign-in started on the subdomain", returnTo: `${SUBDOMAIN}/requests`, origin: SUBDOMAIN },
  { name: "the host's case differs", returnTo: "https://ACME.gatehouse.app/requests", origin: SUBDOMAIN },
  { name: "no return_to (the sign-in started in the app)", returnTo: null, origin: CUSTOM },
  { name: "another site", returnTo: "https://evil.example/steal", origin: CUSTOM },
  { name: "our host as a user name", returnTo: "https://acme.gatehouse.app@evil.example/", origin: CUSTOM },
  { name: "another scheme", returnTo: "http://acme.gatehouse.app/", origin: CUSTOM },
  { name: "a path only", returnTo: "/requests", origin: CUSTOM },
  { name: "unreadable", returnTo: "https://[nope/", origin: CUSTOM },
];

function runExample(language: ExampleLanguage, program: (file: string) => { command: string; args: string[] }): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-example-"));
  const file = path.join(dir, language === "node" ? "example.cjs" : "example.py");
  writeFileSync(file, integrationExample(language, input));
  const { command, args } = program(file);
  const run = spawnSync(command, args, {
    encoding: "utf8",
    // NODE_PATH lets the example's require("jsonwebtoken") find this project's copy.
    env: childProcessEnv({ NODE_PATH: path.resolve("node_modules"), GATEHOUSE_SSO_SECRET: SECRET_A, CASES: JSON.stringify(CASES) }),
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout.trim().split("\n");
}

describe("the Node.js example", () => {
  let urls: string[] = [];
  beforeAll(() => {
    urls = runExample("node", (file) => ({
    command: process.execPath,
    args: [
      "-e",
      `const { helpCenterSignInUrl } = require(${JSON.stringify(file)});
       for (const c of JSON.parse(process.env.CASES)) console.log(helpCenterSignInUrl({ id: 7, email: "ex@example.com", name: "Ex" }, "key-123", c.returnTo ?? undefined));`,
      ],
    }));
  });

  CASES.forEach((testCase, index) => {
    it(`sends the token to ${testCase.origin} when ${testCase.name}`, () => {
      const url = new URL(urls[index] ?? "");
      expect(url.origin).toBe(testCase.origin);
      expect(url.pathname).toBe("/sso/jwt");
      expect(url.searchParams.get("return_to")).toBe(testCase.returnTo);
    });
  });

  it("mints a token that Gatehouse's verifier accepts, with the key as jti and the issuer and audience set", async () => {
    const token = new URL(urls[0] ?? "").searchParams.get("jwt")!;
    const result = await verifySsoToken(token, ssoConfig({ issuer: input.issuer, audience: input.audience }), new Date());
    expect(result.ok && result.token.jti).toBe("key-123");
  });
});

/** A Python with PyJWT (Debian's python3-jwt) if there is one, else any Python, else none. */
const PYTHONS = ["python3", "/usr/bin/python3"];
const pythonWithPyJwt = PYTHONS.find((command) => spawnSync(command, ["-c", "import jwt"]).status === 0);
const anyPython = pythonWithPyJwt ?? PYTHONS.find((command) => spawnSync(command, ["--version"]).status === 0);

describe.skipIf(!anyPython)("the Python example", () => {
  // Without PyJWT, a stand-in that only leaves the token's encoding untested.
  const stub = pythonWithPyJwt
    ? ""
    : `stub = types.ModuleType("jwt")
stub.encode = lambda claims, key, algorithm: "token-for-" + claims["jti"]
sys.modules["jwt"] = stub
`;
  let lines: string[] = [];
  beforeAll(() => {
    lines = runExample("python", (file) => ({
      command: anyPython!,
      args: [
        "-c",
        `import json, os, sys, types
${stub}namespace = {}
exec(open(${JSON.stringify(file)}).read(), namespace)
user = types.SimpleNamespace(id=7, email="ex@example.com", name="Ex")
for case in json.loads(os.environ["CASES"]):
    print(namespace["help_center_sign_in_url"](user, "key-123", case["returnTo"]))`,
      ],
    }));
  });

  it("chooses the same address as the Node.js example in every case, and keeps return_to", () => {
    expect(lines.map((line) => new URL(line).origin)).toEqual(CASES.map((testCase) => testCase.origin));
    expect(lines.map((line) => new URL(line).searchParams.get("return_to"))).toEqual(CASES.map((testCase) => testCase.returnTo));
  });

  // One test either way: under CI a skipped test counts as failed (scripts/test.ts).
  it(pythonWithPyJwt ? "mints, with PyJWT, a token that Gatehouse's verifier accepts, with the key as jti and the issuer and audience set" : "passes the key as jti (to a stand-in: PyJWT is not installed here)", async () => {
    const token = new URL(lines[0] ?? "").searchParams.get("jwt")!;
    if (!pythonWithPyJwt) return expect(token).toBe("token-for-key-123");
    const result = await verifySsoToken(token, ssoConfig({ issuer: input.issuer, audience: input.audience }), new Date());
    expect(result.ok ? { jti: result.token.jti, email: result.token.profile.email } : result).toEqual({ jti: "key-123", email: "ex@example.com" });
  });
});

describe("literals in the examples", () => {
  it("never lets an issuer be interpolated in PHP or Ruby", () => {
    const risky = { ...input, issuer: "it's $HOME #{`id`}\\" };
    expect(integrationExample("php", risky)).toContain(`'iss' => 'it\\'s $HOME #{\`id\`}\\\\',`);
    expect(integrationExample("ruby", risky)).toContain(`iss: 'it\\'s $HOME #{\`id\`}\\\\',`);
  });
});

describe("exampleOrigins", () => {
  it("lists the custom domain first, then the subdomain; one address when there is no custom domain", () => {
    expect(exampleOrigins(CUSTOM, SUBDOMAIN)).toEqual([CUSTOM, SUBDOMAIN]);
    expect(exampleOrigins(SUBDOMAIN, SUBDOMAIN)).toEqual([SUBDOMAIN]);
  });
});
