import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createApiClient } from "../api/client";
import { createAuth, NO_AUTH } from "../api/auth";
import { OfficeWordGateway } from "../word/gateway";
import { officeSettings } from "../word/settings";
import { App } from "./components/App";

// Office.onReady only mounts React; everything else lives behind the gateway and the API client.
void Office.onReady(async () => {
  const origin = window.location.origin;
  // Without the service's config the pane still opens: the first scan then shows "service unreachable".
  const config = await createApiClient(origin).config().catch(() => null);
  const auth = config ? await createAuth(config).catch(() => NO_AUTH) : NO_AUTH;
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App
        gateway={new OfficeWordGateway()}
        api={createApiClient(origin, auth.token)}
        auth={auth}
        settings={officeSettings}
        origin={origin}
        scanOnOpen={new URLSearchParams(window.location.search).get("action") === "scan"}
      />
    </FluentProvider>,
  );
});
