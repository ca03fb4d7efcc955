import { ApiError, type TokenSource } from "../api/client";

// The versions API (/api/v1/contracts): the record of a contract's versions, the diff of its AI-related rights, the
// signed mark, the proof and the letters. Types mirror the service's JSON (camelCase).

export interface RecordProtection { readonly key: string; readonly title: string; readonly present: boolean; readonly clause: string | null }
export interface RecordSignature { readonly sequence: number; readonly hash: string; readonly signedOn: string }

export interface VersionRecord {
  readonly sequence: number;
  readonly recordedAt: string;
  readonly source?: string;
  readonly facts?: { readonly title: string | null; readonly counterpartyName: string | null };
  readonly analysis?: { readonly score: number; readonly grade: string };
  readonly protections?: readonly RecordProtection[];
}

export interface VersionView { readonly sequence: number; readonly hash: string; readonly record: VersionRecord; readonly signature: RecordSignature | null }

export interface ContractView {
  readonly id: string;
  readonly title: string | null;
  readonly counterpartyName: string | null;
  readonly storeText: boolean;
  readonly versions: number;
  readonly signature: RecordSignature | null;
}

export interface ProtectionChange { readonly key: string; readonly title: string; readonly clause: string | null }
export interface ProtectionDiff {
  readonly from: number; readonly to: number;
  readonly added: readonly ProtectionChange[]; readonly removed: readonly ProtectionChange[];
  readonly scoreFrom: number; readonly scoreTo: number; readonly gradeFrom: string; readonly gradeTo: string;
}

export interface ChangeDecision {
  readonly ruleId: string; readonly paragraphId: string; readonly status: "accepted" | "rejected";
  readonly title?: string; readonly comment?: string; readonly wording?: string;
}

export interface SaveVersion {
  readonly paragraphs: readonly { readonly id: string; readonly text: string }[];
  readonly party?: string;
  readonly source: "pane" | "accept-all";
  readonly decisions?: readonly ChangeDecision[];
}

export type LetterKind = "cover" | "audit" | "breach";
export interface LetterText { readonly kind: LetterKind; readonly subject: string; readonly text: string }

export interface VersionsApi {
  create(contract: { readonly title?: string; readonly storeText: boolean }): Promise<ContractView>;
  contract(id: string): Promise<ContractView>;
  versions(id: string): Promise<VersionView[]>;
  save(id: string, version: SaveVersion): Promise<VersionView>;
  sign(id: string, sequence: number, signedOn: string): Promise<VersionView>;
  diff(id: string, from: number, to: number): Promise<ProtectionDiff>;
  letterText(id: string, kind: LetterKind, version?: number): Promise<LetterText>;
  /** A .docx as base64, for Word to open as a new document. */
  letterDocx(id: string, kind: LetterKind, version?: number): Promise<string>;
  proofDocx(id: string): Promise<string>;
}

export function createVersionsApi(baseUrl: string, token: TokenSource, fetcher: typeof fetch = (i, init) => fetch(i, init)): VersionsApi {
  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const bearer = await token();
    if (bearer) headers["Authorization"] = `Bearer ${bearer}`;
    let response: Response;
    try {
      response = await fetcher(new URL(path, baseUrl), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError("offline", "The WordRedline service is not reachable.");
    }
    if (response.ok) return response;
    let detail = "";
    try {
      const problem = (await response.json()) as { detail?: string; errors?: Record<string, string[]> };
      detail = (problem.errors ? Object.values(problem.errors).flat()[0] : undefined) ?? problem.detail ?? "";
    } catch {
      // Not a problem document: the status says enough.
    }
    const kind = response.status === 401 ? "unauthorized" : response.status === 403 ? "forbidden" : response.status >= 500 ? "server" : "invalid";
    throw new ApiError(kind, detail || `The service refused the request (${response.status}).`, response.status);
  }
  const json = async <T,>(method: string, path: string, body?: unknown): Promise<T> => (await (await send(method, path, body)).json()) as T;
  const base64 = async (method: string, path: string, body?: unknown): Promise<string> => toBase64(await (await send(method, path, body)).arrayBuffer());
  const c = (id: string) => `/api/v1/contracts/${encodeURIComponent(id)}`;
  return {
    create: (contract) => json("POST", "/api/v1/contracts", contract),
    contract: (id) => json("GET", c(id)),
    versions: (id) => json("GET", `${c(id)}/versions`),
    save: (id, version) => json("POST", `${c(id)}/versions`, version),
    sign: (id, sequence, signedOn) => json("POST", `${c(id)}/versions/${sequence}/sign`, { signedOn }),
    diff: (id, from, to) => json("GET", `${c(id)}/diff?from=${from}&to=${to}`),
    letterText: (id, kind, version) => json("POST", `${c(id)}/letters/${kind}`, { version, format: "text" }),
    letterDocx: (id, kind, version) => base64("POST", `${c(id)}/letters/${kind}`, { version, format: "docx" }),
    proofDocx: (id) => base64("GET", `${c(id)}/export?format=docx`),
  };
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
