import type * as Generated from "./contract.gen";

// The JSON contract of the WordRedline API, as the pane uses it. The types come from contract.gen.ts, which
// `npm run contract` generates from the service's committed OpenAPI document (src/WordRedline.Api/openapi/v1.json);
// the e2e suite fails when the running service's document differs from the committed one. Two adjustments only:
// - OpenAPI marks every C# reference type nullable; the engine never sends null where a value is required, so
//   null is dropped (Present);
// - positional C# records (Edit, ParagraphInput, SuggestedParagraph, ...) come out with every property optional;
//   they are always complete on the wire, so they are made required (Complete).

type Present<T> = T extends readonly (infer U)[] ? readonly Present<U>[]
  : T extends object ? { readonly [K in keyof T]: Present<Exclude<T[K], null>> } : T;
type Complete<T> = Present<Required<T>>;

export type Category = Generated.Category;
export type Severity = Generated.Severity;
export type Edit = Complete<Generated.Edit>;
export type ParagraphInput = Complete<Generated.ParagraphInput>;
export type SuggestedParagraph = Complete<Generated.SuggestedParagraph>;
export type PartyInfo = Present<Generated.PartyInfo>;
export type Protection = Present<Generated.Protection>;
export type AddendumReference = { readonly paragraphId: string; readonly edit: Edit; readonly changes?: readonly Edit[] }
  & Omit<Present<Generated.AddendumReference>, "paragraphId" | "edit" | "changes">;

type WithEdits<T, K extends string> = Omit<Present<T>, K> & { readonly [P in K]: readonly Edit[] };
export type Finding = WithEdits<Omit<Generated.Finding, "changes">, "edits"> & { readonly changes?: readonly Edit[] };
export type DocumentFinding = Omit<Present<Generated.DocumentFinding>, "paragraphs"> & { readonly paragraphs: readonly SuggestedParagraph[] };
export type AnalyzeRequest = Omit<Present<Generated.AnalyzeRequest>, "paragraphs"> & { readonly paragraphs: readonly ParagraphInput[] };
export type AnalyzeResponse = Omit<Present<Generated.AnalyzeResponse>, "findings" | "documentFindings" | "protections" | "addendumReference"> & {
  readonly findings: readonly Finding[];
  readonly documentFindings: readonly DocumentFinding[];
  readonly protections: readonly Protection[];
  readonly addendumReference?: AddendumReference;
};
export type AddendumRequest = Present<Generated.AddendumRequest>;
export type AddendumResponse = Omit<Present<Generated.AddendumResponse>, "paragraphs" | "terms"> & {
  readonly paragraphs: readonly SuggestedParagraph[];
  readonly terms: Complete<Generated.AddendumTerms>;
};
export type ChangesRequest = { readonly text: string; readonly edits: readonly Edit[] } & Omit<Present<Generated.ChangesRequest>, "text" | "edits">;
export type ChangesResponse = { readonly changes: readonly Edit[] } & Omit<Present<Generated.ChangesResponse>, "changes">;
/** GET /api/v1/config: what the pane needs before its first call. No secrets. */
export type ServiceConfig = Omit<Present<Generated.ClientConfig>, "auth"> & { readonly auth: Present<Generated.AuthConfig> };

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
