/** The signed-in session every surface works with. */
import { createContext } from "preact";
import { useContext } from "preact/hooks";

import type { Api } from "../lib/api";
import type { Me } from "../lib/conversations";
import type { TeamsContext } from "../lib/teams";

export interface Session {
  api: Api;
  me: Me;
  /** The Teams context, or null in a plain browser. */
  context: TeamsContext | null;
  demo: boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in page");
  return session;
}
