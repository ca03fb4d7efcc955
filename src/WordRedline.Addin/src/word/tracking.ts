// The one place that switches Word's change tracking for the add-in's edits and puts the user's mode back.
// changeTrackingMode is WordApi 1.4; below that every call here is a no-op and edits are untracked.

export type TrackingMode = Word.Document["changeTrackingMode"];

export interface Tracking {
  /** The user's mode, read before any change (null without WordApi 1.4). */
  readonly userMode: TrackingMode | null;
  /** Queues "track every change" (no sync). */
  on(): void;
  /** Queues "track nothing" (no sync): for the add-in's own clean-up of a failed batch. */
  off(): void;
  /** Queues the user's mode again (no sync). */
  restore(): void;
}

/** Tracking switches for a document whose user mode is known. */
export function trackingWith(context: Word.RequestContext, userMode: TrackingMode | null): Tracking {
  const set = (mode: TrackingMode) => {
    if (userMode !== null) context.document.changeTrackingMode = mode;
  };
  return {
    userMode,
    on: () => set("TrackAll"),
    off: () => set("Off"),
    restore: () => userMode !== null && set(userMode),
  };
}

/** Queues a read of the document's tracking mode (when supported); call `ready()` after the next sync. */
export function readTracking(context: Word.RequestContext, supported: boolean): { ready(): Tracking } {
  const doc = context.document;
  if (supported) doc.load("changeTrackingMode");
  return { ready: () => trackingWith(context, supported ? doc.changeTrackingMode : null) };
}
