import { useCallback, useEffect } from "react";
import { SETTING_COMMENTS, SETTING_DISMISSED, SETTING_PARTY } from "../../word/settings";
import { dismissKey, type Card } from "../model/cards";
import type { PaneCore } from "./core";
import type { useDocument } from "./useDocument";

/** The user's choices, kept in the document's settings: the side they represent, dismissed cards, comments on/off. */
export function usePreferences(core: PaneCore, doc: ReturnType<typeof useDocument>, textOf: (card: Card) => string | undefined) {
  const { deps, latest, dispatch } = core;
  const { settings } = deps;

  const chooseParty = useCallback(async (party: string) => {
    dispatch({ type: "party", party });
    latest.current = { ...latest.current, party };
    await settings.set(SETTING_PARTY, party);
    dispatch({ type: "busy", busy: "party" });
    try {
      const analysis = await doc.analyze(latest.current.paragraphs, party);
      dispatch({ type: "analyzed", analysis, paragraphs: latest.current.paragraphs });
    } catch (error) {
      doc.fail(error);
    } finally {
      dispatch({ type: "busy", busy: null });
    }
  }, [doc, settings, dispatch, latest]);

  const dismiss = useCallback(async (card: Card) => {
    const key = dismissKey(card, textOf(card));
    dispatch({ type: "dismiss", key });
    await settings.set(SETTING_DISMISSED, [...latest.current.dismissed, key]);
  }, [settings, textOf, dispatch, latest]);

  const setComments = useCallback(async (on: boolean) => {
    dispatch({ type: "comments", on });
    await settings.set(SETTING_COMMENTS, on);
  }, [settings, dispatch]);

  useEffect(() => {
    dispatch({
      type: "restored",
      party: settings.get<string>(SETTING_PARTY),
      dismissed: settings.get<string[]>(SETTING_DISMISSED) ?? [],
      comments: settings.get<boolean>(SETTING_COMMENTS) ?? true,
    });
  }, [settings, dispatch]);

  return { chooseParty, dismiss, setComments };
}
