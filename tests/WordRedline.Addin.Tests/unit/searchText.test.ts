import { describe, expect, it } from "vitest";
import { escapeSearchText, hashText, MAX_SEARCH_LENGTH, occurrences, planSpan } from "../../../src/WordRedline.Addin/src/word/searchText";

describe("escapeSearchText", () => {
  it("escapes carets and writes tabs, line breaks and no-break spaces as caret codes", () => {
    expect(escapeSearchText("a^b\tc\vd\u00a0e")).toBe("a^^b^tc^ld^se");
  });

  it("leaves ordinary text alone", () => {
    expect(escapeSearchText("for any and all purposes (including AI)")).toBe("for any and all purposes (including AI)");
  });
});

describe("occurrences", () => {
  it("counts left to right without overlap, as Word's search does", () => {
    expect(occurrences("aaaa", "aa")).toEqual([0, 2]);
    expect(occurrences("any purpose; any purpose", "any purpose")).toEqual([0, 13]);
    expect(occurrences("abc", "")).toEqual([]);
  });
});

describe("planSpan", () => {
  it("finds the occurrence index of a repeated phrase", () => {
    const text = "for any purpose and for any purpose";
    expect(planSpan(text, 20, 15)).toEqual({ kind: "single", hit: { text: "for any purpose", search: "for any purpose", index: 1, total: 2 } });
  });

  it("refuses a span that Word's search can never return on its own", () => {
    expect(planSpan("aaaa", 1, 2)).toBeNull();
    expect(planSpan("abc", 2, 5)).toBeNull();
  });

  it("splits a span over 255 characters into a head and a tail that each fit", () => {
    const span = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ") + " ^caret";
    const text = `Start ${span} end.`;
    const plan = planSpan(text, 6, span.length);
    if (plan?.kind !== "headTail") throw new Error(`expected headTail, got ${plan?.kind}`);
    expect(plan.head.search.length).toBeLessThanOrEqual(MAX_SEARCH_LENGTH);
    expect(plan.tail.search.length).toBeLessThanOrEqual(MAX_SEARCH_LENGTH);
    expect(span.startsWith(plan.head.text)).toBe(true);
    expect(span.endsWith(plan.tail.text)).toBe(true);
    expect(plan.tail.search.endsWith("^^caret")).toBe(true);
  });

  it("never splits a caret code at the 255 limit", () => {
    const span = "x".repeat(254) + "^" + "y".repeat(10);
    const plan = planSpan(span, 0, span.length);
    if (plan?.kind !== "headTail") throw new Error("expected headTail");
    expect(plan.head.text).toBe("x".repeat(254));
  });
});

describe("hashText", () => {
  it("differs when one character changes and is stable otherwise", () => {
    expect(hashText("any purpose")).toBe(hashText("any purpose"));
    expect(hashText("any purpose") === hashText("any purposE")).toBe(false);
    expect(hashText("")).toBe("0-811c9dc5");
  });
});
