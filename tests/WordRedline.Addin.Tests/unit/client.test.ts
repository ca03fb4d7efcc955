import { describe, expect, it } from "vitest";
import { ApiError, createApiClient } from "../../../src/WordRedline.Addin/src/api/client";

// The client against a recording fetch double: the URL, headers and body it sends, and how each failure maps to
// a kind the pane can offer a way forward for.

function recorder(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (url: URL | RequestInfo, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
  }) as typeof fetch;
  return { calls, fetcher };
}

const kindOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return "ok";
  } catch (e) {
    return e instanceof ApiError ? e.kind : String(e);
  }
};

describe("api client", () => {
  it("posts JSON to /api/v1/analyze with the bearer token", async () => {
    const { calls, fetcher } = recorder(200, { findings: [] });
    const client = createApiClient("https://localhost:5443", async () => "tok", fetcher);
    await client.analyze({ paragraphs: [{ id: "p0", text: "x" }], party: "Designer" });
    expect(calls[0]?.url).toBe("https://localhost:5443/api/v1/analyze");
    expect(calls[0]?.init.method).toBe("POST");
    expect(calls[0]?.init.headers).toEqual({ Accept: "application/json", "Content-Type": "application/json", Authorization: "Bearer tok" });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ paragraphs: [{ id: "p0", text: "x" }], party: "Designer" });
  });

  it("asks for /api/v1/config without a token (it tells the pane whether to sign in)", async () => {
    const { calls, fetcher } = recorder(200, { auth: { enabled: false } });
    let asked = false;
    await createApiClient("https://h", async () => { asked = true; return "tok"; }, fetcher).config();
    expect(asked).toBe(false);
    expect(calls[0]?.init.headers).toEqual({ Accept: "application/json" });
  });

  it("maps statuses to kinds", async () => {
    const cases: [number, string][] = [[401, "unauthorized"], [403, "forbidden"], [413, "tooLarge"], [429, "rateLimited"], [400, "invalid"], [503, "offline"], [500, "server"]];
    for (const [status, kind] of cases) {
      const { fetcher } = recorder(status, { title: "t" });
      expect(await kindOf(createApiClient("https://h", undefined, fetcher).analyze({ paragraphs: [] })), String(status)).toBe(kind);
    }
  });

  it("reads Retry-After on 429 and the first validation error on 400", async () => {
    const limited = recorder(429, undefined, { "Retry-After": "7" });
    const error429 = await createApiClient("https://h", undefined, limited.fetcher).analyze({ paragraphs: [] }).catch((e: ApiError) => e);
    expect((error429 as ApiError).retryAfter).toBe(7);
    const invalid = recorder(400, { title: "One or more validation errors occurred.", errors: { Paragraphs: ["At least one paragraph is required."] } });
    const error400 = await createApiClient("https://h", undefined, invalid.fetcher).analyze({ paragraphs: [] }).catch((e: ApiError) => e);
    expect((error400 as ApiError).message).toBe("At least one paragraph is required.");
  });

  it("a network failure is 'offline'", async () => {
    const failing = (async () => { throw new TypeError("Failed to fetch"); }) as typeof fetch;
    expect(await kindOf(createApiClient("https://h", undefined, failing).config())).toBe("offline");
  });
});
