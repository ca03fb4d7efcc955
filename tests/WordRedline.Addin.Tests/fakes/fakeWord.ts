/* eslint max-lines: "off" -- one object model: the document and every Office.js proxy share its private state. */
// An in-memory Word JavaScript object model, faithful to the parts the pane uses, shared by the Vitest suites and
// (bundled) by the browser end-to-end suite. It keeps the documented behaviour that matters for tracked edits:
// - commands are queued and run only at context.sync(); a property read before it is loaded and synced throws
//   PropertyNotLoaded; every sync is counted (FakeWordDocument.syncCount);
// - tracked insertions and deletions live on the characters, so rejecting every change gives back the original
//   text and accepting every change gives the edited text, as in Word;
// - search() follows Word's rules: at most 255 characters, caret codes (^^ ^t ^l ^s ^p ^? ^# ^$), case-insensitive
//   unless matchCase, hits left to right without overlap; like Word it also matches inside tracked deletions (the
//   text it searches is the marked-up text), unless created with searchSkipsDeletions;
// - host profiles: "mac" reports a deleted revision's text as "" (office-js #5178) and gives a paragraph inserted
//   "After" an anchor the anchor's uniqueLocalId (the anchor gets a new one), as Word for Mac does; "windows" shows a
//   note reference mark (a "\u0002" in a seed: where a note is referenced, and at the start of the note's own text)
//   as U+0002 in paragraph and range text (office-js #4997, #6942), which the other profiles leave out
//   (ASSUMPTION: the issues report Windows only); a document created with uniqueLocalIds: false reports WordApi 1.6
//   yet loads every uniqueLocalId as null, as some Windows builds do (office-js #4258);
// - paragraph.text includes tracked deletions, as Word on the web does (office-js #1267), unless the document is
//   created with textIncludesDeletions: false; getReviewedText("Current"|"Original") gives either view;
// - API availability follows the requirement set the document is created with (1.3, 1.4 or 1.6);
// - enum-valued arguments (styleBuiltIn, list numbering and bullets) accept only the enum's values (wordEnums.ts),
//   and a refused command fails the sync with the commands queued before it already applied, as in Word;
// - tests can make a sync fail halfway (FakeWordDocument.failOn), as Word on the web may mid-batch, and hold every
//   sync until released (FakeWordDocument.hold), to look at the pane while Word is still working;
// - stories as Word keeps them: each section's headers and footers (Primary, FirstPage, EvenPages; Section.getHeader
//   and getFooter, WordApi 1.1), a later section's missing one linked to the previous section's ("Same as Previous",
//   Word's default: getHeader then gives the very same paragraphs), footnotes and endnotes (Body.footnotes/endnotes,
//   WordApi 1.5). Tracked changes and search work there as in the body; Range.insertComment in a header or footer
//   is refused (Word disables comments there: office-js #341, MS-OI29500 2.1.315), in a footnote it is allowed.
// Assumptions where the documentation is silent are marked ASSUMPTION.

import { FAKE_AUTH_CONTEXT } from "./fakeNaa";
import { BUILT_IN_STYLE_NAMES, LIST_BULLET, LIST_NUMBERING, enumObject } from "./wordEnums";

export type ApiVersion = "1.3" | "1.4" | "1.5" | "1.6";
export type HeaderFooterType = "Primary" | "FirstPage" | "EvenPages";
export const HEADER_FOOTER_TYPES: readonly HeaderFooterType[] = ["Primary", "FirstPage", "EvenPages"];
type StoryKind = "body" | "header" | "footer" | "footnote" | "endnote";

/** One story of the document: the body, one header or footer, one footnote or endnote. */
interface Story {
  readonly kind: StoryKind;
  /** How tests name it: "body", "header:s1:Primary", "footer:s2:FirstPage", "footnote:3", "endnote:1". */
  readonly label: string;
}

interface SectionData {
  readonly index: number;
  readonly headers: Readonly<Record<HeaderFooterType, Story>>;
  readonly footers: Readonly<Record<HeaderFooterType, Story>>;
}

interface NoteData {
  readonly type: "Footnote" | "Endnote";
  readonly story: Story;
}

/** A section's headers and footers as paragraph texts; a type left out of a later section is linked to the previous
 * section's, left out of the first section it is empty. */
export interface SectionSeed {
  readonly headers?: Partial<Record<HeaderFooterType, readonly string[]>>;
  readonly footers?: Partial<Record<HeaderFooterType, readonly string[]>>;
}
export type TrackingMode = "Off" | "TrackAll" | "TrackMineOnly";
type RevisionType = "Added" | "Deleted";

interface Revision {
  readonly author: string;
  readonly date: Date;
}

interface Mark {
  /** Mutable only for the "mac" profile, where an inserted paragraph takes its anchor's id. */
  id: string;
  style: string;
  readonly story: Story;
  /** List membership (Paragraph.startNewList / attachToList). */
  list?: { readonly listId: number; level: number };
}

/** One level's format: a number style ("Arabic" with a format such as [0, "."]) or a bullet. */
type LevelFormat =
  | { readonly type: "Number"; readonly numbering: string; readonly format: readonly (string | number)[] }
  | { readonly type: "Bullet"; readonly bullet: string };

interface ListData {
  readonly id: number;
  readonly levels: LevelFormat[];
}

/** A failure a test arms: the next command named `method` (any command when absent) fails after `after` more. */
interface Fault {
  readonly method?: string;
  after: number;
  readonly code: string;
  readonly message: string;
}

/** One UTF-16 code unit of the body, or a paragraph mark ("\r") carrying the paragraph's identity and style. */
interface Char {
  readonly c: string;
  ins?: Revision;
  del?: Revision;
  readonly mark?: Mark;
}

interface Anchor {
  start: number;
  end: number;
}

interface CommentData {
  readonly id: number;
  readonly anchor: Anchor;
  readonly content: string;
  readonly author: string;
}

interface ContentControlData {
  readonly id: number;
  readonly anchor: Anchor;
  tag: string;
  title: string;
  cannotDelete: boolean;
}

interface TrackedRun {
  readonly type: RevisionType;
  readonly chars: Char[];
  readonly author: string;
  readonly date: Date;
}

export class FakeWordError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = "FakeWordError";
  }
}

export interface FakeDocumentOptions {
  readonly apiVersion?: ApiVersion;
  readonly textIncludesDeletions?: boolean;
  /** ASSUMPTION for tests of the older behaviour only: search over the accepted text. */
  readonly searchSkipsDeletions?: boolean;
  /** Milliseconds each context.sync() takes (0: as fast as possible). */
  readonly syncDelayMs?: number;
  /** Office.context.officeTheme as the host reports it (light by default). */
  readonly officeTheme?: { readonly bodyBackgroundColor: string; readonly bodyForegroundColor: string };
  /** Requirement sets beyond WordApi the host supports (e.g. "DialogApi", "NestedAppAuth"). */
  readonly sets?: readonly string[];
  /** Platform quirks (see the header): "mac", "windows" (note reference marks in text); "web" as documented. */
  readonly profile?: "web" | "windows" | "mac";
  /** false: WordApi 1.6 is reported, but every uniqueLocalId loads as null (office-js #4258). */
  readonly uniqueLocalIds?: boolean;
  readonly author?: string;
  readonly trackingMode?: TrackingMode;
  /** Sections with their headers and footers (one section with empty ones when absent). */
  readonly sections?: readonly SectionSeed[];
  /** Footnotes in document order, each as its paragraphs. */
  readonly footnotes?: readonly (readonly string[])[];
  readonly endnotes?: readonly (readonly string[])[];
}

export interface ParagraphEvent {
  readonly type: "ParagraphChanged" | "ParagraphAdded" | "ParagraphDeleted";
  readonly uniqueLocalIds: string[];
  readonly source: "Local";
}

type EventName = "onParagraphChanged" | "onParagraphAdded" | "onParagraphDeleted";
type Handler = (args: ParagraphEvent) => Promise<unknown> | void;

const versionAtLeast = (have: ApiVersion, want: string): boolean => Number(have) >= Number(want);

/** The document: body characters, comments, content controls, settings, event handlers and the sync counter. */
export class FakeWordDocument {
  readonly apiVersion: ApiVersion;
  readonly textIncludesDeletions: boolean;
  readonly searchSkipsDeletions: boolean;
  readonly profile: "web" | "windows" | "mac";
  readonly uniqueLocalIds: boolean;
  readonly officeTheme: { readonly bodyBackgroundColor: string; readonly bodyForegroundColor: string };
  readonly sets: readonly string[];
  readonly syncDelayMs: number;
  readonly author: string;
  trackingMode: TrackingMode;
  chars: Char[] = [];
  comments: CommentData[] = [];
  contentControls: ContentControlData[] = [];
  selection: Anchor | null = null;
  syncCount = 0;
  readonly bodyStory: Story = { kind: "body", label: "body" };
  readonly sections: SectionData[] = [];
  readonly footnotes: NoteData[] = [];
  readonly endnotes: NoteData[] = [];
  readonly settings = new Map<string, unknown>();
  readonly lists = new Map<number, ListData>();
  private faults: Fault[] = [];
  private gate: { readonly opened: Promise<void>; readonly open: () => void } | null = null;
  /** Syncs waiting behind hold() right now. */
  heldSyncs = 0;
  private readonly anchors = new Set<Anchor>();
  private readonly handlers = new Map<EventName, Set<Handler>>();
  private nextId = 1;
  private version = 0;
  private markIndex: Map<Char, number> | null = null;
  private indexVersion = -1;
  private touched = new Set<Mark>();
  private added = new Set<Mark>();
  private removed = new Set<Mark>();
  private clock = Date.UTC(2026, 0, 1);

