import { FluentProvider } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { createApiClient } from "../api/client";
import { createServiceAuth } from "../api/auth";
import { OfficeWordGateway } from "../word/gateway";
import { officeSettings } from "../word/settings";
import { App } from "./components/App";
import { currentTheme, THEMES } from "./theme";

/** Re-reads Office's theme and the system's forced colours when they may have changed. */
function Themed({ children }: { readonly children: ReactNode }) {
  const [name, setName] = useState(currentTheme);
  useEffect(() => {
    const update = () => setName(currentTheme());
    const forced = window.matchMedia?.("(forced-colors: active)");
    forced?.addEventListener?.("change", update);
    window.addEventListener("focus", update);
    document.addEventListener("visibilitychange", update);
    return () => {
      forced?.removeEventListener?.("change", update);
      window.removeEventListener("focus", update);
      document.removeEventListener("visibilitychange", update);
    };
  }, []);
  return <FluentProvider theme={THEMES[name]} data-theme={name}>{children}</FluentProvider>;
}

// Office.onReady only mounts React; everything else lives behind the gateway and the API client. Sign-in is set up
// on first use and again after a failure, so a service that was down when the pane opened is picked up later.
void Office.onReady(() => {
  const origin = window.location.origin;
  const auth = createServiceAuth(() => createApiClient(origin).config());
  const container = document.getElementById("root");
  if (!container) return;
  document.documentElement.lang = "en";
  createRoot(container).render(
    <Themed>
      <App
        gateway={new OfficeWordGateway()}
        api={createApiClient(origin, auth.token)}
        auth={auth}
        settings={officeSettings}
        scanOnOpen={new URLSearchParams(window.location.search).get("action") === "scan"}
      />
    </Themed>,
  );
});
