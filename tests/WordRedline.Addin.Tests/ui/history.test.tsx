// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../../../src/WordRedline.Addin/src/api/client";
import { HistoryView, SETTING_CONTRACT, type HistoryPane } from "../../../src/WordRedline.Addin/src/history/HistoryView";
import type { NewDocuments } from "../../../src/WordRedline.Addin/src/history/newDocuments";
import type { SaveVersion, VersionView, VersionsApi } from "../../../src/WordRedline.Addin/src/history/versionsApi";
import type { DocumentSettings } from "../../../src/WordRedline.Addin/src/word/settings";

// The History view over an in-memory versions service (the real one is covered by the API tests on SQLite and
// PostgreSQL): saving, the record tied to the document, Accept all saving a version, the diff, mark as signed, the
// letters opened in Word or copied, and the service's refusals shown to the user.

afterEach(cleanup);

// Fluent's MessageBar measures itself; Word's browser has ResizeObserver, jsdom does not.
globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;

const PROTECTIONS = ["AI-training carve-out", "Usage limited to a stated purpose"];

function service(refuse?: ApiError) {
  const saved: SaveVersion[] = [];
  const calls: string[] = [];
  const versions: VersionView[] = [];
  const api: VersionsApi = {
    create: async (c) => { calls.push(`create ${c.title ?? ""} ${c.storeText}`); return { id: "c-1", title: c.title ?? "Design Services Agreement", counterpartyName: "Brightline Creative Agency LLC", storeText: c.storeText, versions: 0, signature: null }; },
    contract: async (id) => ({ id, title: "Design Services Agreement", counterpartyName: "Brightline Creative Agency LLC", storeText: false, versions: versions.length, signature: versions.find((v) => v.signature)?.signature ?? null }),
    versions: async () => [...versions],
    save: async (_, version) => {
      saved.push(version);
      const n = versions.length + 1;
      const view: VersionView = { sequence: n, hash: `h${n}`, signature: null, record: {
        sequence: n, recordedAt: "2026-03-02T09:30:00.000Z", source: version.source, analysis: { score: n === 1 ? 5 : 61, grade: n === 1 ? "F" : "D" },
        protections: PROTECTIONS.map((title, i) => ({ key: `k${i}`, title, present: n > 1, clause: n > 1 ? "3" : null })),
      } };
      versions.push(view);
      return view;
    },
    sign: async (_, sequence, signedOn) => {
      if (refuse) throw refuse;
      const at = versions.findIndex((v) => v.sequence === sequence);
      versions[at] = { ...versions[at]!, signature: { sequence, hash: `h${sequence}`, signedOn } };
      return versions[at]!;
    },
    diff: async (_, from, to) => ({ from, to, added: PROTECTIONS.map((title, i) => ({ key: `k${i}`, title, clause: "3" })), removed: [], scoreFrom: 5, scoreTo: 61, gradeFrom: "F", gradeTo: "D" }),
    letterText: async (_, kind) => { calls.push(`text ${kind}`); return { kind, subject: "Design Services Agreement: proposed changes", text: "Jane Doe\n16 November 2026\n..." }; },
    letterDocx: async (_, kind) => { if (refuse) throw refuse; calls.push(`docx ${kind}`); return "UEsDBA=="; },
    proofDocx: async () => "UEsDBB==",
  };
  return { api, saved, calls, versions };
}

function memorySettings(initial: Record<string, unknown> = {}): DocumentSettings & { values: Record<string, unknown> } {
  const values = { ...initial };
  return { values, get: <T,>(name: string) => (values[name] as T | undefined) ?? null, set: async (name, value) => { values[name] = value; } };
}

function pane(settings: DocumentSettings, state: Partial<HistoryPane["state"]> = {}, cards: HistoryPane["allCards"] = []): HistoryPane {
  return {
    state: { paragraphs: [{ id: "p0", text: "3. License. Designer grants Agency a licence for any and all purposes.", hash: "x" }], analysis: null, party: "Designer", busy: null, accepted: [], ...state },
    allCards: cards,
    deps: { auth: { token: async () => null }, settings },
  };
}

function documents() {
  const opened: string[] = [];
  const copied: string[] = [];
  const docs: NewDocuments = { open: async (b) => { opened.push(b); }, copy: async (t) => { copied.push(t); } };
  return { docs, opened, copied };
}

