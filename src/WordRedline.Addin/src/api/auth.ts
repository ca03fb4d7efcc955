import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { ServiceConfig } from "./contract";
import type { TokenSource } from "./client";

// Sign-in as the service asks for it (GET /api/v1/config). Nested app authentication (NAA) where Office has it;
// elsewhere the Office dialog: a page of the add-in signs in with MSAL and hands the token back. Tokens stay in
// memory, never in the document's settings.

export type SignInState = "signedOut" | "signedIn" | "notNeeded" | "unsupported";

export interface Auth {
  readonly token: TokenSource;
  /** Interactive sign-in (NAA popup or the Office dialog); needed when silent sign-in fails. */
  signIn(): Promise<void>;
  state(): SignInState;
}

export const NO_AUTH: Auth = { token: async () => null, signIn: async () => undefined, state: () => "notNeeded" };

/** A token obtained through the Office dialog, with when it stops being valid (ms since the epoch). */
export interface DialogToken {
  readonly token: string;
  readonly expiresOn: number;
}

/** Opens the add-in's sign-in page in an Office dialog and resolves with what it sends back. */
export type DialogSignIn = (config: Required<Pick<ServiceConfig["auth"], "clientId" | "authority" | "scopes">>) => Promise<DialogToken>;

/**
 * Sign-in that follows the service: the config is fetched on first use, and again after a failure, so a pane
 * opened while the service was down signs in once it is back (rather than running without sign-in all session).
 */
export function createServiceAuth(loadConfig: () => Promise<ServiceConfig>, dialog: DialogSignIn = officeDialogSignIn): Auth {
  let current: Auth | null = null;
  let pending: Promise<Auth> | null = null;
  const resolve = (): Promise<Auth> => {
    pending ??= loadConfig().then((c) => createAuth(c, dialog)).then((a) => (current = a)).catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
  return {
    // Without the config the call goes out unsigned: the service then says what is wrong (down, or 401).
    token: async () => resolve().then((a) => a.token(), () => null),
    signIn: async () => (await resolve()).signIn(),
    state: () => current?.state() ?? "signedOut",
  };
}

/** Builds the token source the service's /api/v1/config asks for. */
export async function createAuth(config: ServiceConfig, dialog: DialogSignIn = officeDialogSignIn): Promise<Auth> {
  const { enabled, clientId, authority, scopes = [] } = config.auth;
  if (!enabled) return NO_AUTH;
  if (!clientId || !authority || scopes.length === 0) throw new Error("The service asks for sign-in but did not say how.");
  if (!Office.context.requirements.isSetSupported("NestedAppAuth", "1.1")) {
    // DialogApi 1.1 is in every Word that runs this pane; without it there is no way to sign in from here.
    return Office.context.requirements.isSetSupported("DialogApi", "1.1") ? dialogAuth({ clientId, authority, scopes }, dialog)
      : { token: async () => null, signIn: async () => undefined, state: () => "unsupported" };
  }
  return nestedAuth(await createNestablePublicClientApplication({ auth: { clientId, authority } }), [...scopes]);
}

function nestedAuth(app: IPublicClientApplication, scopes: string[]): Auth {
  let signedIn = false;
  const request = { scopes };
  const loginHint = async (): Promise<string | undefined> => {
    try {
      return (await Office.auth.getAuthContext()).userPrincipalName;
    } catch {
      return undefined;
    }
  };
  return {
    async token() {
      const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
      try {
        const result = account ? await app.acquireTokenSilent({ ...request, account }) : await app.ssoSilent({ ...request, loginHint: await loginHint() });
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
    },
    async signIn() {
      const result = await app.acquireTokenPopup(request);
      app.setActiveAccount(result.account);
      signedIn = true;
    },
    state: () => (signedIn ? "signedIn" : "signedOut"),
  };
}

/** Sign-in through the Office dialog (no NAA): the token is kept in memory until a minute before it expires. */
function dialogAuth(config: Parameters<DialogSignIn>[0], dialog: DialogSignIn): Auth {
  let held: DialogToken | null = null;
  const valid = () => held !== null && held.expiresOn - 60_000 > Date.now();
  return {
    token: async () => (valid() ? (held as DialogToken).token : null),
    async signIn() {
      held = await dialog(config);
    },
    state: () => (valid() ? "signedIn" : "signedOut"),
  };
}

/** The Office dialog flow: auth-dialog.html signs in (MSAL redirect) and posts {token, expiresOn} back. */
export const officeDialogSignIn: DialogSignIn = (config) => new Promise((resolve, reject) => {
  const query = new URLSearchParams({ clientId: config.clientId, authority: config.authority, scopes: config.scopes.join(" ") });
  Office.context.ui.displayDialogAsync(`${window.location.origin}/auth-dialog.html?${query}`, { height: 60, width: 30 }, (opened) => {
    if (opened.status !== Office.AsyncResultStatus.Succeeded) {
      reject(new Error("The sign-in window could not open (a pop-up blocker, or another dialog is open)."));
      return;
    }
    const box = opened.value;
    box.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
      box.close();
      try {
        const message = JSON.parse((arg as { message: string }).message) as Partial<DialogToken> & { error?: string };
        if (message.token && message.expiresOn) resolve({ token: message.token, expiresOn: message.expiresOn });
        else reject(new Error(message.error ?? "Sign-in did not complete."));
      } catch {
        reject(new Error("Sign-in did not complete."));
      }
    });
    box.addEventHandler(Office.EventType.DialogEventReceived, () => reject(new Error("The sign-in window was closed before sign-in completed.")));
  });
});
