import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Pane } from "../usePane";

/** The older-Word warning, the ask before untracked edits, and the current notice, in a live region. */
export function NoticeArea({ pane }: { readonly pane: Pane }) {
  const { state, capabilities } = pane;
  const notice = state.notice;
  const waiting = state.confirmUntracked;
  return (
    <div aria-live="polite" data-testid="notices">
      {!capabilities.trackedChanges && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Older Word</MessageBarTitle>
            This version of Word cannot record tracked changes from add-ins. Scanning works; accepting a change or inserting the addendum asks you first, because it would go in directly.
          </MessageBarBody>
        </MessageBar>
      )}
      {waiting && (
        <MessageBar intent="warning" data-testid="confirm-untracked" role="alertdialog" aria-label="Apply without tracking?">
          <MessageBarBody>
            <MessageBarTitle>Apply without tracked changes?</MessageBarTitle>
            {waiting.kind === "addendum"
              ? "This version of Word cannot record the addendum as tracked changes: it goes into the document directly, with no redline for the other side to see."
              : `This version of Word cannot record the ${waiting.cards.length === 1 ? "change" : `${waiting.cards.length} changes`} as tracked changes: ${waiting.cards.length === 1 ? "it goes" : "they go"} into the text directly, with no redline for the other side to see.`}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void pane.confirmUntracked(true)}>{waiting.kind === "addendum" ? "Insert directly" : "Apply directly"}</Button>
            <Button size="small" onClick={() => void pane.confirmUntracked(false)}>Cancel</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} data-testid="notice" data-intent={notice.intent} tabIndex={-1} role={notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.message}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" size="small" onClick={pane.clearNotice} aria-label="Close the message">✕</Button>}>
            {notice.action === "retry" && <Button size="small" onClick={() => void pane.scan()}>Try again</Button>}
            {notice.action === "retryBatch" && <Button size="small" onClick={() => void pane.acceptAll()}>Try again</Button>}
            {notice.action === "retryAddendum" && <Button size="small" onClick={() => void pane.insertAddendum(false)}>Try again</Button>}
            {notice.action === "signIn" && <Button size="small" onClick={() => void pane.signIn()}>Sign in</Button>}
            {notice.action === "replaceAddendum" && <Button size="small" onClick={() => void pane.insertAddendum(true)}>Update addendum</Button>}
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