const show = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe("History view", () => {
  it("starts a record on Save version, with the title and the text opt-in, and ties it to the document", async () => {
    const { api, saved, calls } = service();
    const settings = memorySettings();
    show(<HistoryView pane={pane(settings)} api={api} documents={documents().docs} />);

    fireEvent.change(screen.getByRole("textbox"), { target: { value: "Design Services Agreement" } });
    fireEvent.click(screen.getByRole("checkbox"));
    fireEvent.click(screen.getByRole("button", { name: "Save version" }));

    await waitFor(() => expect(screen.getByTestId("history-message").textContent).toBe("Version 1 saved."));
    expect(calls).toContain("create Design Services Agreement true");
    expect(settings.values[SETTING_CONTRACT]).toBe("c-1");
    expect(saved[0]).toEqual({ paragraphs: [{ id: "p0", text: "3. License. Designer grants Agency a licence for any and all purposes." }], party: "Designer", source: "pane", decisions: [] });
    await waitFor(() => expect(screen.getAllByTestId("version")).toHaveLength(1));
  });

  it("saves a version after Accept all, with the accepted suggestions, once the document has a record", async () => {
    const { api, saved } = service();
    const settings = memorySettings({ [SETTING_CONTRACT]: "c-1" });
    const card = { key: "p0:usage-scope.any-purpose:1:0", kind: "paragraph", finding: { ruleId: "usage-scope.any-purpose", paragraphId: "p0", title: "Any purpose", comment: "Proposed: use is tied to the purpose.", edits: [{ replacement: "for the sole purpose of the Project" }] } };
    const view = show(<HistoryView pane={pane(settings, {}, [card])} api={api} documents={documents().docs} />);

    view.rerender(<FluentProvider theme={webLightTheme}><HistoryView pane={pane(settings, { busy: "acceptAll" }, [card])} api={api} documents={documents().docs} /></FluentProvider>);
    // The pane records each batch's accepted cards while still busy, then re-scans (the card is gone) and goes idle.
    view.rerender(<FluentProvider theme={webLightTheme}><HistoryView pane={pane(settings, { busy: "acceptAll", accepted: [{ key: card.key }] }, [card])} api={api} documents={documents().docs} /></FluentProvider>);
    expect(saved).toHaveLength(0);
    view.rerender(<FluentProvider theme={webLightTheme}><HistoryView pane={pane(settings, { busy: null, accepted: [{ key: card.key }] }, [])} api={api} documents={documents().docs} /></FluentProvider>);

    await waitFor(() => expect(screen.getByTestId("history-message").textContent).toBe("Version 1 saved after Accept all."));
    expect(saved[0]?.source).toBe("accept-all");
    expect(saved[0]?.decisions).toEqual([{ ruleId: "usage-scope.any-purpose", paragraphId: "p0", status: "accepted", title: "Any purpose", comment: "Proposed: use is tied to the purpose.", wording: "for the sole purpose of the Project" }]);
  });

  it("shows the protections added between two versions, marks one as signed and drafts letters into Word or the clipboard", async () => {
    const { api, calls, versions } = service();
    await api.save("c-1", { paragraphs: [], source: "pane" });
    await api.save("c-1", { paragraphs: [], source: "accept-all" });
    const { docs, opened, copied } = documents();
    show(<HistoryView pane={pane(memorySettings({ [SETTING_CONTRACT]: "c-1" }))} api={api} documents={docs} />);

    await waitFor(() => expect(screen.getByTestId("diff").textContent).toContain("Added: AI-training carve-out (clause 3)"));
    expect(screen.getByTestId("diff").textContent).toContain("score 5 (F) to 61 (D)");
    await act(async () => fireEvent.click(screen.getAllByRole("button", { name: "Mark as signed" })[1]!));
    await waitFor(() => expect(screen.getByText(/^Signed /)).toBeTruthy());
    expect(versions[1]?.signature?.sequence).toBe(2);
    expect(screen.queryByRole("button", { name: "Mark as signed" })).toBeNull();

    fireEvent.change(screen.getByRole("combobox", { name: "Letter" }), { target: { value: "breach" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Open in Word" })));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Copy" })));

    expect(calls).toEqual(expect.arrayContaining(["docx breach", "text breach"]));
    expect(opened).toEqual(["UEsDBA=="]);
    expect(copied).toEqual(["Jane Doe\n16 November 2026\n..."]);
  });

  it("shows why the service refused, in its words", async () => {
    const refusal = new ApiError("invalid", "A notice of breach cites the signed agreement, and version 1 is not marked as signed.", 409);
    const { api } = service(refusal);
    await api.save("c-1", { paragraphs: [], source: "pane" });
    show(<HistoryView pane={pane(memorySettings({ [SETTING_CONTRACT]: "c-1" }))} api={api} documents={documents().docs} />);

    await waitFor(() => expect(screen.getAllByTestId("version")).toHaveLength(1));
    fireEvent.change(screen.getByRole("combobox", { name: "Letter" }), { target: { value: "breach" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Open in Word" })));

    expect(screen.getByTestId("history-message").textContent).toBe("A notice of breach cites the signed agreement, and version 1 is not marked as signed.");
  });
});
