// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { AnalyzeRequest, AnalyzeResponse, Finding } from "../../../src/WordRedline.Addin/src/api/contract";
import { ApiError, type WordRedlineApi } from "../../../src/WordRedline.Addin/src/api/client";
import { NO_AUTH } from "../../../src/WordRedline.Addin/src/api/auth";
import { App } from "../../../src/WordRedline.Addin/src/taskpane/components/App";
import { officeSettings } from "../../../src/WordRedline.Addin/src/word/settings";
import type { ApiVersion } from "../fakes/fakeWord";
import { wordWith } from "../support/harness";

// The pane in jsdom over the fake Word, with an in-process stand-in for the service that flags "for any purpose"
// (the real engine is exercised by the corpus and browser suites). Checks the pane's own behaviour: polling on
// older Word, the party choice and dismissals persisted in document settings, older-Word gating, errors.

afterEach(cleanup);

const PHRASE = "for any purpose";

function serviceDouble(fail?: ApiError) {
  const requests: AnalyzeRequest[] = [];
  const api: WordRedlineApi = {
    config: async () => ({ auth: { enabled: false } }),
    changes: async (request) => ({ changes: request.edits }),
    addendum: async () => ({ format: "paragraphs", terms: { party: "Designer", counterparty: "Agency", workTerm: "Work" }, paragraphs: [{ text: "AI Protection Addendum", style: "Heading1" }], referenceSentence: "" }),
    analyze: async (request) => {
      requests.push(request);
      if (fail) throw fail;
      const findings: Finding[] = request.paragraphs.flatMap((p) => {
        const at = p.text.indexOf(PHRASE);
        return at < 0 ? [] : [{
          id: `f-${p.id}`, paragraphId: p.id, category: "usage-scope", severity: "high", title: `Any purpose in ${p.text.slice(0, 12)}`,
          explanation: "Open-ended use.", start: at, length: PHRASE.length, quote: PHRASE,
          edits: [{ start: at + 4, length: 11, replacement: "the Project" }], changes: [{ start: at + 4, length: 11, replacement: "the Project" }],
          rationale: "Names the purpose.", comment: "The purpose is limited to the Project.", ruleId: "usage-scope.any-purpose",
        }];
      });
      const response: AnalyzeResponse = {
        party: { name: request.party ?? "Designer", counterparty: "Agency", workTerm: "Work", detected: !request.party, candidates: ["Agency", "Designer"] },
        score: findings.length ? 30 : 90, grade: findings.length ? "F" : "A", findings, documentFindings: [], protections: [], playbook: "freelancer-ai@test",
      };
      return response;
    },
  };
  return { api, requests };
}

function mount(paragraphs: string[], apiVersion: ApiVersion, api: WordRedlineApi) {
  const word = wordWith(paragraphs, { apiVersion });
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={word.gateway} api={api} auth={NO_AUTH} settings={officeSettings} debounceMs={10} pollMs={40} />
    </FluentProvider>,
  );
  return word;
}

const scan = () => act(async () => fireEvent.click(screen.getByRole("button", { name: "Scan document" })));

