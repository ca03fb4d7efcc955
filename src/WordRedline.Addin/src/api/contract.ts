// The JSON contract of the WordRedline API (src/WordRedline.Core/Contract/*.cs, camelCase). Kept by hand: the
// C# records are the source of truth and the API tests pin the JSON.

export type Category =
  | "ai-training"
  | "usage-scope"
  | "license-breadth"
  | "derivative-works"
  | "data-sharing"
  | "ip-assignment"
  | "moral-rights"
  | "ai-protection"
  | "ai-training-silent";

export type Severity = "high" | "medium" | "low" | "info";

export interface ParagraphInput {
  readonly id: string;
  readonly text: string;
}

export interface AnalyzeRequest {
  readonly paragraphs: readonly ParagraphInput[];
  readonly party?: string;
  readonly playbook?: string;
}

export interface Edit {
  readonly start: number;
  readonly length: number;
  readonly replacement: string;
}

export interface PartyInfo {
  readonly name: string;
  readonly counterparty: string;
  readonly workTerm: string;
  readonly detected: boolean;
  readonly candidates?: readonly string[];
}

export interface Finding {
  readonly id: string;
  readonly paragraphId: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly title: string;
  readonly explanation: string;
  readonly start: number;
  readonly length: number;
  readonly quote: string;
  /** The intended edits (what the engine proposes), in the paragraph's offsets. */
  readonly edits: readonly Edit[];
  /** The same fix as the word-level redline, computed once by the engine: the pane writes exactly these. */
  readonly changes?: readonly Edit[];
  /** For the user only: why the edit protects them (shown in the pane, never written into the document). */
  readonly rationale: string;
  /** Written into the document as the Word comment: it speaks to the counterparty. */
  readonly comment?: string;
  readonly ruleId?: string;
  /** Protective wording nearby already covers the risk (severity lowered, no edits). */
  readonly mitigated?: boolean;
}

export interface SuggestedParagraph {
  readonly text: string;
  readonly style: string;
}

export interface DocumentFinding {
  readonly id: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly title: string;
  readonly explanation: string;
  readonly insertAfterParagraphId: string;
  readonly paragraphs: readonly SuggestedParagraph[];
  readonly rationale: string;
  readonly comment?: string;
}

export interface Protection {
  readonly key: string;
  readonly title?: string;
  readonly present: boolean;
  readonly paragraphId?: string;
}

export interface AddendumReference {
  readonly paragraphId: string;
  readonly edit: Edit;
  readonly changes?: readonly Edit[];
}

/** POST /api/v1/changes: the word-level redline for edits the user made to the proposed wording. */
export interface ChangesRequest {
  readonly text: string;
  readonly edits: readonly Edit[];
}

export interface ChangesResponse {
  readonly changes: readonly Edit[];
}

export interface AnalyzeResponse {
  readonly party: PartyInfo;
  readonly score: number;
  readonly grade: string;
  readonly findings: readonly Finding[];
  readonly documentFindings: readonly DocumentFinding[];
  readonly protections: readonly Protection[];
  readonly addendumReference?: AddendumReference;
  readonly playbook?: string;
}

export interface AddendumRequest {
  readonly party?: string;
  readonly counterparty?: string;
  readonly workTerm?: string;
  readonly format: "paragraphs";
}

export interface AddendumResponse {
  readonly format: "paragraphs";
  readonly terms: { readonly party: string; readonly counterparty: string; readonly workTerm: string };
  readonly paragraphs: readonly SuggestedParagraph[];
  readonly referenceSentence: string;
}

/** GET /api/v1/config: what the pane needs before its first call. No secrets. */
export interface ServiceConfig {
  readonly auth: {
    readonly enabled: boolean;
    readonly clientId?: string;
    readonly authority?: string;
    readonly scopes?: readonly string[];
  };
  readonly version?: string;
  readonly playbook?: string;
  readonly limits?: { readonly maxParagraphs: number; readonly maxTotalChars: number; readonly maxRequestBytes: number };
}

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  "ai-training": "AI training",
  "usage-scope": "Usage scope",
  "license-breadth": "License breadth",
  "derivative-works": "Derivative works",
  "data-sharing": "Data sharing",
  "ip-assignment": "IP assignment",
  "moral-rights": "Moral rights",
  "ai-protection": "AI protection",
  "ai-training-silent": "Silent on AI training",
};

export const SEVERITY_ORDER: readonly Severity[] = ["high", "medium", "low", "info"];
