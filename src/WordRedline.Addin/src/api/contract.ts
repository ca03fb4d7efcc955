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
  readonly edits: readonly Edit[];
  readonly rationale: string;
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
