/* eslint-disable */
/* tslint:disable */
// @ts-nocheck
/*
 * ---------------------------------------------------------------
 * ## THIS FILE WAS GENERATED VIA SWAGGER-TYPESCRIPT-API        ##
 * ##                                                           ##
 * ## AUTHOR: acacode                                           ##
 * ## SOURCE: https://github.com/acacode/swagger-typescript-api ##
 * ---------------------------------------------------------------
 */

export interface AddendumReference {
  changes?: Edit[] | null;
  edit?: Edit;
  paragraphId?: string | null;
}

export interface AddendumRequest {
  counterparty?: string | null;
  format?: string | null;
  party?: string | null;
  playbook?: string | null;
  workTerm?: string | null;
}

export interface AddendumResponse {
  format?: string | null;
  paragraphs?: SuggestedParagraph[] | null;
  referenceSentence?: string | null;
  terms?: AddendumTerms;
  text?: string | null;
}

export interface AddendumTerms {
  counterparty?: string | null;
  party?: string | null;
  workTerm?: string | null;
}

export interface AnalyzeDocxForm {
  /** @format binary */
  file?: File | null;
  party?: string | null;
  playbook?: string | null;
}

export interface AnalyzeRequest {
  paragraphs: ParagraphInput[] | null;
  party?: string | null;
  playbook?: string | null;
}

export interface AnalyzeResponse {
  addendumReference?: AddendumReference;
  documentFindings: DocumentFinding[] | null;
  findings: Finding[] | null;
  grade: string | null;
  party: PartyInfo;
  playbook: string | null;
  protections: Protection[] | null;
  /** @format int32 */
  score: number;
}

export interface AuthConfig {
  authority?: string | null;
  clientId?: string | null;
  enabled?: boolean;
  scopes?: string[] | null;
}

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

export interface ChainProblem {
  entry?: string | null;
  message?: string | null;
  /** @format int32 */
  sequence?: number;
}

export interface ChainReport {
  /** @format int32 */
  entries?: number;
  head?: string | null;
  intact?: boolean;
  problems?: ChainProblem[] | null;
}

export interface ChangeDecision {
  comment?: string | null;
  paragraphId: string | null;
  ruleId: string | null;
  status: string | null;
  title?: string | null;
  wording?: string | null;
}

export interface ChangesRequest {
  edits?: Edit[] | null;
  text?: string | null;
}

export interface ChangesResponse {
  changes?: Edit[] | null;
}

export interface ClientConfig {
  auth?: AuthConfig;
  limits?: LimitsConfig;
  playbook?: string | null;
  version?: string | null;
}

export interface ContractRequest {
  counterpartyName?: string | null;
  partyName?: string | null;
  storeText?: boolean | null;
  title?: string | null;
}

export interface ContractView {
  counterpartyName: string | null;
  /** @format date-time */
  createdAt: string;
  head?: string | null;
  /** @format uuid */
  id: string;
  partyName: string | null;
  signature?: RecordSignature;
  storeText: boolean;
  title: string | null;
  /** @format int32 */
  versions: number;
}

export interface DocumentFinding {
  category: Category;
  comment?: string | null;
  explanation: string | null;
  id: string | null;
  insertAfterParagraphId: string | null;
  paragraphs: SuggestedParagraph[] | null;
  rationale: string | null;
  severity: Severity;
  title: string | null;
}

export interface Edit {
  /** @format int32 */
  length?: number;
  replacement?: string | null;
  /** @format int32 */
  start?: number;
}

export interface FillIn {
  /** @format int32 */
  edit?: number;
  /** @format int32 */
  length?: number;
  prompt?: string | null;
  /** @format int32 */
  start?: number;
}

export interface Finding {
  category: Category;
  changes?: Edit[] | null;
  clause?: string | null;
  comment?: string | null;
  edits: Edit[] | null;
  explanation: string | null;
  fillIns?: FillIn[] | null;
  heading?: string | null;
  id: string | null;
  /** @format int32 */
  length: number;
  mitigated?: boolean;
  paragraphId: string | null;
  quote: string | null;
  rationale: string | null;
  ruleId: string | null;
  severity: Severity;
  /** @format int32 */
  start: number;
  title: string | null;
}

export interface HttpValidationProblemDetails {
  detail?: string | null;
  errors?: Record<string, string[]> | null;
  instance?: string | null;
  /** @format int32 */
  status?: number | null;
  title?: string | null;
  type?: string | null;
  [key: string]: any;
}

export interface LetterRequest {
  date?: string | null;
  details?: string | null;
  format?: string | null;
  recipient?: string | null;
  /** @format int32 */
  respondWithinDays?: number | null;
  /** @format int32 */
  version?: number | null;
}

export interface LimitsConfig {
  /** @format int32 */
  maxParagraphChars?: number;
  /** @format int32 */
  maxParagraphs?: number;
  /** @format int64 */
  maxRequestBytes?: number;
  /** @format int32 */
  maxTotalChars?: number;
}

export interface Liveness {
  status?: string | null;
}

