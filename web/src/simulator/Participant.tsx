import type { Ref } from "preact";

import { useTexts } from "../lib/i18n";
import type { Participant } from "./boot";
import { type FrameSpec, type View, VIEWS } from "./frames";

export interface ColumnState {
  view: View;
  valid: boolean;
  saving: boolean;
  note: string | null;
}

interface Props {
  participant: Participant;
  column: ColumnState;
  frame: FrameSpec;
  frameKey: string;
  frameRef: Ref<HTMLIFrameElement>;
  onView: (view: View) => void;
  onSave: () => void;
  onShare: () => void;
}

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

/** One meeting participant: their own Teams client, with their own identity, in one column. */
export function ParticipantColumn({ participant, column, frame, frameKey, frameRef, onView, onSave, onShare }: Props) {
  const { t } = useTexts();
  const headingId = `participant-${participant.key}`;
  return (
    <section class="sim-participant" aria-labelledby={headingId} data-participant-column={participant.key}>
      <h2 id={headingId} class="sim-participant-name">
        {participant.name} <span class="hint">({t(`ui.role.${participant.role}`)})</span>
      </h2>
      <div class="sim-toolbar" role="group" aria-label={t("ui.sim.open_for", { name: participant.name })}>
        {VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            class="button button-small"
            aria-pressed={column.view === view}
            data-view={view}
            onClick={() => onView(view)}
          >
            {t(`ui.sim.view.${view}`)}
          </button>
        ))}
        <button type="button" class="button button-small" data-action="host-share" onClick={onShare}>
          {t("ui.sim.share_from_tray")}
        </button>
      </div>
      {column.view === "config" && (
        <div class="sim-dialog-bar">
          <p class="hint">{t("ui.sim.config_hint")}</p>
          <button
            type="button"
            class="button button-primary"
            data-action="save"
            disabled={!column.valid || column.saving}
            onClick={onSave}
          >
            {column.saving ? t("ui.sim.saving") : t("ui.sim.save")}
          </button>
        </div>
      )}
      <p class="sim-note" role="status">
        {column.note}
      </p>
      <div class="sim-window">
        {column.view === "sidepanel" && (
          <div class="sim-video" aria-hidden="true">
            <span class="sim-avatar">{initials(participant.name)}</span>
          </div>
        )}
        <iframe
          key={frameKey}
          ref={frameRef}
          class={`sim-frame sim-frame-${column.view}`}
          title={t(`ui.sim.frame_title.${column.view}`, { name: participant.name })}
          src={frame.src}
          data-participant={participant.key}
          data-frame-context={frame.frameContext}
          data-entity-id={frame.entityId}
          data-in-meeting={String(frame.inMeeting)}
        />
      </div>
    </section>
  );
}
