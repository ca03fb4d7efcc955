// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { AnalyzeRequest, AnalyzeResponse, DocumentFinding, Finding } from "../../../src/WordRedline.Addin/src/api/contract";
import type { WordRedlineApi } from "../../../src/WordRedline.Addin/src/api/client";
import { NO_AUTH } from "../../../src/WordRedline.Addin/src/api/auth";
import { App } from "../../../src/WordRedline.Addin/src/taskpane/components/App";
import { insertRequest } from "../../../src/WordRedline.Addin/src/taskpane/model/requests";
import { noticeForResults } from "../../../src/WordRedline.Addin/src/taskpane/model/notices";
import { officeSettings } from "../../../src/WordRedline.Addin/src/word/settings";
import type { FakeDocumentOptions } from "../fakes/fakeWord";
import { wordWith } from "../support/harness";

// The pane over headers, footers and footnotes (fake Word, a service stand-in that flags "for any purpose" in every
// paragraph it is sent, as the engine would): where each card says it is, what Accept writes, and what the pane says
// when Word cannot show footnotes.

afterEach(cleanup);
// Fluent's MessageBar (the result notice) measures itself; Word's browser has ResizeObserver, jsdom does not.
globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;

const PHRASE = "for any purpose";
const CLAUSE = "The Agency may use the Work for any purpose.";

function service() {
  const requests: AnalyzeRequest[] = [];
  const api: WordRedlineApi = {
    config: async () => ({ auth: { enabled: false } }),
    changes: async (request) => ({ changes: request.edits }),
    addendum: async () => { throw new Error("not used"); },
    analyze: async (request) => {
      requests.push(request);
      const findings: Finding[] = request.paragraphs.flatMap((p) => {
        const at = p.text.indexOf(PHRASE);
        return at < 0 ? [] : [{
          id: `f-${p.id}`, paragraphId: p.id, category: "usage-scope", severity: "high", title: "Any purpose", clause: "3", heading: "License",
          explanation: "Open-ended use.", start: at, length: PHRASE.length, quote: PHRASE,
          edits: [{ start: at + 4, length: 11, replacement: "the Project" }], changes: [{ start: at + 4, length: 11, replacement: "the Project" }],
          rationale: "Names the purpose.", comment: "The purpose is limited to the Project.", ruleId: "usage-scope.any-purpose",
        }];
      });
      const response: AnalyzeResponse = {
        party: { name: "Designer", counterparty: "Agency", workTerm: "Work", detected: true, candidates: ["Agency", "Designer"] },
        score: 30, grade: "F", findings, documentFindings: [], protections: [], playbook: "freelancer-ai@test",
      };
      return response;
    },
  };
  return { api, requests };
}

function mount(body: string[], options: FakeDocumentOptions) {
  const word = wordWith(body, options);
  const svc = service();
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={word.gateway} api={svc.api} auth={NO_AUTH} settings={officeSettings} debounceMs={10} pollMs={40} />
    </FluentProvider>,
  );
  return { ...word, ...svc };
}

const scan = () => act(async () => fireEvent.click(screen.getByRole("button", { name: "Scan document" })));
const placesShown = () => screen.getAllByTestId("place").map((p) => p.textContent);

describe("task pane: headers, footers and footnotes", () => {
  it("sends them after the body, and each card says where its clause is instead of the body's clause number", async () => {
    const { requests } = mount([CLAUSE, "Other terms."], { sections: [{ footers: { Primary: [CLAUSE] } }], footnotes: [["Note one."], [CLAUSE]] });
    await scan();
    await waitFor(() => expect(screen.getAllByTestId("finding-card")).toHaveLength(3));
    expect(requests[0]?.paragraphs.slice(2).map((p) => p.id)).toEqual(["footer:s1:Primary:p0", "footnote:1:p0", "footnote:2:p0"]);
    expect(placesShown().sort()).toEqual(["3 License", "Footer", "Footnote 2"]);
    expect(screen.getByRole("button", { name: "Accept: Any purpose, footnote 2" })).toBeTruthy();
    expect(screen.queryByTestId("unread")).toBeNull();
  });

  it("Accept on a footer card writes into the footer and says Word allows no comment there", async () => {
    const { doc } = mount(["Other terms."], { sections: [{ footers: { Primary: [CLAUSE] } }] });
    await scan();
    const card = await screen.findByTestId("finding-card");
    await act(async () => fireEvent.click(within(card).getByRole("button", { name: /^Accept: / })));
    await screen.findByTestId("accepted");
    // The Accepted list says where the change went, as the card did.
    expect(screen.getByTestId("accepted-place").textContent).toBe("Footer");
    expect(screen.getByRole("button", { name: "Undo: Any purpose, Footer" })).toBeTruthy();
    expect(doc.storyText("footer:s1:Primary")).toEqual(["The Agency may use the Work for the Project."]);
    expect(doc.acceptedText()).toEqual(["Other terms."]);
    expect(doc.comments).toEqual([]);
    expect(screen.getByTestId("notice").textContent).toMatch(/no comments in headers and footers/);
  });

  it("on Word without footnotes (WordApi 1.4) says they were not scanned", async () => {
    const { requests } = mount([CLAUSE], { apiVersion: "1.4", footnotes: [[CLAUSE]] });
    await scan();
    await screen.findByTestId("finding-card");
    expect(screen.getByTestId("unread").textContent).toMatch(/^Not scanned: footnotes and endnotes/);
    expect(requests[0]?.paragraphs.map((p) => p.id)).toEqual(["p0"]);
  });
});

describe("requests and notices outside the body", () => {
  const finding: DocumentFinding = {
    id: "d1", category: "ai-training-silent", severity: "high", title: "Silent on AI", explanation: "", rationale: "",
    insertAfterParagraphId: "footer:s1:Primary:p0", paragraphs: [{ text: "No AI training.", style: "Normal" }],
  };
  const card = { kind: "document" as const, key: "doc", finding };
  const footer = { id: "footer:s1:Primary:p0", text: CLAUSE, hash: "x", place: { story: "footer" as const, type: "Primary" as const, sections: [1] } };
  const last = { id: "p9", text: "Signatures.", hash: "y" };

  it("a clause the engine anchors in a footer goes at the end of the body", () => {
    expect(insertRequest(card, footer, { comments: false }, last)).toMatchObject({ paragraphId: "p9", text: "Signatures." });
    expect(insertRequest(card, footer, { comments: false })).toBeNull();
  });

  it("the result notice counts copies in other sections and comments Word refused", () => {
    const notice = noticeForResults([{ key: "k", status: "applied", tracked: true, paragraphId: "footer:s1:Primary:p0", ops: [], commentRefused: true, copies: ["footer:s2:Primary:p0"] }], true);
    expect(notice.intent).toBe("success");
    expect(notice.message).toMatch(/into 1 copy of that header or footer in other sections/);
    expect(notice.message).toMatch(/Word allows no comments in headers and footers, so that change has no comment/);
  });
});