  constructor(paragraphs: readonly string[], options: FakeDocumentOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.6";
    this.textIncludesDeletions = options.textIncludesDeletions ?? true;
    this.searchSkipsDeletions = options.searchSkipsDeletions ?? false;
    this.profile = options.profile ?? "web";
    this.uniqueLocalIds = options.uniqueLocalIds ?? true;
    this.officeTheme = options.officeTheme ?? { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" };
    this.sets = options.sets ?? ["DialogApi"];
    this.syncDelayMs = options.syncDelayMs ?? 0;
    this.author = options.author ?? "Fake User";
    this.trackingMode = options.trackingMode ?? "Off";
    this.appendStory(this.bodyStory, paragraphs);
    (options.sections ?? [{}]).forEach((seed, s) => {
      const story = (kind: "header" | "footer", type: HeaderFooterType): Story => {
        const texts = (kind === "header" ? seed.headers : seed.footers)?.[type];
        const previous = this.sections[s - 1]?.[kind === "header" ? "headers" : "footers"][type];
        if (!texts && previous) return previous;
        return this.appendStory({ kind, label: `${kind}:s${s + 1}:${type}` }, texts ?? []);
      };
      const all = (kind: "header" | "footer") =>
        Object.fromEntries(HEADER_FOOTER_TYPES.map((t) => [t, story(kind, t)])) as Record<HeaderFooterType, Story>;
      this.sections.push({ index: s, headers: all("header"), footers: all("footer") });
    });
    (options.footnotes ?? []).forEach((texts, i) => this.footnotes.push({ type: "Footnote", story: this.appendStory({ kind: "footnote", label: `footnote:${i + 1}` }, texts) }));
    (options.endnotes ?? []).forEach((texts, i) => this.endnotes.push({ type: "Endnote", story: this.appendStory({ kind: "endnote", label: `endnote:${i + 1}` }, texts) }));
    this.added.clear();
  }

  /** Appends a story (at least one paragraph, as in Word) after everything else. */
  private appendStory(story: Story, paragraphs: readonly string[]): Story {
    for (const text of paragraphs.length > 0 ? paragraphs : [""]) {
      for (const c of text) for (let i = 0; i < c.length; i++) this.chars.push({ c: c[i] as string });
      this.chars.push({ c: "\r", mark: this.newMark("Normal", story) });
    }
    return story;
  }

  /** Every story, once (a linked header is its previous section's story). */
  stories(): Story[] {
    const all = [this.bodyStory, ...this.sections.flatMap((s) => [...Object.values(s.headers), ...Object.values(s.footers)]),
      ...this.footnotes.map((n) => n.story), ...this.endnotes.map((n) => n.story)];
    return [...new Set(all)];
  }

  story(label: string): Story {
    const found = this.stories().find((s) => s.label === label);
    if (!found) throw new RangeError(`No story ${label}`);
    return found;
  }

  /** A story's characters [start, end), its last paragraph mark included. */
  storySpan(story: Story): Anchor {
    let start = 0;
    let first = -1;
    let last = -1;
    this.chars.forEach((ch, i) => {
      if (!ch.mark) return;
      if (ch.mark.story === story) {
        if (first < 0) first = start;
        last = i;
      }
      start = i + 1;
    });
    if (last < 0) throw new FakeWordError("ItemNotFound", `The story ${story.label} no longer exists.`);
    return { start: first, end: last + 1 };
  }

  /** The story the character at `position` belongs to. */
  storyAt(position: number): Story {
    return this.markOwning(position)?.story ?? this.bodyStory;
  }

  // ----- inspection helpers for tests -----

  /** Body paragraph texts as Word shows them with every change accepted (another story's: storyText). */
  acceptedText(): string[] {
    return this.view((ch) => !ch.del, (ch) => !ch.del);
  }

  /** Body paragraph texts as Word shows them with every change rejected. */
  originalText(): string[] {
    return this.view((ch) => !ch.ins, (ch) => !ch.ins);
  }

  /** A story's paragraph texts ("footer:s1:Primary", "footnote:2"), every change accepted or rejected. */
  storyText(label: string, view: "Current" | "Original" = "Current"): string[] {
    const keep = view === "Current" ? (ch: Char) => !ch.del : (ch: Char) => !ch.ins;
    return this.view(keep, keep, this.story(label));
  }

  /** Every tracked change in document order, or only a story's ("body", "footer:s1:Primary", ...). */
  trackedChanges(label?: string): { type: RevisionType; text: string; author: string }[] {
    return this.runsIn(label ? this.storySpan(this.story(label)) : { start: 0, end: this.chars.length }).map((r) => ({
      type: r.type,
      text: textOf(r.chars),
      author: r.author,
    }));
  }

  /** The comments whose range lies in a story, with the text each covers. */
  commentsIn(label: string): { content: string; text: string }[] {
    const story = this.story(label);
    return this.comments.filter((c) => this.storyAt(c.anchor.start) === story)
      .map((c) => ({ content: c.content, text: textOf(this.chars.slice(c.anchor.start, c.anchor.end)) }));
  }

  /** Each comment's content and the text its range covers, in document order of insertion. */
  commentedText(): { content: string; text: string }[] {
    return this.comments.map((c) => ({ content: c.content, text: textOf(this.chars.slice(c.anchor.start, c.anchor.end)) }));
  }

  acceptAll(): void {
    for (const run of this.runsIn({ start: 0, end: this.chars.length })) this.resolveRun(run, true);
  }

  rejectAll(): void {
    for (const run of this.runsIn({ start: 0, end: this.chars.length })) this.resolveRun(run, false);
  }

  /** The body paragraphs' uniqueLocalIds. */
  paragraphIds(): string[] {
    return this.bodyMarks().map((m) => m.id);
  }

  paragraphStyles(): string[] {
    return this.bodyMarks().map((m) => m.style);
  }

  private bodyMarks(): Mark[] {
    return this.chars.filter((ch) => ch.mark?.story === this.bodyStory).map((ch) => ch.mark as Mark);
  }

  /** Each paragraph's list label as Word would number it ("1.", "2.", "•"), or null when not a list item. */
  listLabels(): (string | null)[] {
    const counters = new Map<number, number[]>();
    return this.chars.filter((ch) => ch.mark?.story === this.bodyStory && !ch.del).map((ch) => {
      const list = (ch.mark as Mark).list;
      const data = list && this.lists.get(list.listId);
      if (!list || !data) return null;
      const counts = counters.get(list.listId) ?? [];
      counts[list.level] = (counts[list.level] ?? 0) + 1;
      counts.length = list.level + 1;
      counters.set(list.listId, counts);
      const format = data.levels[list.level] ?? DEFAULT_LEVEL;
      if (format.type === "Bullet") return "\u2022";
      return format.format.map((part) => (typeof part === "number" ? String(counts[part] ?? 1) : part)).join("");
    });
  }

  /**
   * Makes a later command fail: the next command named `method` ("Paragraph.styleBuiltIn", "Range.insertText", ...;
   * any command when omitted) after `after` more such commands have run. The sync throws there; the commands
   * queued before it have already changed the document, as in Word.
   */
  failOn(method?: string, after = 0, code = "GeneralException", message = "The fake failed this command on purpose."): void {
    this.faults.push({ ...(method ? { method } : {}), after, code, message });
  }

  /** Makes every later sync wait (before its commands run) until release(): the pane shows Word still working. */
  hold(): void {
    if (this.gate) return;
    let open = (): void => undefined;
    const opened = new Promise<void>((resolve) => { open = resolve; });
    this.gate = { opened, open };
  }

  release(): void {
    this.gate?.open();
    this.gate = null;
  }

  /** Called by the request context at the start of each sync. */
  async passGate(): Promise<void> {
    while (this.gate) {
      this.heldSyncs++;
      await this.gate.opened;
      this.heldSyncs--;
    }
  }

  /** Disarms every failure armed with failOn. */
  clearFaults(): void {
    this.faults = [];
  }

  /** Called by the request context before each command runs. */
  checkFault(name: string): void {
    const fault = this.faults.find((f) => !f.method || f.method === name);
    if (!fault) return;
    if (fault.after > 0) {
      fault.after--;
      return;
    }
    this.faults = this.faults.filter((f) => f !== fault);
    throw new FakeWordError(fault.code, `${name}: ${fault.message}`);
  }

  newList(): ListData {
    const list: ListData = { id: this.nextObjectId(), levels: [] };
    this.lists.set(list.id, list);
    return list;
  }

  selectedText(): string | null {
    return this.selection && textOf(this.chars.slice(this.selection.start, this.selection.end).filter((c) => !c.del));
  }

  /**
   * The user types over paragraph `index` of the body (or of the story labelled `label`: "footer:s2:Primary"), tracked
   * if tracking is on, and Word raises ParagraphChanged.
   */
  userReplaceParagraph(index: number, text: string, label?: string): void {
    const story = label ? this.story(label) : this.bodyStory;
    const para = this.paragraphSpans(story)[index];
    if (!para) throw new RangeError(`No paragraph ${index}`);
    this.deleteSpan({ start: para.start, end: para.end });
    const after = this.paragraphSpans(story)[index] as { end: number };
    this.insertAt(after.end, text);
    this.flushEvents();
  }

  /** The user adds a paragraph after paragraph `index` and Word raises ParagraphAdded. */
  userInsertParagraphAfter(index: number, text: string): void {
    const para = this.paragraphSpans(this.bodyStory)[index];
    if (!para) throw new RangeError(`No paragraph ${index}`);
    this.insertAt(para.end + 1, text, true, this.bodyStory);
    this.flushEvents();
  }

  // ----- the model -----

  private newMark(style: string, story: Story): Mark {
    const n = this.nextId++;
    const hex = n.toString(16).padStart(12, "0");
    const mark = { id: `00000000-0000-4000-8000-${hex}`, style, story };
    this.added.add(mark);
    return mark;
  }

  private view(keepChar: (ch: Char) => boolean, keepMark: (ch: Char) => boolean, story: Story = this.bodyStory): string[] {
    const out: string[] = [];
    let current = "";
    for (const ch of this.chars) {
      if (ch.mark) {
        if (ch.mark.story !== story) {
          current = "";
        } else if (keepMark(ch)) {
          out.push(current);
          current = "";
        }
      } else if (keepChar(ch)) {
        current += ch.c;
      }
    }
    return out;
  }

  /** Paragraph content spans [start, end) where end is the index of the paragraph's mark; of one story, or all. */
  paragraphSpans(story?: Story): { mark: Mark; start: number; end: number }[] {
    const spans: { mark: Mark; start: number; end: number }[] = [];
    let start = 0;
    this.chars.forEach((ch, i) => {
      if (ch.mark) {
        if (!story || ch.mark.story === story) spans.push({ mark: ch.mark, start, end: i });
        start = i + 1;
      }
    });
    return spans;
  }

  markPosition(mark: Mark): number {
    if (this.indexVersion !== this.version || !this.markIndex) {
      this.markIndex = new Map();
      this.chars.forEach((ch, i) => ch.mark && this.markIndex?.set(ch, i));
      this.indexVersion = this.version;
    }
    for (const [ch, i] of this.markIndex) if (ch.mark === mark) return i;
    throw new FakeWordError("ItemNotFound", "The paragraph no longer exists.");
  }

  paragraphSpan(mark: Mark): Anchor {
    const end = this.markPosition(mark);
    let start = end;
    while (start > 0 && !this.chars[start - 1]?.mark) start--;
    return { start, end };
  }

  /** ASSUMPTION: getParagraphByUniqueLocalId finds body paragraphs only (the reference is silent about other stories). */
  paragraphById(id: string): Mark {
    const ch = this.chars.find((c) => c.mark?.id === id && c.mark.story === this.bodyStory);
    if (!ch?.mark) throw new FakeWordError("ItemNotFound", `No paragraph with uniqueLocalId ${id}.`);
    return ch.mark;
  }

  private markOwning(position: number): Mark | undefined {
    for (let i = Math.max(0, position); i < this.chars.length; i++) {
      const mark = this.chars[i]?.mark;
      if (mark) return mark;
    }
    return undefined;
  }

  track(anchor: Anchor): Anchor {
    this.anchors.add(anchor);
    return anchor;
  }

  releaseAnchors(anchors: Iterable<Anchor>): void {
    for (const a of anchors) this.anchors.delete(a);
  }

  private get tracking(): boolean {
    return this.trackingMode !== "Off";
  }

  private revision(): Revision {
    this.clock += 1000;
    return { author: this.author, date: new Date(this.clock) };
  }

  private changed(): void {
    this.version++;
  }

  /**
   * Inserts text at position; "\n" in text starts a new paragraph (ASSUMPTION: as insertParagraph would). New
   * paragraphs belong to `story`, by default the story of the text at position.
   */
  insertAt(position: number, text: string, endWithMark = false, story: Story = this.storyAt(position)): Anchor {
    const rev = this.tracking ? this.revision() : undefined;
    const inserted: Char[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      inserted.push(c === "\n" ? { c: "\r", mark: this.newMark("Normal", story), ins: rev } : { c, ins: rev });
    }
    if (endWithMark) inserted.push({ c: "\r", mark: this.newMark("Normal", story), ins: rev });
    const n = inserted.length;
    this.chars.splice(position, 0, ...inserted);
    // Text inserted at a range's end stays outside it; at its start it pushes the range along (Word's
    // "After"/"Before"); "Start"/"End" insertions that grow the range adjust it themselves.
    for (const a of this.anchors) {
      if (a.start >= position) a.start += n;
      if (a.end > position) a.end += n;
      if (a.end < a.start) a.end = a.start;
    }
    this.changed();
    const owner = this.markOwning(position + n);
    if (owner && !this.added.has(owner)) this.touched.add(owner);
    return { start: position, end: position + n };
  }

  private removeAt(position: number): void {
    const [ch] = this.chars.splice(position, 1);
    if (ch?.mark) {
      this.removed.add(ch.mark);
      this.added.delete(ch.mark);
    }
    for (const a of this.anchors) {
      if (a.start > position) a.start--;
      if (a.end > position) a.end--;
    }
    this.changed();
  }

  /** Deletes a span: tracked, it marks characters deleted (and drops the author's own insertions); else removes. */
  deleteSpan(span: Anchor): void {
    const owner = this.markOwning(span.start);
    if (owner) this.touched.add(owner);
    const rev = this.tracking ? this.revision() : undefined;
    const covered = this.contentControls.filter((cc) => cc.anchor.start >= span.start && cc.anchor.end <= span.end);
    const last = new Map<Story, Char>();
    for (const ch of this.chars) if (ch.mark) last.set(ch.mark.story, ch);
    const lastMarks = new Set(last.values());
    for (let i = span.end - 1; i >= span.start; i--) {
      const ch = this.chars[i] as Char;
      if (lastMarks.has(ch)) continue; // Word never deletes a story's last paragraph mark.
      if (!rev || ch.ins) this.removeAt(i);
      else if (!ch.del) ch.del = rev;
    }
    // A content control whose whole content is really deleted goes with it (a tracked deletion keeps it).
    this.contentControls = this.contentControls.filter((cc) => !covered.includes(cc) || cc.anchor.end > cc.anchor.start);
    this.changed();
  }

  /** Maximal runs of adjacent characters with the same kind of revision that touch the span. */
  runsIn(span: Anchor): TrackedRun[] {
    const runs: TrackedRun[] = [];
    for (let i = span.start; i < Math.min(span.end === span.start ? span.end + 1 : span.end, this.chars.length); i++) {
      const ch = this.chars[i] as Char;
      const type: RevisionType | null = ch.del ? "Deleted" : ch.ins ? "Added" : null;
      if (!type) continue;
      let from = i;
      while (from > 0 && kindOf(this.chars[from - 1]) === type) from--;
      let to = i;
      while (to < this.chars.length && kindOf(this.chars[to]) === type) to++;
      const chars = this.chars.slice(from, to);
      const rev = (type === "Deleted" ? ch.del : ch.ins) as Revision;
      runs.push({ type, chars, author: rev.author, date: rev.date });
      i = to - 1;
    }
    return runs;
  }

  /** Where a run of revised characters is now. */
  spanOfRun(run: TrackedRun): Anchor {
    const first = this.chars.indexOf(run.chars[0] as Char);
    const last = this.chars.indexOf(run.chars.at(-1) as Char);
    if (first < 0 || last < 0) throw new FakeWordError("ItemNotFound", "The tracked change no longer exists.");
    return { start: first, end: last + 1 };
  }

  /**
   * Someone else's redline in paragraph `index`: `length` characters at `start` (of the paragraph's accepted text)
   * marked deleted and `replacement` inserted after them, both tracked under `author`.
   */
  redline(index: number, start: number, length: number, replacement: string, author = "Counterparty Counsel"): void {
    const para = this.paragraphSpans(this.bodyStory)[index];
    if (!para) throw new RangeError(`No paragraph ${index}`);
    const visible: number[] = [];
    for (let i = para.start; i < para.end; i++) if (!this.chars[i]?.del) visible.push(i);
    this.clock += 1000;
    const rev = { author, date: new Date(this.clock) };
    const at = (visible[start] ?? para.end);
    for (let k = start; k < start + length; k++) (this.chars[visible[k] as number] as Char).del = rev;
    const end = length > 0 ? (visible[start + length - 1] as number) + 1 : at;
    this.chars.splice(end, 0, ...[...replacement].map((c) => ({ c, ins: rev })));
    this.changed();
  }

  resolveRun(run: TrackedRun, accept: boolean): void {
    for (const ch of run.chars) {
      const i = this.chars.indexOf(ch);
      if (i < 0) continue;
      const keep = run.type === "Added" ? accept : !accept;
      const owner = this.markOwning(i);
      if (owner) this.touched.add(owner);
      if (keep) {
        if (run.type === "Added") delete ch.ins;
        else delete ch.del;
        this.changed();
      } else {
        this.removeAt(i);
      }
    }
  }

  textOf(span: Anchor, view: "raw" | "Current" | "Original"): string {
    let out = "";
    for (let i = span.start; i < span.end; i++) {
      const ch = this.chars[i] as Char;
      if (ch.c === NOTE_MARK && this.profile !== "windows") continue;
      if (view === "Current" && ch.del) continue;
      if (view === "Original" && ch.ins) continue;
      if (view === "raw" && ch.del && !this.textIncludesDeletions) continue;
      out += ch.mark ? "\r" : ch.c;
    }
    return out;
  }

  /** Word's search over span. */
  search(span: Anchor, query: string, options: SearchOptions): Anchor[] {
    if (query.length === 0 || query.length > 255) {
      throw new FakeWordError("InvalidArgument", "Search string is empty or longer than 255 characters.");
    }
    if (options.matchWildcards) throw new FakeWordError("NotImplemented", "The fake does not do wildcard search.");
    const pattern = parseCaretCodes(query);
    const positions: number[] = [];
    for (let i = span.start; i < span.end; i++) if (!(this.searchSkipsDeletions && this.chars[i]?.del)) positions.push(i);
    const shown = positions.map((i) => this.chars[i] as Char);
    const hits: Anchor[] = [];
    let k = 0;
    while (k + pattern.length <= shown.length) {
      let ok = true;
      for (let j = 0; j < pattern.length && ok; j++) {
        ok = (pattern[j] as Matcher)((shown[k + j] as Char).c, options.matchCase ?? false);
      }
      if (ok && options.matchWholeWord) {
        const before = shown[k - 1]?.c;
        const after = shown[k + pattern.length]?.c;
        ok = !isWordChar(before) && !isWordChar(after);
      }
      if (ok) {
        const start = positions[k] as number;
        const end = (positions[k + pattern.length - 1] as number) + 1;
        hits.push(this.track({ start, end }));
        k += pattern.length;
      } else {
        k++;
      }
    }
    return hits;
  }

  // ----- events -----

  addHandler(name: EventName, handler: Handler): void {
    const set = this.handlers.get(name) ?? new Set();
    set.add(handler);
    this.handlers.set(name, set);
  }

  removeHandler(name: EventName, handler: Handler): void {
    this.handlers.get(name)?.delete(handler);
  }

  /** Raises the paragraph events for what changed since the last call, asynchronously as Word does. */
  flushEvents(): void {
    const live = new Set(this.paragraphIds());
    const changed = [...this.touched].filter((m) => live.has(m.id) && !this.added.has(m)).map((m) => m.id);
    const added = [...this.added].filter((m) => live.has(m.id)).map((m) => m.id);
    const deleted = [...this.removed].map((m) => m.id);
    this.touched = new Set();
    this.added = new Set();
    this.removed = new Set();
    const raise = (name: EventName, type: ParagraphEvent["type"], ids: string[]) => {
      if (ids.length === 0) return;
      for (const h of this.handlers.get(name) ?? []) {
        setTimeout(() => void h({ type, uniqueLocalIds: ids, source: "Local" }), 0);
      }
    };
    raise("onParagraphChanged", "ParagraphChanged", changed);
    raise("onParagraphAdded", "ParagraphAdded", added);
    raise("onParagraphDeleted", "ParagraphDeleted", deleted);
  }

  nextObjectId(): number {
    return this.nextId++;
  }

  requireSet(version: string, what: string): void {
    if (!versionAtLeast(this.apiVersion, version)) {
      throw new FakeWordError("ApiNotFound", `${what} needs WordApi ${version}; this Word has ${this.apiVersion}.`);
    }
  }
}

/** ASSUMPTION: the reference does not say which format startNewList() gives a level; the fake starts with bullets,
 * so code that relies on a default numbering shows bullets in the tests. */
const DEFAULT_LEVEL: LevelFormat = { type: "Bullet", bullet: "Solid" };

/**
 * Word answers a location the method does not take with InvalidArgument at sync (word.d.ts lists each method's
 * locations: Body.insertParagraph "Start"|"End", Paragraph.insertParagraph "Before"|"After", ...). TypeScript
 * catches a wrong literal; this catches one that arrives through a cast or a variable.
 */
function allowLocation(location: string, allowed: readonly string[], what: string): void {
  if (!allowed.includes(location)) throw new FakeWordError("InvalidArgument", `${what} takes ${allowed.join(", ")}, not "${location}".`);
}

/** A note's reference mark, as Word for Windows shows it in text (office-js #4997). */
export const NOTE_MARK = "\u0002";

const kindOf = (ch: Char | undefined): RevisionType | null => (ch?.del ? "Deleted" : ch?.ins ? "Added" : null);
const textOf = (chars: readonly Char[]): string => chars.map((c) => (c.mark ? "\r" : c.c)).join("");
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

type Matcher = (c: string, matchCase: boolean) => boolean;

const literal = (expected: string): Matcher => (c, matchCase) =>
  matchCase ? c === expected : c.toLocaleLowerCase() === expected.toLocaleLowerCase();

/** Word's non-wildcard caret codes (search-option-guidance.md). */
function parseCaretCodes(query: string): Matcher[] {
  const out: Matcher[] = [];
  for (let i = 0; i < query.length; i++) {
    const c = query[i] as string;
    if (c !== "^") {
      out.push(literal(c));
      continue;
    }
    const code = query[++i];
    switch (code) {
      case "^": out.push(literal("^")); break;
      case "t": out.push(literal("\t")); break;
      case "l": out.push(literal("\v")); break;
      case "s": out.push(literal("\u00a0")); break;
      case "p": out.push(literal("\r")); break;
      case "~": out.push(literal("\u2011")); break;
      case "-": out.push(literal("\u00ad")); break;
      case "+": out.push(literal("\u2014")); break;
      case "=": out.push(literal("\u2013")); break;
      case "?": out.push((ch) => ch !== "\r"); break;
      case "#": out.push((ch) => /\p{Nd}/u.test(ch)); break;
      case "$": out.push((ch) => /\p{L}/u.test(ch)); break;
      default: throw new FakeWordError("InvalidArgument", `Unknown caret code ^${code ?? ""}.`);
    }
  }
  return out;
}

export interface SearchOptions {
  matchCase?: boolean;
  matchWholeWord?: boolean;
  matchWildcards?: boolean;
  matchPrefix?: boolean;
  matchSuffix?: boolean;
  ignorePunct?: boolean;
  ignoreSpace?: boolean;
}

// ====================================================================================================
// The proxy layer: Office.js objects whose commands are queued and run at context.sync().
// ====================================================================================================

type Op = () => void;

export class FakeRequestContext {
  readonly document: FakeDocumentProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  queue: { op: Op; name: string }[] = [];
  readonly anchors: Anchor[] = [];

