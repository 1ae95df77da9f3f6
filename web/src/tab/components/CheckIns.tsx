/** A goal's check-ins, newest first: each value with the note written with it, when and by whom. */
import { formatDateTime, formatPercent } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import type { components } from "../../lib/api/schema";

type CheckIn = components["schemas"]["ProgressOut"];

export function CheckIns({ entries, title }: { entries: CheckIn[]; title: string }) {
  const { t, language } = useTexts();
  if (!entries.length) return null;
  return (
    <ol class="check-ins" aria-label={t("ui.mymus.goal.checkins", { title })} data-testid="check-ins">
      {[...entries].reverse().map((entry) => (
        <li key={entry.id} class="check-in" data-testid="check-in" data-percent={entry.percent}>
          <span class="check-in-value">{formatPercent(entry.percent, language)}</span>
          {entry.note.trim() && (
            <span class="check-in-note" data-testid="check-in-note">
              {entry.note}
            </span>
          )}
          <span class="hint check-in-meta">
            {t("ui.mymus.goal.checkin", {
              date: formatDateTime(entry.created_at, language) ?? "",
              name: entry.author.display_name || t("ui.common.unknown_person"),
            })}
          </span>
        </li>
      ))}
    </ol>
  );
}
