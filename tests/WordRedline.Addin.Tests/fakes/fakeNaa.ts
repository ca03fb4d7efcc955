// Office's side of nested app authentication, as MSAL talks to it: a `window.nestedAppAuthBridge` that takes MSAL's
// JSON requests (GetInitContext, GetToken for silent sign-in, GetTokenPopup for interactive) and answers each by its
// requestId, as Word does for an add-in (@azure/msal-browser dist/naa/BridgeProxy.mjs gives the message shapes).
// Tokens are unsigned test tokens; the service under test never sees them (the e2e routes the analyze call).

/** How the host answers: a silent request gets a token or "interaction required"; a popup gets a token or a cancel. */
export interface FakeNaaOptions {
  readonly silent: "token" | "interactionRequired";
  readonly popup?: "token" | "cancel";
  /** The access token handed out (the e2e's stand-in service accepts exactly this one). */
  readonly accessToken?: string;
}

export interface FakeNaaBridge {
  addEventListener(type: "message", listener: (response: string) => void): void;
  removeEventListener(type: "message", listener: (response: string) => void): void;
  postMessage(message: string): void;
  /** Every request's method, in order ("GetInitContext", "GetToken", "GetTokenPopup"). */
  readonly requests: string[];
}

const base64Url = (value: unknown): string =>
  btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const USER = { oid: "00000000-0000-0000-0000-0000000000aa", name: "Maria Alvarez", upn: "maria@contoso.example" };

export function createFakeNaaBridge(options: FakeNaaOptions): FakeNaaBridge {
  const listeners = new Set<(response: string) => void>();
  const requests: string[] = [];
  const now = () => Math.floor(Date.now() / 1000);
  const idToken = () => [
    base64Url({ alg: "none", typ: "JWT" }),
    base64Url({
      aud: "11111111-1111-1111-1111-111111111111", iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, iat: now(), nbf: now(), exp: now() + 3600,
      name: USER.name, oid: USER.oid, preferred_username: USER.upn, sub: USER.oid, tid: TENANT, ver: "2.0",
    }),
    "unsigned",
  ].join(".");
  const tokenAnswer = (scope: string) => ({
    token: { access_token: options.accessToken ?? "naa-token", expires_in: 3600, id_token: idToken(), scope, token_type: "Bearer" },
    account: {
      homeAccountId: `${USER.oid}.${TENANT}`, environment: "login.microsoftonline.com", tenantId: TENANT,
      username: USER.upn, localAccountId: USER.oid, name: USER.name,
    },
  });
  const answer = (payload: Record<string, unknown>) => {
    const text = JSON.stringify({ messageType: "NestedAppAuthResponse", ...payload });
    setTimeout(() => listeners.forEach((l) => l(text)), 0);
  };
  return {
    requests,
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    postMessage(message) {
      const request = JSON.parse(message) as { method: string; requestId: string; tokenParams?: { scope?: string } };
      requests.push(request.method);
      const reply = { requestId: request.requestId };
      const scope = request.tokenParams?.scope ?? "";
      switch (request.method) {
        case "GetInitContext":
          answer({ ...reply, success: true, initContext: { sdkName: "fake-office", sdkVersion: "1.0", capabilities: {}, accountContext: null } });
          return;
        case "GetToken":
          if (options.silent === "token") answer({ ...reply, success: true, ...tokenAnswer(scope) });
          else answer({ ...reply, success: false, error: { status: "USER_INTERACTION_REQUIRED", code: "interaction_required", description: "Sign in first." } });
          return;
        case "GetTokenPopup":
          if ((options.popup ?? "token") === "token") answer({ ...reply, success: true, ...tokenAnswer(scope) });
          else answer({ ...reply, success: false, error: { status: "USER_CANCEL", code: "user_cancelled", description: "The user closed the window." } });
          return;
        default:
          answer({ ...reply, success: false, error: { status: "PERSISTENT_ERROR", code: "unsupported", description: request.method } });
      }
    },
  };
}

/** What Office.auth.getAuthContext() gives (the login hint for silent sign-in). */
export const FAKE_AUTH_CONTEXT = { userPrincipalName: USER.upn, userObjectId: USER.oid, tenantId: TENANT, authorityType: "AAD" };