export interface ParagraphInput {
  id?: string | null;
  text?: string | null;
}

export interface PartyInfo {
  candidates?: string[] | null;
  certain?: boolean;
  counterparty: string | null;
  detected: boolean;
  name: string | null;
  reason?: string | null;
  workTerm: string | null;
}

export interface PlaybookRuleSummary {
  category?: string | null;
  explanation?: string | null;
  id?: string | null;
  severity?: string | null;
  title?: string | null;
}

export interface PlaybookSummary {
  id?: string | null;
  rules?: PlaybookRuleSummary[] | null;
  title?: string | null;
  /** @format int32 */
  version?: number;
}

export interface ProblemDetails {
  detail?: string | null;
  instance?: string | null;
  /** @format int32 */
  status?: number | null;
  title?: string | null;
  type?: string | null;
  [key: string]: any;
}

export interface Protection {
  key: string | null;
  paragraphId?: string | null;
  present: boolean;
  title: string | null;
}

export interface ProtectionChange {
  clause?: string | null;
  key?: string | null;
  title?: string | null;
}

export interface ProtectionDiff {
  added: ProtectionChange[] | null;
  /** @format int32 */
  from: number;
  gradeFrom: string | null;
  gradeTo: string | null;
  kept: ProtectionChange[] | null;
  removed: ProtectionChange[] | null;
  sameDocument: boolean;
  /** @format int32 */
  scoreFrom: number;
  /** @format int32 */
  scoreTo: number;
  stillMissing: ProtectionChange[] | null;
  /** @format int32 */
  to: number;
}

export interface Readiness {
  /** @format int64 */
  docxQueued?: number;
  /** @format int32 */
  docxRunning?: number;
  identityProvider?: string | null;
  /** @format date-time */
  keysFetchedAt?: string | null;
  playbook?: string | null;
  /** @format int32 */
  rules?: number;
  status?: string | null;
}

export interface RecordAnalysis {
  grade?: string | null;
  playbook?: string | null;
  /** @format int32 */
  score?: number;
}

export interface RecordAuthor {
  name?: string | null;
  objectId?: string | null;
  tenantId?: string | null;
}

export interface RecordChange {
  clause?: string | null;
  comment?: string | null;
  heading?: string | null;
  /** @format int32 */
  paragraph?: number | null;
  placement?: string | null;
  rule?: string | null;
  status?: string | null;
  title?: string | null;
  wording?: string | null;
}

export interface RecordClause {
  sha256?: string | null;
  heading?: string | null;
  number?: string | null;
  /** @format int32 */
  paragraph?: number;
  roles?: string[] | null;
  text?: string | null;
}

export interface RecordDocument {
  sha256?: string | null;
  /** @format int32 */
  paragraphs?: number;
  textStored?: boolean;
  /** @format int32 */
  words?: number;
}

export interface RecordFacts {
  agreementDate: string | null;
  counterparty: string | null;
  counterpartyName: string | null;
  party: string | null;
  partyName: string | null;
  title: string | null;
  workTerm: string | null;
}

export interface RecordFinding {
  category?: string | null;
  clause?: string | null;
  hasFix?: boolean;
  mitigated?: boolean;
  /** @format int32 */
  paragraph?: number;
  rule?: string | null;
  severity?: string | null;
  title?: string | null;
}

export interface RecordProtection {
  clause?: string | null;
  key?: string | null;
  present?: boolean;
  title?: string | null;
}

export interface RecordSignature {
  hash?: string | null;
  /** @format int32 */
  sequence?: number;
  signedOn?: string | null;
}

export interface RedlineForm {
  addendum?: string | null;
  author?: string | null;
  comments?: string | null;
  /** @format binary */
  file?: File | null;
  party?: string | null;
  playbook?: string | null;
  riskComments?: string | null;
}

export interface SaveVersionRequest {
  decisions?: ChangeDecision[] | null;
  paragraphs?: ParagraphInput[] | null;
  party?: string | null;
  source?: string | null;
}

export type Severity = "info" | "low" | "medium" | "high";

export interface SignRequest {
  signedOn?: string | null;
}

export interface StoredText {
  paragraphs?: string[] | null;
  /** @format int32 */
  sequence?: number;
}

export interface SuggestedParagraph {
  style?: string | null;
  text?: string | null;
}

export interface VersionRecord {
  analysis?: RecordAnalysis;
  carveOut?: RecordClause;
  changes?: RecordChange[] | null;
  clauses?: RecordClause[] | null;
  /** @format uuid */
  contract: string;
  document?: RecordDocument;
  facts?: RecordFacts;
  findings?: RecordFinding[] | null;
  kind: string | null;
  readonly name?: string | null;
  previous: string | null;
  protections?: RecordProtection[] | null;
  recordedAt: string | null;
  recordedBy: RecordAuthor;
  schema: string | null;
  /** @format int32 */
  sequence: number;
  signs?: RecordSignature;
  source?: string | null;
}

export interface VersionView {
  hash?: string | null;
  record?: VersionRecord;
  /** @format int32 */
  sequence?: number;
  signature?: RecordSignature;
}
