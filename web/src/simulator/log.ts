/** Every message between the tabs and the simulated host, readable by people (the log panel)
 * and by tests (window.simulatorLog). */
export interface LogEntry {
  /** Milliseconds since the simulator page started (performance.now()). */
  at: number;
  direction: "app→host" | "host→app";
  participant: string;
  frameContext: string;
  func: string;
  args: unknown[];
  unknown?: boolean;
}

declare global {
  interface Window {
    simulatorLog: LogEntry[];
  }
}

type Listener = (entries: LogEntry[]) => void;
const listeners = new Set<Listener>();
window.simulatorLog = [];

function plain(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value ?? null)) as unknown;
  } catch {
    return String(value);
  }
}

export function record(entry: Omit<LogEntry, "at">): void {
  window.simulatorLog.push({ ...entry, args: plain(entry.args) as unknown[], at: Math.round(performance.now()) });
  for (const listener of listeners) listener(window.simulatorLog);
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
