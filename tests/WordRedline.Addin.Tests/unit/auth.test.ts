import { afterEach, describe, expect, it } from "vitest";
import { createAuth } from "../../../src/WordRedline.Addin/src/api/auth";

// Sign-in follows the service's /api/v1/config; NAA itself needs Office's broker and is checked by hand in Word.

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g["Office"];
});

describe("createAuth", () => {
  it("local mode: no token, nothing to sign in to", async () => {
    const auth = await createAuth({ auth: { enabled: false } });
    expect([auth.state(), await auth.token()]).toEqual(["notNeeded", null]);
  });

  it("refuses a config that asks for sign-in without saying how", async () => {
    await expect(createAuth({ auth: { enabled: true, clientId: "id", scopes: [] } })).rejects.toThrow(/did not say how/);
  });

  it("reports 'unsupported' where Office has no nested app authentication", async () => {
    g["Office"] = { context: { requirements: { isSetSupported: (name: string) => name !== "NestedAppAuth" } } };
    const auth = await createAuth({ auth: { enabled: true, clientId: "id", authority: "https://login.microsoftonline.com/t", scopes: ["api://id/access_as_user"] } });
    expect([auth.state(), await auth.token()]).toEqual(["unsupported", null]);
  });
});
