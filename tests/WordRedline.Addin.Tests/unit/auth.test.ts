import { afterEach, describe, expect, it } from "vitest";
import { createAuth, createServiceAuth } from "../../../src/WordRedline.Addin/src/api/auth";
import type { ServiceConfig } from "../../../src/WordRedline.Addin/src/api/contract";

// Sign-in follows the service's /api/v1/config; NAA itself needs Office's broker and is checked by hand in Word.

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g["Office"];
});

const ENTRA: ServiceConfig = { auth: { enabled: true, clientId: "id", authority: "https://login.microsoftonline.com/t", scopes: ["api://id/access_as_user"] } };
const office = (sets: string[]) => {
  g["Office"] = { context: { requirements: { isSetSupported: (name: string) => sets.includes(name) } } };
};

describe("createAuth", () => {
  it("local mode: no token, nothing to sign in to", async () => {
    const auth = await createAuth({ auth: { enabled: false } });
    expect([auth.state(), await auth.token()]).toEqual(["notNeeded", null]);
  });

  it("refuses a config that asks for sign-in without saying how", async () => {
    await expect(createAuth({ auth: { enabled: true, clientId: "id", scopes: [] } })).rejects.toThrow(/did not say how/);
  });

  it("without nested app authentication, signs in through the Office dialog and keeps the token until it expires", async () => {
    office(["WordApi", "DialogApi"]);
    let asked: unknown = null;
    const auth = await createAuth(ENTRA, async (config) => {
      asked = config;
      return { token: "dialog-token", expiresOn: Date.now() + 3_600_000 };
    });
    expect([auth.state(), await auth.token()]).toEqual(["signedOut", null]);
    await auth.signIn();
    expect(asked).toEqual({ clientId: "id", authority: ENTRA.auth.authority, scopes: ENTRA.auth.scopes });
    expect([auth.state(), await auth.token()]).toEqual(["signedIn", "dialog-token"]);
  });

  it("reports 'unsupported' where Office has neither nested app authentication nor dialogs", async () => {
    office(["WordApi"]);
    const auth = await createAuth(ENTRA);
    expect([auth.state(), await auth.token()]).toEqual(["unsupported", null]);
  });
});

describe("createServiceAuth", () => {
  it("a service that was down when the pane opened is asked again, and sign-in then works", async () => {
    office(["WordApi", "DialogApi"]);
    let calls = 0;
    const auth = createServiceAuth(async () => {
      calls++;
      if (calls === 1) throw new Error("offline");
      return ENTRA;
    }, async () => ({ token: "t", expiresOn: Date.now() + 3_600_000 }));
    expect(await auth.token()).toBeNull(); // config unreachable: the call goes out unsigned and fails as offline
    await auth.signIn(); // the config is fetched again
    expect([calls, await auth.token(), auth.state()]).toEqual([2, "t", "signedIn"]);
  });
});
