/** Which page each simulated Teams surface loads, and with which frame context. Once the tab is
 * configured, Teams loads the configured content URL in the side panel, the chat tab and the stage. */
import type { TabSettings } from "./host";
import { sameOriginTabUrl } from "./host";

export type View = "sidepanel" | "content" | "config" | "personal";
export const VIEWS: View[] = ["sidepanel", "content", "config", "personal"];

export interface FrameSpec {
  src: string;
  frameContext: "sidePanel" | "content" | "settings" | "meetingStage";
  entityId: string;
  inMeeting: boolean;
}

/** `sidePanel`: the page an unconfigured side panel loads (the benchmark swaps in its baseline page). */
export function frameSpec(view: View, tab: TabSettings | null, sidePanel = "/tab/sidepanel"): FrameSpec {
  const configured = tab ? sameOriginTabUrl(tab.contentUrl) : null;
  const entityId = tab?.entityId ?? "";
  switch (view) {
    case "sidepanel":
      return { src: configured ?? sidePanel, frameContext: "sidePanel", entityId, inMeeting: true };
    case "content":
      return { src: configured ?? "/tab/content", frameContext: "content", entityId, inMeeting: true };
    case "config":
      return { src: "/tab/config", frameContext: "settings", entityId: "", inMeeting: true };
    case "personal":
      return { src: "/tab/personal", frameContext: "content", entityId: "my-mus", inMeeting: false };
  }
}
