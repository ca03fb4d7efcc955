// The outcome of a ribbon command, shown in an Office dialog (function commands have no pane of their own).
// The title and message come from the query string and are set as text, never as HTML.
(function () {
  var query = new URLSearchParams(window.location.search);
  var title = query.get("title") || "WordRedline";
  document.getElementById("title").textContent = title;
  document.getElementById("message").textContent = query.get("message") || "";
  document.title = title + " - WordRedline";
  function close() {
    if (window.Office && Office.context && Office.context.ui && Office.context.ui.messageParent) {
      Office.context.ui.messageParent("close");
    } else {
      window.close();
    }
  }
  var ready = window.Office && Office.onReady ? Office.onReady() : Promise.resolve();
  ready.then(function () {
    document.getElementById("close").addEventListener("click", close);
    document.getElementById("close").focus();
  });
})();
