import { createStandardPublicClientApplication } from "@azure/msal-browser";

// The page the Office dialog opens when nested app authentication is missing: it signs in with a redirect (the
// dialog is a full browser window) and posts the access token back to the pane with messageParent.

async function signIn(): Promise<void> {
  const query = new URLSearchParams(window.location.search);
  const clientId = query.get("clientId") ?? sessionStorage.getItem("wr.clientId") ?? "";
  const authority = query.get("authority") ?? sessionStorage.getItem("wr.authority") ?? "";
  const scopes = (query.get("scopes") ?? sessionStorage.getItem("wr.scopes") ?? "").split(" ").filter(Boolean);
  // The redirect back drops the query: keep the settings for the second visit.
  sessionStorage.setItem("wr.clientId", clientId);
  sessionStorage.setItem("wr.authority", authority);
  sessionStorage.setItem("wr.scopes", scopes.join(" "));
  const app = await createStandardPublicClientApplication({
    auth: { clientId, authority, redirectUri: `${window.location.origin}/auth-dialog.html` },
    cache: { cacheLocation: "sessionStorage" },
  });
  const result = await app.handleRedirectPromise();
  if (result) {
    Office.context.ui.messageParent(JSON.stringify({ token: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? Date.now() + 300_000 }));
    return;
  }
  await app.acquireTokenRedirect({ scopes });
}

void Office.onReady(() => signIn().catch((error: unknown) => {
  const status = document.getElementById("status");
  if (status) status.textContent = "Sign-in failed. Close this window and try again.";
  Office.context.ui.messageParent(JSON.stringify({ error: error instanceof Error ? error.message : "Sign-in failed." }));
}));