  constructor(readonly doc: FakeWordDocument) {
    this.document = new FakeDocumentProxy(this);
  }

  async sync(): Promise<void> {
    await this.doc.passGate();
    this.doc.syncCount++;
    const ops = this.queue;
    this.queue = [];
    try {
      for (const { op, name } of ops) {
        this.doc.checkFault(name);
        op();
      }
    } finally {
      this.doc.flushEvents();
    }
    // A round trip to Word takes time (tens of milliseconds on the web); tests of progress and cancel ask for it.
    await (this.doc.syncDelayMs > 0 ? new Promise((r) => setTimeout(r, this.doc.syncDelayMs)) : Promise.resolve());
  }

  /** Queues a command; `name` ("Paragraph.insertText") lets a test make that command fail (failOn). */
  enqueue(op: Op, name = "command"): void {
    this.queue.push({ op, name });
  }

  anchor(a: Anchor): Anchor {
    this.anchors.push(a);
    return this.doc.track(a);
  }
}

function propNames(props: string | string[] | undefined, defaults: string[]): string[] {
  if (props === undefined) return defaults;
  if (typeof props === "object" && !Array.isArray(props)) return defaults;
  const list = Array.isArray(props) ? props : props.split(",");
  return list.map((p) => p.trim().replace(/^items\//, "")).filter((p) => p.length > 0 && p !== "items" && p !== "$none");
}

abstract class FakeObject<T> {
  private bound?: T;
  private readonly loaded = new Map<string, unknown>();

  constructor(readonly context: FakeRequestContext) {}

  bind(target: T): this {
    this.bound = target;
    return this;
  }

  protected get target(): T {
    if (this.bound === undefined) throw new FakeWordError("GeneralException", "Object used before its command ran.");
    return this.bound;
  }

  protected get doc(): FakeWordDocument {
    return this.context.doc;
  }

  protected abstract read(name: string): unknown;
  protected abstract get defaultProps(): string[];


  load(props?: string | string[]): this {
    this.context.enqueue(() => this.snapshot(props));
    return this;
  }

  /** Reads properties now; called by queued commands only. */
  snapshot(props: string | string[] | undefined): void {
    if (props === "$none") return;
    const names = propNames(props, []);
    for (const name of names.length > 0 ? names : this.defaultProps) this.loaded.set(name, this.read(name));
  }

  protected value<V>(name: string): V {
    if (!this.loaded.has(name)) {
      throw new FakeWordError("PropertyNotLoaded", `The property '${name}' is not available. Load it and call context.sync().`);
    }
    return this.loaded.get(name) as V;
  }

  protected setLocal(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** Queues op and returns a new proxy bound when op runs. */
  protected later<P extends FakeObject<U>, U>(proxy: P, op: () => U, name?: string): P {
    this.context.enqueue(() => {
      proxy.bind(op());
    }, name);
    return proxy;
  }
}

class FakeCollection<P extends { snapshot(props: string | string[] | undefined): void }> {
  private loadedItems?: P[];

  constructor(readonly context: FakeRequestContext, private readonly resolve: () => P[]) {}

  load(props?: string | string[]): this {
    this.context.enqueue(() => {
      const items = this.resolve();
      for (const item of items) item.snapshot(props);
      this.loadedItems = items;
    });
    return this;
  }

  get items(): P[] {
    if (!this.loadedItems) throw new FakeWordError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.loadedItems;
  }
}

export class FakeClientResult<V> {
  private has = false;
  private v?: V;

  set(v: V): void {
    this.v = v;
    this.has = true;
  }

  get value(): V {
    if (!this.has) throw new FakeWordError("PropertyNotLoaded", "The value is not available until context.sync().");
    return this.v as V;
  }
}

class FakeEventHandlers {
  constructor(private readonly context: FakeRequestContext, private readonly name: EventName, private readonly set: string) {}

  add(handler: Handler): { remove: () => void; context: FakeRequestContext } {
    const doc = this.context.doc;
    this.context.enqueue(() => {
      doc.requireSet(this.set, this.name);
      doc.addHandler(this.name, handler);
    });
    return {
      context: this.context,
      remove: () => this.context.enqueue(() => doc.removeHandler(this.name, handler)),
    };
  }
}

export class FakeDocumentProxy extends FakeObject<FakeWordDocument> {
  readonly body: FakeBody;
  readonly onParagraphChanged: FakeEventHandlers;
  readonly onParagraphAdded: FakeEventHandlers;
  readonly onParagraphDeleted: FakeEventHandlers;

  constructor(context: FakeRequestContext) {
    super(context);
    this.bind(context.doc);
    this.body = new FakeBody(context, context.doc.bodyStory);
    this.onParagraphChanged = new FakeEventHandlers(context, "onParagraphChanged", "1.6");
    this.onParagraphAdded = new FakeEventHandlers(context, "onParagraphAdded", "1.6");
    this.onParagraphDeleted = new FakeEventHandlers(context, "onParagraphDeleted", "1.6");
  }

  protected get defaultProps(): string[] {
    return ["changeTrackingMode"];
  }

  protected read(name: string): unknown {
    if (name === "changeTrackingMode") {
      this.doc.requireSet("1.4", "Document.changeTrackingMode");
      return this.doc.trackingMode;
    }
    throw new FakeWordError("InvalidArgument", `The fake Document has no property ${name}.`);
  }

  get changeTrackingMode(): TrackingMode {
    return this.value("changeTrackingMode");
  }

  set changeTrackingMode(mode: TrackingMode) {
    this.setLocal("changeTrackingMode", mode);
    this.context.enqueue(() => {
      this.doc.requireSet("1.4", "Document.changeTrackingMode");
      this.doc.trackingMode = mode;
    });
  }

  get contentControls(): FakeContentControlCollection {
    return this.body.contentControls;
  }

  /** The document's sections (WordApi 1.1). */
  get sections(): FakeSectionCollection {
    return new FakeSectionCollection(this.context);
  }

  getParagraphByUniqueLocalId(id: string): FakeParagraph {
    return this.later(new FakeParagraph(this.context), () => {
      this.doc.requireSet("1.6", "getParagraphByUniqueLocalId");
      return this.doc.paragraphById(id);
    });
  }
}

/** Shared by Body, Paragraph, Range and ContentControl: everything located by a span. */
abstract class FakeSpanObject<T> extends FakeObject<T> {
  protected abstract span(): Anchor;

  search(text: string, options: SearchOptions = {}): FakeRangeCollection {
    let hits: Anchor[] = [];
    this.context.enqueue(() => {
      hits = this.doc.search(this.span(), text, options);
      this.context.anchors.push(...hits);
    });
    return new FakeRangeCollection(this.context, () => hits);
  }

  getReviewedText(type: "Current" | "Original" = "Current"): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => {
      this.doc.requireSet("1.4", "getReviewedText");
      result.set(this.doc.textOf(this.span(), type).replace(/\r$/, ""));
    });
    return result;
  }

  getTrackedChanges(): FakeTrackedChangeCollection {
    let runs: TrackedRun[] = [];
    this.context.enqueue(() => {
      this.doc.requireSet("1.6", "getTrackedChanges");
      runs = this.doc.runsIn(this.span());
    });
    return new FakeTrackedChangeCollection(this.context, () => runs);
  }

  getComments(): FakeCommentCollection {
    let found: CommentData[] = [];
    this.context.enqueue(() => {
      this.doc.requireSet("1.4", "getComments");
      const s = this.span();
      found = this.doc.comments.filter((c) => c.anchor.start <= s.end && c.anchor.end >= s.start);
    });
    return new FakeCommentCollection(this.context, () => found);
  }

  select(): void {
    this.context.enqueue(() => {
      const s = this.span();
      this.doc.selection = { ...s };
    });
  }
}

/** A story's body: the document's, a header's or footer's (Section.getHeader/getFooter), a note's (NoteItem.body). */
export class FakeBody extends FakeSpanObject<Story> {
  constructor(context: FakeRequestContext, story?: Story) {
    super(context);
    if (story) this.bind(story);
  }

  protected span(): Anchor {
    return this.doc.storySpan(this.target);
  }

  protected get defaultProps(): string[] {
    return ["text"];
  }

  protected read(name: string): unknown {
    if (name === "text") return this.doc.textOf(this.span(), "raw").replace(/\r$/, "").replaceAll("\r", "\n");
    if (name === "type") {
      this.doc.requireSet("1.3", "Body.type");
      return BODY_TYPES[this.target.kind];
    }
    throw new FakeWordError("InvalidArgument", `The fake Body has no property ${name}.`);
  }

  get text(): string {
    return this.value("text");
  }

  /** "MainDoc", "Header", "Footer", "Footnote" or "Endnote" (WordApi 1.3). */
  get type(): string {
    return this.value("type");
  }

  get paragraphs(): FakeParagraphCollection {
    return new FakeParagraphCollection(this.context, () =>
      this.doc.paragraphSpans(this.target).map((p) => new FakeParagraph(this.context).bind(p.mark)),
    );
  }

  get contentControls(): FakeContentControlCollection {
    return new FakeContentControlCollection(this.context, () => this.doc.contentControls);
  }

  /** The footnotes (WordApi 1.5). ASSUMPTION: a note's or header's own body lists none. */
  get footnotes(): FakeNoteItemCollection {
    return new FakeNoteItemCollection(this.context, () => {
      this.doc.requireSet("1.5", "Body.footnotes");
      return this.target === this.doc.bodyStory ? this.doc.footnotes : [];
    });
  }

  /** The endnotes (WordApi 1.5). */
  get endnotes(): FakeNoteItemCollection {
    return new FakeNoteItemCollection(this.context, () => {
      this.doc.requireSet("1.5", "Body.endnotes");
      return this.target === this.doc.bodyStory ? this.doc.endnotes : [];
    });
  }

  insertParagraph(text: string, location: "Start" | "End"): FakeParagraph {
    return this.later(new FakeParagraph(this.context), () => {
      allowLocation(location, ["Start", "End"], "Body.insertParagraph");
      const s = this.span();
      const a = this.doc.insertAt(location === "Start" ? s.start : s.end, text, true, this.target);
      return (this.doc.chars[a.end - 1] as Char).mark as Mark;
    }, "Body.insertParagraph");
  }

  /** ASSUMPTION: a page break at the body's end is a new last paragraph holding "\f". */
  insertBreak(type: string, location: "Start" | "End"): void {
    this.context.enqueue(() => {
      allowLocation(location, ["Start", "End"], "Body.insertBreak");
      if (type !== "Page") throw new FakeWordError("NotImplemented", `Break type ${type}.`);
      const s = this.span();
      this.doc.insertAt(location === "Start" ? s.start : s.end, "\f", true, this.target);
    });
  }
}

const BODY_TYPES: Readonly<Record<StoryKind, string>> = { body: "MainDoc", header: "Header", footer: "Footer", footnote: "Footnote", endnote: "Endnote" };

/** The document's sections (WordApi 1.1). */
export class FakeSectionCollection extends FakeCollection<FakeSection> {
  constructor(context: FakeRequestContext) {
    super(context, () => context.doc.sections.map((s) => new FakeSection(context).bind(s)));
  }

  /** The first section (WordApi 1.3). */
  getFirst(): FakeSection {
    const proxy = new FakeSection(this.context);
    this.context.enqueue(() => {
      this.context.doc.requireSet("1.3", "SectionCollection.getFirst");
      proxy.bind(this.context.doc.sections[0] as SectionData);
    }, "SectionCollection.getFirst");
    return proxy;
  }
}

/** A section: its headers and footers. A type the document does not use (a first page not set to differ) is an empty
 * story; a linked one is the previous section's (ASSUMPTION: as VBA's HeaderFooter.LinkToPrevious describes). */
export class FakeSection extends FakeObject<SectionData> {
  protected get defaultProps(): string[] {
    return [];
  }

  protected read(name: string): unknown {
    throw new FakeWordError("InvalidArgument", `The fake Section has no property ${name}.`);
  }

  getHeader(type: HeaderFooterType): FakeBody {
    return this.later(new FakeBody(this.context), () => this.part("headers", type), "Section.getHeader");
  }

  getFooter(type: HeaderFooterType): FakeBody {
    return this.later(new FakeBody(this.context), () => this.part("footers", type), "Section.getFooter");
  }

  private part(which: "headers" | "footers", type: HeaderFooterType): Story {
    if (!HEADER_FOOTER_TYPES.includes(type)) throw new FakeWordError("InvalidArgument", `Header/footer type ${String(type)}.`);
    return this.target[which][type];
  }
}

/** The footnotes or endnotes of a body (WordApi 1.5). */
export class FakeNoteItemCollection extends FakeCollection<FakeNoteItem> {
  constructor(context: FakeRequestContext, notes: () => readonly NoteData[]) {
    super(context, () => notes().map((n) => new FakeNoteItem(context).bind(n)));
  }
}

/** A footnote or endnote: its type and its body (WordApi 1.5). */
export class FakeNoteItem extends FakeObject<NoteData> {
  protected get defaultProps(): string[] {
    return ["type"];
  }

  protected read(name: string): unknown {
    if (name === "type") return this.target.type;
    throw new FakeWordError("InvalidArgument", `The fake NoteItem has no property ${name}.`);
  }

  get type(): string { return this.value("type"); }

  get body(): FakeBody {
    return new FakeBody(this.context, this.target.story);
  }
}

export class FakeParagraph extends FakeSpanObject<Mark> {
  protected span(): Anchor {
    return this.doc.paragraphSpan(this.target);
  }

  private nullObject = false;

  get isNullObject(): boolean {
    return this.nullObject;
  }

  markNull(): void {
    this.nullObject = true;
  }

  override snapshot(props: string | string[] | undefined): void {
    if (!this.nullObject) super.snapshot(props);
  }

  /** The paragraph this proxy is bound to (for collection helpers). */
  markOf(): Mark {
    return this.target;
  }

  protected get defaultProps(): string[] {
    return ["text", "style", "styleBuiltIn"];
  }

  protected read(name: string): unknown {
    switch (name) {
      case "text": return this.doc.textOf(this.span(), "raw");
      case "uniqueLocalId":
        this.doc.requireSet("1.6", "Paragraph.uniqueLocalId");
        return this.doc.uniqueLocalIds ? this.target.id : null;
      case "style":
      case "styleBuiltIn": return this.target.style;
      case "isListItem":
        this.doc.requireSet("1.3", "Paragraph.isListItem");
        return this.target.list !== undefined;
      default: throw new FakeWordError("InvalidArgument", `The fake Paragraph has no property ${name}.`);
    }
  }

  get text(): string { return this.value("text"); }
  get uniqueLocalId(): string { return this.value("uniqueLocalId"); }
  get style(): string { return this.value("style"); }
  get styleBuiltIn(): string { return this.value("styleBuiltIn"); }

  get isListItem(): boolean { return this.value("isListItem"); }

  /** Only Word.BuiltInStyleName values (ASSUMPTION: "Other", which Word reports for custom styles, is refused too). */
  set styleBuiltIn(style: string) {
    this.setLocal("styleBuiltIn", style);
    this.context.enqueue(() => {
      this.doc.requireSet("1.3", "Paragraph.styleBuiltIn");
      if (!BUILT_IN_STYLE_NAMES.includes(style) || style === "Other") {
        throw new FakeWordError("InvalidArgument", `"${style}" is not a Word.BuiltInStyleName.`);
      }
      this.target.style = style;
    }, "Paragraph.styleBuiltIn");
  }

  /** Starts a new list with this paragraph (WordApi 1.3); fails if the paragraph is already a list item. */
  startNewList(): FakeList {
    return this.later(new FakeList(this.context), () => {
      this.doc.requireSet("1.3", "Paragraph.startNewList");
      if (this.target.list) throw new FakeWordError("InvalidArgument", "The paragraph is already a list item.");
      const list = this.doc.newList();
      this.target.list = { listId: list.id, level: 0 };
      return list;
    }, "Paragraph.startNewList");
  }

  /** Joins an existing list at a level (WordApi 1.3); fails for an unknown list or a paragraph already in one. */
  attachToList(listId: number, level: number): FakeList {
    return this.later(new FakeList(this.context), () => {
      this.doc.requireSet("1.3", "Paragraph.attachToList");
      const list = this.doc.lists.get(listId);
      if (!list || this.target.list || level < 0 || level > 8) {
        throw new FakeWordError("InvalidArgument", `Cannot attach the paragraph to list ${listId} at level ${level}.`);
      }
      this.target.list = { listId, level };
      return list;
    }, "Paragraph.attachToList");
  }

  /** Wraps the whole paragraph, its mark included, in a block content control (WordApi 1.1). */
  insertContentControl(): FakeContentControl {
    return this.later(new FakeContentControl(this.context), () => {
      const s = this.span();
      const cc: ContentControlData = {
        id: this.doc.nextObjectId(), anchor: this.doc.track({ start: s.start, end: s.end + 1 }), tag: "", title: "", cannotDelete: false,
      };
      this.doc.contentControls.push(cc);
      return cc;
    }, "Paragraph.insertContentControl");
  }

  getRange(location: "Whole" | "Start" | "End" | "After" | "Content" = "Whole"): FakeRange {
    return this.later(new FakeRange(this.context), () => {
      this.doc.requireSet("1.3", "Paragraph.getRange");
      allowLocation(location, ["Whole", "Start", "End", "After", "Content"], "Paragraph.getRange");
      const s = this.span();
      const a =
        location === "Start" ? { start: s.start, end: s.start }
        : location === "End" ? { start: s.end, end: s.end }
        : location === "After" ? { start: s.end + 1, end: s.end + 1 }
        : location === "Content" ? { start: s.start, end: s.end }
        : { start: s.start, end: s.end + 1 };
      return this.context.anchor(a);
    });
  }

  insertText(text: string, location: "Start" | "End" | "Replace"): FakeRange {
    return this.later(new FakeRange(this.context), () => {
      allowLocation(location, ["Replace", "Start", "End"], "Paragraph.insertText");
      const s = this.span();
      if (location === "Replace") {
        const inserted = this.context.anchor(this.doc.insertAt(s.end, text));
        this.doc.deleteSpan({ start: s.start, end: s.end });
        return inserted;
      }
      return this.context.anchor(this.doc.insertAt(location === "Start" ? s.start : s.end, text));
    });
  }

  insertParagraph(text: string, location: "Before" | "After"): FakeParagraph {
    return this.later(new FakeParagraph(this.context), () => {
      allowLocation(location, ["Before", "After"], "Paragraph.insertParagraph");
      const s = this.span();
      const a = this.doc.insertAt(location === "Before" ? s.start : s.end + 1, text, true, this.target.story);
      const mark = (this.doc.chars[a.end - 1] as Char).mark as Mark;
      if (location === "After" && this.doc.profile === "mac") [mark.id, this.target.id] = [this.target.id, mark.id];
      return mark;
    }, "Paragraph.insertParagraph");
  }

  /** The next paragraph, or a null object after the last one (WordApi 1.3). */
  getNextOrNullObject(): FakeParagraph {
    return this.neighbour(1, "Paragraph.getNextOrNullObject");
  }

  /** The previous paragraph, or a null object before the first one (WordApi 1.3). */
  getPreviousOrNullObject(): FakeParagraph {
    return this.neighbour(-1, "Paragraph.getPreviousOrNullObject");
  }

  /** ASSUMPTION: a null object's neighbour is a null object too. */
  private neighbour(step: 1 | -1, name: string): FakeParagraph {
    const proxy = new FakeParagraph(this.context);
    this.context.enqueue(() => {
      this.doc.requireSet("1.3", name);
      if (this.nullObject) return proxy.markNull();
      const spans = this.doc.paragraphSpans(this.target.story);
      const near = spans[spans.findIndex((p) => p.mark === this.target) + step];
      if (near) proxy.bind(near.mark);
      else proxy.markNull();
    }, name);
    return proxy;
  }

  delete(): void {
    this.context.enqueue(() => {
      const s = this.span();
      this.doc.deleteSpan({ start: s.start, end: s.end + 1 });
    });
  }
}

export class FakeRange extends FakeSpanObject<Anchor> {
  protected span(): Anchor {
    return this.target;
  }

  protected get defaultProps(): string[] {
    return ["text"];
  }

  protected read(name: string): unknown {
    if (name === "text") return this.doc.textOf(this.target, "raw");
    if (name === "isEmpty") {
      this.doc.requireSet("1.3", "Range.isEmpty");
      return this.target.start === this.target.end;
    }
    throw new FakeWordError("InvalidArgument", `The fake Range has no property ${name}.`);
  }

  get text(): string { return this.value("text"); }
  get isEmpty(): boolean { return this.value("isEmpty"); }

  insertText(text: string, location: "Before" | "After" | "Start" | "End" | "Replace"): FakeRange {
    return this.later(new FakeRange(this.context), () => {
      const t = this.target;
      allowLocation(location, ["Replace", "Start", "End", "Before", "After"], "Range.insertText");
      switch (location) {
        case "Before": return this.context.anchor(this.doc.insertAt(t.start, text));
        case "After": return this.context.anchor(this.doc.insertAt(t.end, text));
        case "Start": {
          const start = t.start;
          const a = this.doc.insertAt(start, text);
          t.start = start;
          return this.context.anchor(a);
        }
        case "End": {
          const end = t.end;
          const a = this.doc.insertAt(end, text);
          t.end = end + text.length;
          return this.context.anchor(a);
        }
        case "Replace": {
          const a = this.context.anchor(this.doc.insertAt(t.end, text));
          this.doc.deleteSpan({ start: t.start, end: a.start });
          t.start = a.start;
          t.end = a.end;
          return a;
        }
      }
    }, "Range.insertText");
  }

  delete(): void {
    this.context.enqueue(() => this.doc.deleteSpan({ ...this.target }), "Range.delete");
  }

  /** A page break ("\f") at the range's start ("Before") or end ("After"); other break types are not modelled. */
  insertBreak(type: string, location: "Before" | "After"): void {
    this.context.enqueue(() => {
      allowLocation(location, ["Before", "After"], "Range.insertBreak");
      if (type !== "Page") throw new FakeWordError("NotImplemented", `Break type ${type}.`);
      this.doc.insertAt(location === "Before" ? this.target.start : this.target.end, "\f");
    }, "Range.insertBreak");
  }

  /** Where this range lies relative to another (WordApi 1.3). */
  compareLocationWith(other: FakeRange): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => {
      this.doc.requireSet("1.3", "Range.compareLocationWith");
      const a = this.target;
      const b = other.target;
      result.set(
        a.start === b.start && a.end === b.end ? "Equal"
        : a.end === b.start ? "AdjacentBefore"
        : a.start === b.end ? "AdjacentAfter"
        : a.end < b.start ? "Before"
        : a.start > b.end ? "After"
        : a.start <= b.start && a.end >= b.end ? "Contains"
        : a.start >= b.start && a.end <= b.end ? "Inside"
        : "Overlaps");
    }, "Range.compareLocationWith");
    return result;
  }

