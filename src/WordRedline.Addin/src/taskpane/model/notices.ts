import { ApiError } from "../../api/client";
import { placeOfId } from "../../word/stories";
import type { ApplyResult } from "../../word/types";

// Every message the pane shows, written for the person reading the contract.

export interface Notice {
  readonly intent: "error" | "warning" | "success" | "info";
  readonly title: string;
  readonly message: string;
  readonly action?: "retry" | "signIn" | "replaceAddendum" | "retryAddendum" | "retryBatch";
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function noticeForError(error: unknown, action: Notice["action"] = "retry"): Notice {
  if (error instanceof ApiError) {
    switch (error.kind) {
      case "offline":
        return { intent: "error", title: "Service unreachable", message: "WordRedline could not reach its service. Check your connection; if it keeps happening, ask whoever set up WordRedline whether the service is running.", action };
      case "timeout":
        return { intent: "error", title: "No answer in time", message: `${error.message} Nothing was changed. Try again; a very long document may need a second try.`, action };
      case "unauthorized":
        return { intent: "warning", title: "Sign in needed", message: "Sign in with your work account to scan this document.", action: "signIn" };
      case "forbidden":
        return { intent: "error", title: "No access", message: "Your account is signed in but not allowed to use this WordRedline service. Ask your administrator to grant you access." };
      case "tooLarge":
        return { intent: "error", title: "Document too large", message: "This document is larger than the service accepts in one scan. Split it into parts, or ask your administrator to raise the service's limits." };
      case "rateLimited":
        return { intent: "warning", title: "Service busy", message: `Too many requests just now. Try again in ${error.retryAfter ?? 1} s.`, action };
      case "invalid":
        return { intent: "error", title: "Request refused", message: error.message, action };
      case "server":
        return { intent: "error", title: "Service error", message: `${error.message} Try again; if it keeps failing, tell your administrator.`, action };
    }
  }
  const message = error instanceof Error ? error.message.replace(/\.$/, "") : String(error);
  return { intent: "error", title: "Word could not do that", message: `Word reported: ${message}. Nothing was left half-done; try again.`, action };
}

/** A sign-in that did not finish (window closed or blocked, account refused): the way forward is to try again. */
export function noticeForSignIn(error: unknown): Notice {
  const detail = error instanceof Error && /closed|cancel|block|pop-?up/i.test(error.message) ? " The sign-in window was closed or blocked." : "";
  return {
    intent: "warning", title: "Sign-in did not finish",
    message: `WordRedline could not sign you in.${detail} Choose Sign in to try again; if it keeps failing, ask your administrator whether your account may use WordRedline.`,
    action: "signIn",
  };
}

/** One notice for the results of accepting findings (one batch or all of them). */
export function noticeForResults(results: readonly ApplyResult[], tracked: boolean, batchNote = ""): Notice {
  const count = (...s: ApplyResult["status"][]) => results.filter((r) => s.includes(r.status)).length;
  const applied = count("applied");
  const drift = count("drift");
  const missing = count("notFound", "conflict");
  const failed = count("failed");
  const appliedResults = results.filter((r): r is Extract<ApplyResult, { status: "applied" }> => r.status === "applied");
  const refused = appliedResults.filter((r) => r.commentRefused).length;
  const copies = appliedResults.reduce((n, r) => n + (r.copies?.length ?? 0), 0);
  const parts: string[] = [];
  if (applied > 0) {
    parts.push(tracked ? `${plural(applied, "change")} added as tracked changes.`
      : `${plural(applied, "change")} applied directly (this Word cannot record tracked changes from add-ins); review them before sending.`);
  }
  if (copies > 0) parts.push(`The same ${copies === 1 ? "change went" : "changes went"} into ${plural(copies, "copy", "copies")} of that header or footer in other sections.`);
  const changed = [...new Set(appliedResults.flatMap((r) => r.copiesChanged ?? []))].map((id) => placeOfId(id) ?? id);
  if (changed.length > 0) {
    const where = changed.map((c) => `the ${c.toLowerCase()}`).join("; ");
    const one = changed.length === 1;
    parts.push(`Not changed: the ${one ? "copy" : "copies"} in ${where}, because ${one ? "it was" : "they were"} edited since the scan (or Word could not write ${one ? "it" : "them"}). Check ${one ? "it" : "them"} by hand, or scan again.`);
  }
  if (refused > 0) parts.push(`Word allows no comments in headers and footers, so ${refused === 1 ? "that change has" : `${refused} changes have`} no comment; explain ${refused === 1 ? "it" : "them"} in your cover note.`);
  if (drift > 0) parts.push(`${plural(drift, "paragraph")} changed since the scan, so nothing was applied there; the list now shows the updated suggestions.`);
  if (missing > 0) parts.push(`${plural(missing, "suggestion")} could not be placed exactly (a field, hidden text, another change or someone's redline in the way): select the card and edit by hand.`);
  if (failed > 0) parts.push(`${plural(failed, "suggestion")} did not go in because Word stopped the batch; nothing of ${failed === 1 ? "it" : "them"} was written. Try again.`);
  if (batchNote) parts.push(batchNote);
  const problems = drift + missing + failed + changed.length;
  const intent = problems === 0 ? (tracked ? "success" : "warning") : applied > 0 ? "warning" : "error";
  return { intent, title: applied > 0 ? "Changes applied" : "Nothing applied", message: parts.join(" "), ...(failed > 0 ? { action: "retryBatch" as const } : {}) };
}
