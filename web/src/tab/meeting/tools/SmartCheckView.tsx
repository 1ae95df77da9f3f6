/** The SMART check, per criterion (next to its field) and as one summary that screen readers hear. */
import { useTexts } from "../../../lib/i18n";
import { CRITERIA, type Criterion, type SmartCheck } from "../../../lib/meeting/types";
import { type CheckState, findingFor } from "./smart";

export function Verdict({ check, criterion, id }: { check: SmartCheck | null; criterion: Criterion; id: string }) {
  const { t } = useTexts();
  const finding = findingFor(check, criterion);
  if (!finding) return <p id={id} class="verdict" hidden />;
  return (
    <p id={id} class={`verdict verdict-${finding.verdict}`} data-criterion={criterion} data-verdict={finding.verdict}>
      <span class="verdict-mark" aria-hidden="true" />
      <span class="verdict-label">{t(`ui.meeting.smart.verdict.${finding.verdict}`)}:</span> {finding.reason}
    </p>
  );
}

export function SmartSummary({ state }: { state: CheckState }) {
  const { t, n } = useTexts();
  const check = state.check;
  const ok = check ? check.findings.filter((finding) => finding.verdict === "ok").length : 0;
  return (
    <div class="smart-summary" data-testid="smart-check" data-smart={check?.is_smart ? "yes" : "no"}>
      <p class="sub-title">{t("ui.meeting.smart.heading")}</p>
      <ul class="smart-criteria">
        {CRITERIA.map((criterion) => {
          const verdict = findingFor(check, criterion)?.verdict ?? "missing";
          return (
            <li key={criterion} class={`smart-chip verdict-${verdict}`} data-criterion={criterion} data-verdict={verdict}>
              <span class="verdict-mark" aria-hidden="true" />
              {t(`ui.meeting.smart.criterion.${criterion}`)}
              <span class="visually-hidden">: {t(`ui.meeting.smart.verdict.${verdict}`)}</span>
            </li>
          );
        })}
      </ul>
      <p class="hint" aria-live="polite" data-testid="smart-status">
        {state.status === "unavailable"
          ? t("ui.meeting.smart.unavailable")
          : check?.is_smart
            ? t("ui.meeting.smart.all_ok")
            : check
              ? n("ui.meeting.smart.count", ok, { total: CRITERIA.length })
              : ""}
      </p>
    </div>
  );
}
