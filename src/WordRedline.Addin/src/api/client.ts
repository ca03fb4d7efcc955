import type {
  AddendumRequest, AddendumResponse, AnalyzeRequest, AnalyzeResponse, ChangesRequest, ChangesResponse, ServiceConfig,
} from "./contract";

/** Why a call failed, in the terms the pane offers a way forward for. */
export type ApiErrorKind = "offline" | "timeout" | "unauthorized" | "forbidden" | "tooLarge" | "rateLimited" | "invalid" | "server";

/** How long a call may take before the pane gives up and offers a retry (a hung service must not freeze it). */
export const TIMEOUT_MS = { analyze: 60_000, other: 15_000 } as const;

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    /** Seconds to wait, from Retry-After on 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Supplies a bearer token when the service wants one; null in local mode. */
export type TokenSource = () => Promise<string | null>;

export interface WordRedlineApi {
  config(): Promise<ServiceConfig>;
  analyze(request: AnalyzeRequest, signal?: AbortSignal): Promise<AnalyzeResponse>;
  addendum(request: AddendumRequest): Promise<AddendumResponse>;
  /** The word-level redline for wording the user edited (the engine's diff, never the pane's). */
  changes(request: ChangesRequest, signal?: AbortSignal): Promise<ChangesResponse>;
}

/** The typed client. baseUrl is the service origin; by default the pane's own origin (no CORS). */
export function createApiClient(
  baseUrl: string,
  token: TokenSource = async () => null,
  fetcher: typeof fetch = (input, init) => fetch(input, init),
  timeouts: { readonly analyze: number; readonly other: number } = TIMEOUT_MS,
): WordRedlineApi {
  async function call<T>(method: "GET" | "POST", path: string, body?: unknown, signal?: AbortSignal, auth = true): Promise<T> {
    const limit = path.endsWith("/analyze") ? timeouts.analyze : timeouts.other;
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), limit);
    try {
      return await send<T>(method, path, body, signal ? AbortSignal.any([signal, timer.signal]) : timer.signal, auth);
    } catch (error) {
      if (timer.signal.aborted && !signal?.aborted) throw new ApiError("timeout", `The WordRedline service did not answer within ${Math.round(limit / 1000)} s.`);
      throw error;
    } finally {
      clearTimeout(timeout);
    }
  }

  async function send<T>(method: "GET" | "POST", path: string, body: unknown, signal: AbortSignal, auth: boolean): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let bearer: string | null = null;
    try {
      bearer = auth ? await token() : null;
    } catch {
      // Office or Entra ID could not give a token (no network to it, a refused account): the user can sign in again.
      throw new ApiError("unauthorized", "Sign-in did not complete.");
    }
    if (bearer) headers["Authorization"] = `Bearer ${bearer}`;
    let response: Response;
    try {
      response = await fetcher(new URL(path, baseUrl), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") throw error;
      throw new ApiError("offline", "The WordRedline service is not reachable.");
    }
    if (response.ok) return (await response.json()) as T;
    throw await toError(response);
  }

  return {
    config: () => call<ServiceConfig>("GET", "/api/v1/config", undefined, undefined, false),
    analyze: (request, signal) => call<AnalyzeResponse>("POST", "/api/v1/analyze", request, signal),
    addendum: (request) => call<AddendumResponse>("POST", "/api/v1/addendum", request),
    changes: (request, signal) => call<ChangesResponse>("POST", "/api/v1/changes", request, signal),
  };
}

async function toError(response: Response): Promise<ApiError> {
  const status = response.status;
  let detail = "";
  try {
    const problem = (await response.json()) as { title?: string; detail?: string; errors?: Record<string, string[]> };
    const first = problem.errors ? Object.values(problem.errors).flat()[0] : undefined;
    detail = first ?? problem.detail ?? problem.title ?? "";
  } catch {
    // Not a problem document (a proxy's HTML page, an empty 502): the status says enough.
  }
  switch (status) {
    case 401: return new ApiError("unauthorized", "Sign in to use WordRedline.", status);
    case 403: return new ApiError("forbidden", "Your account is not allowed to use this WordRedline service.", status);
    case 413: return new ApiError("tooLarge", "This document is larger than the service accepts.", status);
    case 429: {
      const retry = Number(response.headers.get("Retry-After"));
      return new ApiError("rateLimited", "Too many requests.", status, Number.isFinite(retry) && retry > 0 ? retry : 1);
    }
    default:
      if (status >= 400 && status < 500) return new ApiError("invalid", detail || `The service refused the request (${status}).`, status);
      if (status === 502 || status === 503 || status === 504) return new ApiError("offline", "The WordRedline service is not reachable.", status);
      return new ApiError("server", `The service failed (${status}).`, status);
  }
}
