/** Co-editing goals and development actions without loss.
 *
 * An editor keeps the values it started from (`start`) and the version they belong to; a save sends
 * only the changed fields, those fields' starting values (`base`) and that version, so the server can
 * merge with what the other person saved in between (docs/live.md, "Structured fields"). When both
 * changed the same non-text field the server refuses (409 edit_conflict) and the editor asks, next to
 * each such field, whose value should apply; nothing typed is lost.
 *
 * While someone types, the editor sends the changed fields as a draft (throttled, never stored), so
 * the other person sees the goal or action being written before it is saved. */
import { useEffect, useRef } from "preact/hooks";

import { ApiError } from "../../../lib/api";
import { formatDate } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import type { Draft, MeetingStore } from "../store";

export type Values = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `now` that differ from `start`. */
export function changedFields<T extends Values>(now: T, start: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(now) as (keyof T)[]) {
    if (!same(now[key], start[key])) changes[key] = now[key];
  }
  return changes;
}

/** The values of `fields` in `from`. */
export function pick<T extends Values>(from: T, fields: Partial<T>): Partial<T> {
  const picked: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) picked[key] = from[key];
  return picked;
}

export interface Conflict {
  field: string;
  theirs: unknown;
  mine: unknown;
}

/** A 409 edit_conflict: the record as it is now and the fields both changed. */
export function editConflict<T>(error: unknown): { current: T; conflicts: Conflict[] } | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== "edit_conflict" || !error.current) return null;
  const conflicts = error.fields
    .filter((entry) => typeof entry.field === "string")
    .map((entry) => ({ field: entry.field as string, theirs: entry.theirs ?? null, mine: entry.mine ?? null }));
  return { current: error.current as T, conflicts };
}

/** Whether the saved record holds anything else than what this editor sent (the other person's
 * changes were merged in). */
export function mergedWithOthers(saved: Values, mine: Values): boolean {
  return Object.keys(mine).some((key) => !same(saved[key], mine[key]));
}

/** One value as the person reads it. */
export type Show = (field: string, value: unknown) => string;

export function useShow(labels: Record<string, (value: string) => string>): Show {
  const { t, language } = useTexts();
  return (field, value) => {
    if (value === null || value === undefined || value === "") return t("ui.meeting.coedit.empty");
    if (field === "deadline" || field === "due_date") return formatDate(String(value), language) ?? String(value);
    const label = labels[field];
    return label ? label(String(value)) : String(value);
  };
}

/** Next to a field both people changed: keep their value or mine. */
export function ConflictChoice({
  conflict,
  other,
  show,
  onChoose,
}: {
  conflict: Conflict | undefined;
  other: string;
  show: Show;
  onChoose: (field: string, choice: "theirs" | "mine") => void;
}) {
  const { t } = useTexts();
  if (!conflict) return null;
  return (
    <div class="conflict-choice" role="group" aria-label={t("ui.meeting.coedit.conflict", { name: other })} data-testid="conflict" data-field={conflict.field}>
      <p class="inline-error">{t("ui.meeting.coedit.conflict", { name: other })}</p>
      <div class="button-row">
        <button type="button" class="button button-small" data-choice="theirs" onClick={() => onChoose(conflict.field, "theirs")}>
          {t("ui.meeting.coedit.theirs", { name: other, value: show(conflict.field, conflict.theirs) })}
        </button>
        <button type="button" class="button button-small" data-choice="mine" onClick={() => onChoose(conflict.field, "mine")}>
          {t("ui.meeting.coedit.mine", { value: show(conflict.field, conflict.mine) })}
        </button>
      </div>
    </div>
  );
}

/** What an editor says about its last save: merged with the other's changes, or waiting for choices. */
export function SaveNote({ note, other }: { note: "merged" | "conflict" | null; other: string }) {
  const { t } = useTexts();
  if (note === "merged")
    return (
      <p class="notice" role="status" data-testid="merged-note">
        {t("ui.meeting.coedit.merged", { name: other })}
      </p>
    );
  if (note === "conflict")
    return (
      <p class="inline-error" role="alert" data-testid="conflict-note">
        {t("ui.meeting.coedit.not_saved")}
      </p>
    );
  return null;
}

const DRAFT_THROTTLE_MS = 300;
const DRAFT_REFRESH_MS = 10_000;

/** Sends what is being typed (the changed fields) as a draft: at most every 300 ms, again every
 * 10 s while the editor stays open (a draft lives 30 s unrefreshed), and withdrawn when the editor
 * closes or nothing differs any more. Drafts are a help: a failed one is not retried. */
export function useDraft(store: MeetingStore, record: "goal" | "action", id: number | null, fields: Values): void {
  const key = useRef(`${id ?? "new"}-${crypto.randomUUID().slice(0, 8)}`);
  const latest = useRef<Values>(fields);
  const sent = useRef(false);
  const timer = useRef<number | null>(null);
  const path = `/api/conversations/${store.id}/drafts/${record}/${key.current}`;
  latest.current = fields;

  const send = () => {
    timer.current = null;
    const now = latest.current;
    if (Object.keys(now).length === 0) {
      if (sent.current) void store.api.delete(path).catch(() => undefined);
      sent.current = false;
      return;
    }
    sent.current = true;
    void store.api.put(path, { id, fields: now }).catch(() => undefined);
  };

  const serialised = JSON.stringify(fields);
  useEffect(() => {
    if (Object.keys(fields).length === 0 && !sent.current) return;
    if (timer.current === null) timer.current = window.setTimeout(send, DRAFT_THROTTLE_MS);
  }, [serialised]);

  useEffect(() => {
    const refresh = window.setInterval(() => {
      if (sent.current && timer.current === null) send();
    }, DRAFT_REFRESH_MS);
    return () => {
      window.clearInterval(refresh);
      if (timer.current !== null) window.clearTimeout(timer.current);
      if (sent.current) void store.api.delete(path).catch(() => undefined);
    };
  }, []);
}

/** Someone else's goal or action being written: who, and the fields as they type them. */
export function DraftCard({ draft, label, show, testId }: { draft: Draft; label: (field: string) => string; show: Show; testId: string }) {
  const { t } = useTexts();
  const heading =
    draft.id === null
      ? t(`ui.meeting.coedit.writing_${draft.record}`, { name: draft.display_name })
      : t(`ui.meeting.coedit.changing_${draft.record}`, { name: draft.display_name });
  const entries = Object.entries(draft.fields);
  return (
    <div class="card draft-card" data-testid={testId} data-draft-id={draft.id ?? "new"}>
      {/* Announced once when it appears; the fields change with every keystroke and are not. */}
      <p class="meta" role="status">
        <span class="badge">{heading}</span>
      </p>
      {entries.length > 0 && (
        <dl class="draft-fields">
          {entries.map(([field, value]) => (
            <div key={field} data-field={field}>
              <dt>{label(field)}</dt>
              <dd>{show(field, value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