describe("task pane", () => {
  it("on WordApi 1.4 polls and picks up an edit without paragraph events", async () => {
    const { doc } = mount(["Use the Work for any purpose.", "Other terms."], "1.4", serviceDouble().api);
    await scan();
    await screen.findByText(/Any purpose in Use the Work/);
    expect(screen.getByTestId("live").textContent).toContain("Live");
    act(() => doc.userReplaceParagraph(1, "Share it for any purpose too."));
    await screen.findByText(/Any purpose in Share it for/, undefined, { timeout: 2000 });
  });

  it("on WordApi 1.6 re-reads only the changed paragraph after an event", async () => {
    const service = serviceDouble();
    const { doc } = mount(["Use the Work for any purpose.", "Other terms."], "1.6", service.api);
    await scan();
    await screen.findByText(/Any purpose in Use the Work/);
    const reads = doc.syncCount;
    act(() => doc.userReplaceParagraph(1, "Share it for any purpose too."));
    await screen.findByText(/Any purpose in Share it for/, undefined, { timeout: 2000 });
    // readChanged: the order, then the one changed paragraph; then the (empty) headers, footers and notes, two more.
    expect(doc.syncCount - reads).toBe(4);
    expect(service.requests.at(-1)?.paragraphs.map((p) => p.text)).toEqual(["Use the Work for any purpose.", "Share it for any purpose too."]);
  });

  it("remembers the chosen party in the document and re-analyzes with it", async () => {
    const service = serviceDouble();
    const { doc } = mount(["Use the Work for any purpose."], "1.6", service.api);
    await scan();
    await screen.findByTestId("party");
    await act(async () => fireEvent.click(screen.getByTestId("party")));
    await act(async () => fireEvent.click(await screen.findByRole("option", { name: "Agency" })));
    await waitFor(() => expect(service.requests.at(-1)?.party).toBe("Agency"));
    expect(doc.settings.get("wordredline.party")).toBe("Agency");
  });

  it("dismiss hides the card and is stored with the document", async () => {
    const { doc } = mount(["Use the Work for any purpose."], "1.6", serviceDouble().api);
    await scan();
    await screen.findByTestId("finding-card");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /^Dismiss: / })));
    await waitFor(() => expect(screen.queryByTestId("finding-card")).toBeNull());
    expect((doc.settings.get("wordredline.dismissed") as string[]).length).toBe(1);
    // Dismissing hides the card, not the risk: the clause is still in the contract.
    expect(screen.getByTestId("risk-count").textContent).toMatch(/^1 open risk/);
  });

  it("on WordApi 1.3 warns, asks before writing untracked, then applies the edit and says so", async () => {
    const { doc } = mount(["Use the Work for any purpose."], "1.3", serviceDouble().api);
    expect(screen.getByText(/cannot record tracked changes/)).toBeTruthy();
    await scan();
    await screen.findByTestId("finding-card");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /^Accept: / })));
    await screen.findByTestId("confirm-untracked");
    expect(doc.acceptedText()).toEqual(["Use the Work for any purpose."]);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Apply directly" })));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("applied directly"));
    expect(doc.acceptedText()).toEqual(["Use the Work for the Project."]);
    expect(doc.trackedChanges()).toEqual([]);
  });

  it("on WordApi 1.3 the addendum asks first too; Cancel writes nothing, Insert directly writes it untracked", async () => {
    const { doc } = mount(["Use the Work for any purpose."], "1.3", serviceDouble().api);
    await scan();
    await screen.findByTestId("finding-card");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Insert AI addendum" })));
    expect((await screen.findByTestId("confirm-untracked")).textContent).toMatch(/cannot record the addendum as tracked changes/);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Cancel" })));
    expect(doc.acceptedText()).toEqual(["Use the Work for any purpose."]);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Insert AI addendum" })));
    await act(async () => fireEvent.click(await screen.findByRole("button", { name: "Insert directly" })));
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Addendum inserted"));
    expect(doc.acceptedText()).toContain("AI Protection Addendum");
    expect(doc.trackedChanges()).toEqual([]);
  });

  it("on a WordApi 1.6 host that gives no paragraph ids, scans by index and keeps the list live by polling", async () => {
    const service = serviceDouble();
    const word = wordWith(["Use the Work for any purpose.", "Other terms."], { uniqueLocalIds: false });
    render(
      <FluentProvider theme={webLightTheme}>
        <App gateway={word.gateway} api={service.api} auth={NO_AUTH} settings={officeSettings} debounceMs={10} pollMs={40} />
      </FluentProvider>,
    );
    await scan();
    await screen.findByText(/Any purpose in Use the Work/);
    expect(service.requests[0]?.paragraphs.map((p) => p.id)).toEqual(["p0", "p1"]);
    expect(screen.getByTestId("live").textContent).toBe("Live: updates every few seconds");
    act(() => word.doc.userReplaceParagraph(1, "Share it for any purpose too."));
    await screen.findByText(/Any purpose in Share it for/, undefined, { timeout: 2000 });
  });

  it("a document over the service's limit gets a clear message and keeps nothing half-done", async () => {
    mount(["Use the Work for any purpose."], "1.6", serviceDouble(new ApiError("tooLarge", "big", 413)).api);
    await scan();
    await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("Document too large"));
  });
});
