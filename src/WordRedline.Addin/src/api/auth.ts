import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { ServiceConfig } from "./contract";
import type { TokenSource } from "./client";

// Nested app authentication (NAA): Office brokers the sign-in for the pane. Tokens stay in MSAL's memory cache;
// nothing is ever written to the document's settings.

export type SignInState = "signedOut" | "signedIn" | "notNeeded" | "unsupported";

export interface Auth {
  readonly token: TokenSource;
  /** Interactive sign-in (a popup); needed when silent sign-in fails. */
  signIn(): Promise<void>;
  state(): SignInState;
}

export const NO_AUTH: Auth = { token: async () => null, signIn: async () => undefined, state: () => "notNeeded" };

/** Builds the token source the service's /api/v1/config asks for. */
export async function createAuth(config: ServiceConfig): Promise<Auth> {
  const { enabled, clientId, authority, scopes = [] } = config.auth;
  if (!enabled) return NO_AUTH;
  if (!clientId || !authority || scopes.length === 0) throw new Error("The service asks for sign-in but did not say how.");
  if (!Office.context.requirements.isSetSupported("NestedAppAuth", "1.1")) {
    return { token: async () => null, signIn: async () => undefined, state: () => "unsupported" };
  }
  const app: IPublicClientApplication = await createNestablePublicClientApplication({
    auth: { clientId, authority },
  });
  let signedIn = false;
  const request = { scopes: [...scopes] };

  async function loginHint(): Promise<string | undefined> {
    try {
      return (await Office.auth.getAuthContext()).userPrincipalName;
    } catch {
      return undefined;
    }
  }

  async function token(): Promise<string | null> {
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    try {
      const result = account
        ? await app.acquireTokenSilent({ ...request, account })
        : await app.ssoSilent({ ...request, loginHint: await loginHint() });
      app.setActiveAccount(result.account);
      signedIn = true;
      return result.accessToken;
    } catch (error) {
      if (error instanceof InteractionRequiredAuthError) {
        signedIn = false;
        return null; // The call then fails with 401 and the pane offers "Sign in".
      }
      throw error;
    }
  }

  return {
    token,
    async signIn() {
      const result = await app.acquireTokenPopup(request);
      app.setActiveAccount(result.account);
      signedIn = true;
    },
    state: () => (signedIn ? "signedIn" : "signedOut"),
  };
}
