/** Next to a field: why its last change is not saved (refused by the server, or waiting for the
 * connection), in the person's language, with what they typed kept. After a reload, the text kept
 * from before is offered back. See fields.ts for the mechanism. */
import { useEffect, useRef } from "preact/hooks";

import type { Texts } from "../../lib/i18n";
import { useTexts } from "../../lib/i18n";
import { useMeeting } from "./context";
import { type FieldStatus, noticeId } from "./fields";

/** The field's status (refused, waiting, or none when saved). `onSavedLater` runs when a change that
 * waited for the connection has gone through (e.g. to empty the draft that was kept meanwhile). */
export function useFieldStatus(field: string, onSavedLater?: () => void): FieldStatus | undefined {
  const [state] = useMeeting();
  const status = state.fields[field];
  const was = useRef(status);
  useEffect(() => {
    if (was.current?.kind === "waiting" && !status) onSavedLater?.();
    was.current = status;
  }, [status]);
  return status;
}

/** The props that tie an input to its field's notice (screen readers hear why it is not saved). */
export function noticeProps(field: string, status: FieldStatus | undefined): { describedBy?: string; invalid: boolean } {
  return { describedBy: status ? noticeId(field) : undefined, invalid: status?.kind === "refused" };
}

/** Why a field's change is not saved, in the person's language: the lead from the tab's own texts
 * (by the kind of refusal), and for a conflict or an invalid value the server's detail. */
export function describeRefusal(status: FieldStatus, { t }: Texts): { lead: string; detail: string | null } {
  if (status.kind === "waiting") return { lead: t("ui.meeting.refused.waiting"), detail: null };
  const code = status.status;
  if (code === 413) return { lead: t("ui.meeting.refused.too_large"), detail: null };
  if (code === 409) return { lead: t("ui.meeting.refused.conflict"), detail: status.message || null };
  if (code === 422) return { lead: t("ui.meeting.refused.invalid"), detail: status.message || null };
  if (code === 403) return { lead: t("ui.meeting.refused.forbidden"), detail: null };
  if (code === 401) return { lead: t("ui.meeting.refused.signed_out"), detail: null };
  // Rate limited: the server's text says how long to wait (an answer without it: a generic wait).
  if (code === 429)
    return { lead: t("ui.meeting.refused.limits_rate_limited"), detail: status.message || t("ui.error.limits_rate_limited") };
  if (code >= 500) return { lead: t("ui.meeting.refused.server"), detail: null };
  return { lead: t("ui.meeting.refused.other"), detail: status.message || null };
}

export function FieldNotice({
  field,
  current,
  onRestore,
  onDiscard,
  discardable = true,
}: {
  field: string;
  /** What the field holds now: the kept text is offered back when it differs. */
  current?: string;
  /** Puts the kept text back in the field. */
  onRestore?: (text: string) => void;
  /** Also called when the person discards the notice (e.g. to empty a draft). */
  onDiscard?: () => void;
  /** False where the text stays unsaved in the field whatever the notice says (the notes). */
  discardable?: boolean;
}) {
  const texts = useTexts();
  const { t } = texts;
  const [state, store] = useMeeting();
  const status = state.fields[field];
  if (!status) return null;
  const { lead, detail } = describeRefusal(status, texts);
  const offer = Boolean(onRestore && status.text && status.text !== current);
  return (
    <div
      id={noticeId(field)}
      class={`field-notice field-notice-${status.kind}`}
      role={status.kind === "refused" ? "alert" : "status"}
      data-testid="field-notice"
      data-field={field}
      data-kind={status.kind}
      data-status={status.status}
    >
      <p class="field-notice-lead">{lead}</p>
      {detail && <p class="field-notice-detail">{detail}</p>}
      {status.earlier && status.text && <p class="hint">{t("ui.meeting.refused.earlier")}</p>}
      {offer && (
        <details class="field-notice-kept">
          <summary>{t("ui.meeting.refused.show_kept")}</summary>
          <p class="field-notice-text" data-testid="kept-text">
            {status.text}
          </p>
        </details>
      )}
      {(offer || (status.kind === "refused" && (discardable || status.earlier))) && (
        <div class="button-row">
          {offer && (
            <button type="button" class="button button-small" onClick={() => onRestore?.(status.text ?? "")}>
              {t("ui.meeting.refused.restore")}
            </button>
          )}
          {status.kind === "refused" && (discardable || status.earlier) && (
            <button
              type="button"
              class="button button-subtle button-small"
              onClick={() => {
                store.clearField(field);
                onDiscard?.();
              }}
            >
              {t("ui.meeting.refused.discard")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
