import { useEffect, useState } from "preact/hooks";

import { useTexts } from "../lib/i18n";
import { type LogEntry, subscribe } from "./log";

const SHOWN = 200;

function summary(args: unknown[]): string {
  const text = JSON.stringify(args);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function LogPanel() {
  const { n } = useTexts();
  const [entries, setEntries] = useState<LogEntry[]>([]);
  useEffect(() => subscribe((all) => setEntries(all.slice(-SHOWN))), []);
  return (
    <details class="sim-log">
      <summary>{n("ui.sim.log", window.simulatorLog.length)}</summary>
      <ol class="sim-log-list">
        {entries.map((entry, index) => (
          <li key={index} class={entry.unknown ? "sim-log-unknown" : undefined}>
            <code>
              +{entry.at} ms {entry.participant} {entry.frameContext} {entry.direction} {entry.func} {summary(entry.args)}
            </code>
          </li>
        ))}
      </ol>
    </details>
  );
}
