import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";

import type { Part } from "../../lib/meeting/types";
import type { MeetingState, MeetingStore } from "./store";

export const MeetingContext = createContext<MeetingStore | null>(null);

export function useStore(): MeetingStore {
  const store = useContext(MeetingContext);
  if (!store) throw new Error("useStore outside a meeting");
  return store;
}

/** The meeting's state; re-renders on every change. `parts` are loaded when first needed. */
export function useMeeting(...parts: Part[]): [MeetingState, MeetingStore] {
  const store = useStore();
  const [state, setState] = useState(store.state);
  useEffect(() => {
    setState(store.state);
    return store.subscribe(() => setState(store.state));
  }, [store]);
  useEffect(() => {
    parts.forEach((part) => void store.ensure(part));
  }, [store, parts.join(",")]);
  return [state, store];
}
