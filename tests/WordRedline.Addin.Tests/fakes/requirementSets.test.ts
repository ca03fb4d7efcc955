import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/engine";

// Every Word call the gateway makes is checked against the requirement set it needs: the sets come from the
// [Api set: WordApi x.y] tags of the installed @types/office-js (the typed Office.js reference), the calls from the
// gateway's source (src/word), the guards from the fake's requireSet calls. The manifest asks for WordApi 1.3, so
// anything newer must be guarded by the fake (which then fails it on an older Word, as Word does) and is detected at
// run time by the gateway (Capabilities).

const requireFromAddin = createRequire(path.join(repoRoot, "src/WordRedline.Addin/package.json"));
const dts = readFileSync(requireFromAddin.resolve("@types/office-js/index.d.ts"), "utf8");
const fake = readFileSync(path.join(repoRoot, "tests/WordRedline.Addin.Tests/fakes/fakeWord.ts"), "utf8");
const wordDir = path.join(repoRoot, "src/WordRedline.Addin/src/word");
const gateway = readdirSync(wordDir).filter((f) => f.endsWith(".ts")).map((f) => readFileSync(path.join(wordDir, f), "utf8")).join("\n");

const MANIFEST_SET = "1.3";
const newer = (a: string, b: string): boolean => Number(a.split(".")[1]) > Number(b.split(".")[1]);

/** "Class.member" -> WordApi version, for every member of a Word class with a WordApi tag. */
function wordApiSets(): Map<string, string> {
  const word = dts.slice(dts.indexOf("declare namespace Word {"));
  const sets = new Map<string, string>();
  for (const cls of word.matchAll(/\n {4}(?:export )?class (\w+) extends OfficeExtension\.ClientObject \{([\s\S]*?)\n {4}\}/g)) {
    for (const m of (cls[2] as string).matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*\n\s+(?:readonly )?(\w+)[(:?]/g)) {
      const set = /\[Api set: WordApi (\d+\.\d+)\]/.exec(m[1] as string)?.[1];
      const key = `${cls[1]}.${m[2]}`;
      if (set && !sets.has(key)) sets.set(key, set);
    }
  }
  return sets;
}

/** The fake's guards: "Class.member", "Class.*" (a guard on every member) or a bare "member", with their set. */
function fakeGuards(): Map<string, string> {
  const guards = new Map<string, string>();
  for (const m of fake.matchAll(/requireSet\("(\d+\.\d+)", [`"]([\w.]+)(\.\$\{name\})?[`"]\)/g)) guards.set(m[3] ? `${m[2]}.*` : (m[2] as string), m[1] as string);
  for (const m of fake.matchAll(/new FakeEventHandlers\(context, "(\w+)", "(\d+\.\d+)"\)/g)) guards.set(`Document.${m[1]}`, m[2] as string);
  return guards;
}

/** "Class.member" for every method and property the fake implements, by the Word class it stands for. */
function fakeMembers(): Set<string> {
  const bodies = new Map<string, string>();
  const classes = [...fake.matchAll(/\n(?:export )?(?:abstract )?class (Fake\w+)(?:<[^>]*>)?(?: extends (\w+))?/g)];
  classes.forEach((c, i) => bodies.set(c[1] as string, fake.slice(c.index, classes[i + 1]?.index ?? fake.length)));
  const parent = new Map(classes.map((c) => [c[1] as string, c[2] ?? ""]));
  const own = (cls: string): string[] => [...(bodies.get(cls) ?? "").matchAll(/\n {2}(?:get |set )?(\w+)(?:<[^>]*>)?\(/g)].map((m) => m[1] as string);
  const out = new Set<string>();
  for (const cls of bodies.keys()) {
    const word = cls === "FakeDocumentProxy" ? "Document" : cls.slice(4);
    for (let c: string | undefined = cls; c; c = parent.get(c)) own(c).forEach((m) => out.add(`${word}.${m}`));
  }
  return out;
}

const sets = wordApiSets();
const guards = fakeGuards();
const member = (key: string): string => key.split(".").pop() as string;

describe("requirement sets: the fake against the Office.js reference", () => {
  it("each guard in the fake names the set the reference gives that call", () => {
    expect(guards.size).toBeGreaterThan(25);
    const wrong = [...guards].filter(([label, set]) => {
      if (label.endsWith(".*")) {
        const prefix = label.slice(0, -1);
        return ![...sets].some(([key, s]) => key.startsWith(prefix) && s === set);
      }
      if (label.includes(".")) return sets.get(label) !== set;
      // A bare member: the set it has on the classes the fake gives it (getReviewedText, getTrackedChanges, ...).
      return ![...sets].some(([key, s]) => member(key) === label && s === set);
    });
    expect(wrong).toEqual([]);
  });

  it("every member the fake implements that needs more than the manifest's WordApi 1.3 is guarded by the fake", () => {
    const implemented = fakeMembers();
    expect(implemented.has("Paragraph.uniqueLocalId") && implemented.has("Body.getTrackedChanges")).toBe(true);
    const guarded = (key: string): boolean => guards.has(key) || guards.has(member(key)) || guards.has(`${key.split(".")[0]}.*`);
    // Reached only through a guarded call: a TrackedChange from getTrackedChanges (1.6), a Comment from
    // getComments or insertComment (1.4), a NoteItem from Body.footnotes / endnotes (1.5).
    const reachedThroughGuard = /^(TrackedChange|TrackedChangeCollection|Comment|CommentCollection|NoteItem|NoteItemCollection)\./;
    const unguarded = [...implemented].filter((key) => {
      const set = sets.get(key);
      return set !== undefined && newer(set, MANIFEST_SET) && !guarded(key) && !reachedThroughGuard.test(key);
    });
    expect(unguarded).toEqual([]);
  });

  it("the gateway calls no Word member the fake does not implement (so none escapes the checks above)", () => {
    const implemented = new Set([...fakeMembers()].map(member));
    const used = new Set([...gateway.matchAll(/\.(\w+)\s*\(/g)].map((m) => m[1] as string));
    const wordMembers = new Set([...sets.keys()].map(member));
    // Office's common API and the language's own methods are not Word members.
    const missing = [...used].filter((name) => wordMembers.has(name) && !implemented.has(name) && !["load", "sync", "run", "set", "get", "add", "remove", "delete", "toJSON", "track", "untrack", "values", "keys", "entries"].includes(name));
    expect(missing).toEqual([]);
  });
});
