// /api/health/live: liveness without the database, and the benchmarks' empty route in both forms.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/live/route";

describe("GET /api/health/live", () => {
  it("answers 204 with no body", async () => {
    const response = GET(new Request("http://localhost:3000/api/health/live"));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });

  it("answers a small JSON body with ?format=json", async () => {
    const response = GET(new Request("http://localhost:3000/api/health/live?format=json"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: "live" });
  });
});