  expandTo(other: FakeRange): FakeRange {
    return this.later(new FakeRange(this.context), () => {
      this.doc.requireSet("1.3", "Range.expandTo");
      const a = this.target;
      const b = other.target;
      return this.context.anchor({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
    });
  }

  /** Refused in a header or footer, where Word has no comments (office-js #341; MS-OI29500 2.1.315). ASSUMPTION: the
   * API says so with NotAllowed rather than dropping the comment silently. */
  insertComment(text: string): FakeComment {
    return this.later(new FakeComment(this.context), () => {
      this.doc.requireSet("1.4", "Range.insertComment");
      const kind = this.doc.storyAt(this.target.start).kind;
      if (kind === "header" || kind === "footer") throw new FakeWordError("NotAllowed", `Word does not allow comments in a ${kind}.`);
      const comment: CommentData = {
        id: this.doc.nextObjectId(),
        anchor: this.doc.track({ ...this.target }),
        content: text,
        author: this.doc.author,
      };
      this.doc.comments.push(comment);
      return comment;
    }, "Range.insertComment");
  }

  insertContentControl(): FakeContentControl {
    return this.later(new FakeContentControl(this.context), () => {
      const cc: ContentControlData = {
        id: this.doc.nextObjectId(),
        anchor: this.doc.track({ ...this.target }),
        tag: "",
        title: "",
        cannotDelete: false,
      };
      this.doc.contentControls.push(cc);
      return cc;
    });
  }
}

export class FakeComment extends FakeObject<CommentData> {
  protected get defaultProps(): string[] {
    return ["content", "authorName"];
  }

  protected read(name: string): unknown {
    this.doc.requireSet("1.4", `Comment.${name}`);
    if (name === "content") return this.target.content;
    if (name === "authorName") return this.target.author;
    throw new FakeWordError("InvalidArgument", `The fake Comment has no property ${name}.`);
  }

  get content(): string { return this.value("content"); }

  delete(): void {
    this.context.enqueue(() => {
      this.doc.requireSet("1.4", "Comment.delete");
      this.doc.comments = this.doc.comments.filter((c) => c !== this.target);
    }, "Comment.delete");
  }
}

export class FakeContentControl extends FakeSpanObject<ContentControlData> {
  protected span(): Anchor {
    return this.target.anchor;
  }

  protected get defaultProps(): string[] {
    return ["tag", "title", "text"];
  }

  protected read(name: string): unknown {
    switch (name) {
      case "tag": return this.target.tag;
      case "title": return this.target.title;
      case "cannotDelete": return this.target.cannotDelete;
      case "text": return this.doc.textOf(this.span(), "Current").replace(/\r$/, "").replaceAll("\r", "\n");
      default: throw new FakeWordError("InvalidArgument", `The fake ContentControl has no property ${name}.`);
    }
  }

  get tag(): string { return this.value("tag"); }
  set tag(v: string) { this.setField("tag", v); }
  get title(): string { return this.value("title"); }
  set title(v: string) { this.setField("title", v); }
  get text(): string { return this.value("text"); }
  set cannotDelete(v: boolean) { this.setField("cannotDelete", v); }
  set appearance(_v: string) { /* display only */ }

  private setField(name: "tag" | "title" | "cannotDelete", v: string | boolean): void {
    this.setLocal(name, v);
    this.context.enqueue(() => {
      (this.target as unknown as Record<string, unknown>)[name] = v;
    }, `ContentControl.${name}`);
  }

  /** Clears the content (tracked when tracking is on). */
  clear(): void {
    this.context.enqueue(() => {
      const a = this.target.anchor;
      // Keep the last paragraph mark so the control still has a paragraph to hold new content.
      this.doc.deleteSpan({ start: a.start, end: Math.max(a.start, a.end - 1) });
    });
  }

  /**
   * ASSUMPTION: "Start"/"End" of a block control insert a paragraph inside it, before its first or after its last
   * paragraph; "Before"/"After" insert one outside it.
   */
  insertParagraph(text: string, location: "Start" | "End" | "Before" | "After"): FakeParagraph {
    return this.later(new FakeParagraph(this.context), () => {
      allowLocation(location, ["Start", "End", "Before", "After"], "ContentControl.insertParagraph");
      const a = this.target.anchor;
      const at = location === "Start" || location === "Before" ? a.start : a.end;
      const { start, end } = a;
      const inserted = this.doc.insertAt(at, text, true, this.doc.storyAt(a.start));
      const n = inserted.end - inserted.start;
      if (location === "End") a.end = end + n;
      if (location === "Start") Object.assign(a, { start, end: end + n });
      return (this.doc.chars[inserted.end - 1] as Char).mark as Mark;
    }, "ContentControl.insertParagraph");
  }

  delete(keepContent: boolean): void {
    this.context.enqueue(() => {
      if (this.target.cannotDelete) throw new FakeWordError("AccessDenied", "The content control cannot be deleted.");
      if (!keepContent) this.doc.deleteSpan({ ...this.target.anchor });
      this.doc.contentControls = this.doc.contentControls.filter((c) => c !== this.target);
    }, "ContentControl.delete");
  }
}

export class FakeTrackedChange extends FakeObject<TrackedRun> {
  protected get defaultProps(): string[] {
    return ["type", "text", "author", "date"];
  }

  protected read(name: string): unknown {
    switch (name) {
      case "type": return this.target.type;
      // Word for Mac reports a deletion's text as "" (office-js #5178, #5188).
      case "text": return this.doc.profile === "mac" && this.target.type === "Deleted" ? "" : textOf(this.target.chars);
      case "author": return this.target.author;
      case "date": return this.target.date;
      default: throw new FakeWordError("InvalidArgument", `The fake TrackedChange has no property ${name}.`);
    }
  }

  get type(): RevisionType { return this.value("type"); }
  get text(): string { return this.value("text"); }
  get author(): string { return this.value("author"); }

  accept(): void {
    this.context.enqueue(() => this.doc.resolveRun(this.target, true));
  }

  /** The range the change covers (WordApi 1.6). */
  getRange(): FakeRange {
    return this.later(new FakeRange(this.context), () => {
      this.doc.requireSet("1.6", "TrackedChange.getRange");
      return this.context.anchor(this.doc.spanOfRun(this.target));
    }, "TrackedChange.getRange");
  }

  reject(): void {
    this.context.enqueue(() => this.doc.resolveRun(this.target, false));
  }
}

export class FakeParagraphCollection extends FakeCollection<FakeParagraph> {
  constructor(context: FakeRequestContext, private readonly all: () => FakeParagraph[]) {
    super(context, all);
  }

  /** The last paragraph (WordApi 1.3); ItemNotFound on an empty collection. */
  getLast(): FakeParagraph {
    return this.pick("getLast", (items) => items.at(-1));
  }

  getFirst(): FakeParagraph {
    return this.pick("getFirst", (items) => items[0]);
  }

  private pick(name: string, choose: (items: FakeParagraph[]) => FakeParagraph | undefined): FakeParagraph {
    const proxy = new FakeParagraph(this.context);
    this.context.enqueue(() => {
      this.context.doc.requireSet("1.3", `ParagraphCollection.${name}`);
      const item = choose(this.all());
      if (!item) throw new FakeWordError("ItemNotFound", "The collection is empty.");
      proxy.bind(item.markOf());
    }, `ParagraphCollection.${name}`);
    return proxy;
  }
}

/** A list (WordApi 1.3): its id and per-level formats. */
export class FakeList extends FakeObject<ListData> {
  protected get defaultProps(): string[] {
    return ["id"];
  }

  protected read(name: string): unknown {
    if (name === "id") return this.target.id;
    throw new FakeWordError("InvalidArgument", `The fake List has no property ${name}.`);
  }

  get id(): number { return this.value("id"); }

  setLevelNumbering(level: number, numbering: string, format: readonly (string | number)[] = [level, "."]): void {
    this.context.enqueue(() => {
      this.doc.requireSet("1.3", "List.setLevelNumbering");
      if (!LIST_NUMBERING.includes(numbering) || level < 0 || level > 8 || format.some((p) => typeof p === "number" && (p < 0 || p > level))) {
        throw new FakeWordError("InvalidArgument", `setLevelNumbering(${level}, ${numbering}, ${JSON.stringify(format)}).`);
      }
      this.target.levels[level] = { type: "Number", numbering, format: [...format] };
    }, "List.setLevelNumbering");
  }

  setLevelBullet(level: number, bullet: string): void {
    this.context.enqueue(() => {
      this.doc.requireSet("1.3", "List.setLevelBullet");
      if (!LIST_BULLET.includes(bullet) || level < 0 || level > 8) {
        throw new FakeWordError("InvalidArgument", `setLevelBullet(${level}, ${bullet}).`);
      }
      this.target.levels[level] = { type: "Bullet", bullet };
    }, "List.setLevelBullet");
  }
}

export class FakeRangeCollection extends FakeCollection<FakeRange> {
  constructor(context: FakeRequestContext, hits: () => Anchor[]) {
    super(context, () => hits().map((a) => new FakeRange(context).bind(a)));
  }
}

export class FakeContentControlCollection extends FakeCollection<FakeContentControl> {
  constructor(private readonly ctx: FakeRequestContext, private readonly all: () => ContentControlData[]) {
    super(ctx, () => all().map((c) => new FakeContentControl(ctx).bind(c)));
  }

  getByTag(tag: string): FakeContentControlCollection {
    return new FakeContentControlCollection(this.ctx, () => this.all().filter((c) => c.tag === tag));
  }
}

export class FakeTrackedChangeCollection extends FakeCollection<FakeTrackedChange> {
  constructor(context: FakeRequestContext, private readonly runs: () => TrackedRun[]) {
    super(context, () => runs().map((r) => new FakeTrackedChange(context).bind(r)));
  }

  acceptAll(): void {
    this.context.enqueue(() => this.runs().forEach((r) => this.context.doc.resolveRun(r, true)));
  }

  rejectAll(): void {
    this.context.enqueue(() => this.runs().forEach((r) => this.context.doc.resolveRun(r, false)));
  }
}

export class FakeCommentCollection extends FakeCollection<FakeComment> {
  constructor(context: FakeRequestContext, found: () => CommentData[]) {
    super(context, () => found().map((c) => new FakeComment(context).bind(c)));
  }
}

// ====================================================================================================
// Globals: Word.run and the slice of Office the pane touches.
// ====================================================================================================

export interface FakeOfficeHost {
  readonly Word: {
    readonly BuiltInStyleName: Readonly<Record<string, string>>;
    readonly ListNumbering: Readonly<Record<string, string>>;
    readonly ListBullet: Readonly<Record<string, string>>;
    run<T>(first: unknown, batch?: (context: FakeRequestContext) => Promise<T>): Promise<T> };
  readonly Office: unknown;
  readonly doc: FakeWordDocument;
}

/** Builds the Word and Office globals over doc; install them with installFakeOffice. */
export function createFakeOffice(doc: FakeWordDocument): FakeOfficeHost {
  const Word = {
    BuiltInStyleName: enumObject(BUILT_IN_STYLE_NAMES),
    ListNumbering: enumObject(LIST_NUMBERING),
    ListBullet: enumObject(LIST_BULLET),
    /** Word.run(batch) or Word.run(objectOrContext, batch): either way a fresh context on the same document. */
    async run<T>(first: unknown, second?: (context: FakeRequestContext) => Promise<T>): Promise<T> {
      const batch = (second ?? first) as (context: FakeRequestContext) => Promise<T>;
      const owner = second ? (first as { context?: unknown }).context : undefined;
      const context = owner instanceof FakeRequestContext ? owner : new FakeRequestContext(doc);
      try {
        const result = await batch(context);
        if (context.queue.length > 0) await context.sync();
        return result;
      } finally {
        doc.releaseAnchors(context.anchors);
      }
    },
  };
  const requirements = {
    isSetSupported(name: string, version?: string): boolean {
      if (name === "WordApi") return versionAtLeast(doc.apiVersion, version ?? "1.1");
      return doc.sets.includes(name);
    },
  };
  const settings = {
    get: (name: string): unknown => doc.settings.get(name) ?? null,
    set: (name: string, value: unknown): void => void doc.settings.set(name, value),
    remove: (name: string): void => void doc.settings.delete(name),
    saveAsync: (callback?: (result: { status: string }) => void): void => {
      setTimeout(() => callback?.({ status: "succeeded" }), 0);
    },
  };
  const associations = new Map<string, (event: { completed: () => void }) => unknown>();
  // Dialogs (DialogApi 1.1): each opened URL is recorded; a test reads `dialogs` and closes or answers them.
  const dialogs: FakeDialog[] = [];
  const ui = {
    displayDialogAsync(url: string, _options: unknown, callback?: (result: { status: string; value: FakeDialog }) => void): void {
      const dialog = new FakeDialog(url);
      dialogs.push(dialog);
      setTimeout(() => callback?.({ status: "succeeded", value: dialog }), 0);
    },
    messageParent: (message: string) => void dialogs.at(-1)?.send(message),
  };
  const platform = doc.profile === "mac" ? "Mac" : doc.profile === "windows" ? "PC" : "OfficeOnline";
  const Office = {
    HostType: { Word: "Word" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Word", platform };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: { requirements, document: { settings }, ui, officeTheme: doc.officeTheme },
    // Identity API: the signed-in user's login hint for nested app authentication's silent sign-in.
    auth: { getAuthContext: () => (doc.sets.includes("NestedAppAuth") ? Promise.resolve(FAKE_AUTH_CONTEXT) : Promise.reject(new Error("Not supported."))) },
    dialogs,
    actions: { associate: (name: string, fn: (event: { completed: () => void }) => unknown) => associations.set(name, fn) },
    associations,
  };
  return { Word, Office, doc };
}

/** An Office dialog: its URL, whether it was closed, and a way to answer as the page inside would. */
export class FakeDialog {
  closed = false;
  private readonly handlers = new Map<string, (arg: { message?: string; error?: number }) => void>();

  constructor(readonly url: string) {}

  addEventHandler(type: string, handler: (arg: { message?: string; error?: number }) => void): void {
    this.handlers.set(type, handler);
  }

  close(): void {
    this.closed = true;
  }

  /** What messageParent in the dialog's page does. */
  send(message: string): void {
    this.handlers.get("dialogMessageReceived")?.({ message });
  }
}

export function installFakeOffice(target: Record<string, unknown>, host: FakeOfficeHost): void {
  target["Word"] = host.Word;
  target["Office"] = host.Office;
}
