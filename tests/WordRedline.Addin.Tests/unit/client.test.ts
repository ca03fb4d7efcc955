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

  it("a service that never answers times out (so the pane offers a retry), and the caller's own cancel still wins", async () => {
    // Like fetch: never settles by itself, rejects with AbortError once its signal aborts (or already has).
    const hanging = ((_url: URL | RequestInfo, init?: RequestInit) => new Promise<Response>((_, reject) => {
      const abort = () => reject(new DOMException("aborted", "AbortError"));
      if (init?.signal?.aborted) abort();
      else init?.signal?.addEventListener("abort", abort);
    })) as typeof fetch;
    const client = createApiClient("https://h", undefined, hanging, { analyze: 5, other: 5 });
    const error = await client.analyze({ paragraphs: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe("timeout");
    expect((error as ApiError).message).toMatch(/did not answer within/);
    expect(await kindOf(client.addendum({}))).toBe("timeout");
    const cancel = new AbortController();
    const slow = createApiClient("https://h", undefined, hanging, { analyze: 60_000, other: 60_000 });
    const pending = slow.analyze({ paragraphs: [] }, cancel.signal).catch((e: unknown) => e);
    cancel.abort();
    expect(await pending).toBeInstanceOf(DOMException);
  });

  it("a token Office or Entra ID cannot give is 'unauthorized' (the pane offers Sign in), not a Word error", async () => {
    const { calls, fetcher } = recorder(200, {});
    const refused = async (): Promise<string | null> => { throw new Error("network_error: login.microsoftonline.com unreachable"); };
    expect(await kindOf(createApiClient("https://h", refused, fetcher).analyze({ paragraphs: [] }))).toBe("unauthorized");
    expect(calls).toEqual([]);
  });

  it("a network failure is 'offline'", async () => {
    const failing = (async () => { throw new TypeError("Failed to fetch"); }) as typeof fetch;
    expect(await kindOf(createApiClient("https://h", undefined, failing).config())).toBe("offline");
  });
});
