import type { Surface } from "../lib/boot";
import type { TeamsContext } from "../lib/teams";

/** Which surface to show. A configured meeting tab has one content URL (/tab/content) that Teams
 * loads in the chat tab, the side panel and on the stage alike: the frame context decides. */
export function chooseSurface(route: Surface, context: TeamsContext | null): Surface {
  if (route !== "content" || !context) return route;
  switch (context.page.frameContext) {
    case "sidePanel":
      return "sidepanel";
    case "meetingStage":
      return "stage";
    case "settings":
      return "config";
    default:
      return "content";
  }
}
