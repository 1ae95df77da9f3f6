/** One check-in in "My MUS": my part as a form saved as I type (debounced, with its saved/failed
 * state), "mark done", the other party's answers once they are done, closing when both are done,
 * and per goal an adjustment and marking a success. Every refusal shows next to what was tried. */
import { useEffect, useRef, useState } from "preact/hooks";

import { ApiError } from "../../lib/api";
import { formatDateTime, formatPercent } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import { ErrorNotice, Loading } from "../components/Notice";
import { describeError } from "../errors";
import { useSession } from "../session";
import {
  type Answers,
  adjustGoal,
  type Checkin,
  type CheckinGoal,
  closeCheckin,
  type Draft,
  draftOf,
  getCheckin,
  markDone,
  markSuccess,
  saveMine,
} from "./checkinData";

const SAVE_DELAY_MS = 700;
const SCORES = [1, 2, 3, 4, 5];
const STATUSES = ["draft", "active", "achieved", "dropped"] as const;

type SaveState = { kind: "idle" } | { kind: "pending" } | { kind: "saving" } | { kind: "saved" } | { kind: "failed"; reason: string } | { kind: "stale" };

function Problem({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p class="checkin-error" role="alert">
      {message}
    </p>
  );
}

export function CheckinPanel({ id, onChanged }: { id: number; onChanged: () => void }) {
  const texts = useTexts();
  const { t, language } = texts;
  const { api } = useSession();
  const [checkin, setCheckin] = useState<Checkin | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const version = useRef(0);
  const latest = useRef<Draft | null>(null);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);

  const adopt = (view: Checkin, resetDraft: boolean) => {
    setCheckin(view);
    version.current = view.mine.version;
    if (resetDraft) {
      const fresh = draftOf(view);
      latest.current = fresh;
      setDraft(fresh);
    }
  };

  const load = () => {
    setLoadError(null);
    getCheckin(api, id).then((view) => adopt(view, true), setLoadError);
  };
  useEffect(load, [api, id]);
  const flushRef = useRef<() => Promise<boolean>>(async () => true);
  // Closing the panel while a change waits for its save: it is saved now, not dropped.
  useEffect(
    () => () => {
      if (timer.current) void flushRef.current();
    },
    [],
  );

  const flush = async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inflight.current) await inflight.current;
    if (!dirty.current || !latest.current) return true;
    dirty.current = false;
    setSave({ kind: "saving" });
    const sending = saveMine(api, id, version.current, latest.current).then(
      (view) => {
        adopt(view, false);
        if (!dirty.current) setSave({ kind: "saved" });
        return true;
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.code === "stale_version" && error.current) {
          // Written elsewhere (another tab): take the part as it is now, and say so.
          adopt(error.current as Checkin, true);
          setSave({ kind: "stale" });
        } else {
          dirty.current = true; // still to be saved: the next change (or "done") tries again
          setSave({ kind: "failed", reason: describeError(error, texts) });
        }
        return false;
      },
    );
    inflight.current = sending;
    const ok = await sending;
    inflight.current = null;
    return ok;
  };

  flushRef.current = flush;

  const change = (next: Draft) => {
    latest.current = next;
    setDraft(next);
    dirty.current = true;
    setSave({ kind: "pending" });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(describeError(error, texts));
    } finally {
      setBusy(false);
    }
  };

  const done = () =>
    act(async () => {
      if (!(await flush())) return;
      adopt(await markDone(api, id, version.current), true);
      onChanged();
    });
  const close = () =>
    act(async () => {
      adopt(await closeCheckin(api, id), true);
      onChanged();
    });
  const refresh = async () => {
    adopt(await getCheckin(api, id), false);
    onChanged();
  };

  if (loadError) return <ErrorNotice message={describeError(loadError, texts)} onRetry={load} />;
  if (!checkin || !draft) return <Loading />;

  const editable = !checkin.closed && checkin.mine.state !== "done";
  const other = checkin.theirs.person.display_name;
  const base = `checkin-${id}`;
  const setGoal = (goalId: number, patch: Partial<Draft["goals"][number]>) =>
    change({ ...draft, goals: draft.goals.map((g) => (g.goal_id === goalId ? { ...g, ...patch } : g)) });

  return (
    <div class="checkin-panel stack" data-testid="checkin-panel">
      {checkin.closed && checkin.closed_by && (
        <p class="checkin-closed-badge" data-testid="checkin-closed">
          {t("ui.mymus.checkins.closed_by", {
            name: checkin.closed_by.display_name,
            date: formatDateTime(checkin.closed_at, language) ?? "",
          })}
        </p>
      )}
      <section aria-labelledby={`${base}-goals`}>
        <h4 id={`${base}-goals`} class="mymus-label">
          {t("ui.mymus.checkins.goals_heading")}
        </h4>
        {checkin.goals.length === 0 && <p class="hint">{t("ui.mymus.checkins.no_goals")}</p>}
        <ul class="checkin-goals">
          {checkin.goals.map((goal) => {
            const answer = draft.goals.find((g) => g.goal_id === goal.id);
            return (
              <li key={goal.id} class="checkin-goal" data-goal-id={goal.id}>
                <p class="mymus-goal-title">{goal.title}</p>
                <p class="meta">
                  <span class={`mymus-goal-status mymus-goal-status-${goal.status}`}>{t(`ui.mymus.goal.status.${goal.status}`)}</span>
                  {goal.progress_percent !== null && (
                    <span data-testid="current-progress">
                      {t("ui.mymus.checkins.current_progress", { percent: formatPercent(goal.progress_percent, language) })}
                    </span>
                  )}
                </p>
                {goal.success && <p class="checkin-success-inline">★ {t("ui.mymus.checkins.success_marked", { note: goal.success.note })}</p>}
                {goal.pending && (
                  <p class="hint" data-testid="pending-adjustment">
                    {t("ui.mymus.checkins.pending", {
                      changes: Object.entries(goal.pending.changes)
                        .map(([k, v]) => `${t(`ui.mymus.checkins.adjust_${k}`)}: ${String(v ?? "–")}`)
                        .join("; "),
                      name: goal.pending.proposed_by.display_name,
                    })}
                  </p>
                )}
                {editable && answer && (
                  <div class="checkin-goal-fields">
                    <div class="field">
                      <label for={`${base}-pct-${goal.id}`}>{t("ui.mymus.checkins.percent", { title: goal.title })}</label>
                      <input
                        id={`${base}-pct-${goal.id}`}
                        class="input checkin-percent"
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={100}
                        step={1}
                        value={answer.percent ?? ""}
                        onInput={(e) => {
                          const raw = e.currentTarget.value.trim();
                          setGoal(goal.id, { percent: raw === "" ? null : Math.round(Number(raw)) });
                        }}
                      />
                    </div>
                    <div class="field">
                      <label for={`${base}-note-${goal.id}`}>{t("ui.mymus.checkins.goal_note", { title: goal.title })}</label>
                      <textarea
                        id={`${base}-note-${goal.id}`}
                        class="input checkin-textarea"
                        rows={2}
                        value={answer.note}
                        onInput={(e) => setGoal(goal.id, { note: e.currentTarget.value })}
                      />
                    </div>
                  </div>
                )}
                {!checkin.closed && <GoalTools goal={goal} checkinId={id} onDone={refresh} />}
              </li>
            );
          })}
        </ul>
      </section>

      {editable ? (
        <form class="stack" aria-labelledby={`${base}-form`} onSubmit={(e) => e.preventDefault()}>
          <h4 id={`${base}-form`} class="mymus-label">
            {t("ui.mymus.checkins.form_heading")}
          </h4>
          <div class="field">
            <label for={`${base}-blockers`}>{t("ui.mymus.checkins.blockers")}</label>
            <textarea
              id={`${base}-blockers`}
              class="input checkin-textarea"
              rows={3}
              value={draft.blockers}
              onInput={(e) => change({ ...draft, blockers: e.currentTarget.value })}
            />
          </div>
          <fieldset class="field-group">
            <legend>{t("ui.mymus.checkins.pulse")}</legend>
            <div class="checkin-scale">
              <label class="choice">
                <input type="radio" name={`${base}-score`} checked={draft.pulse === null} onChange={() => change({ ...draft, pulse: null })} />
                <span>{t("ui.mymus.checkins.pulse_none")}</span>
              </label>
              {SCORES.map((score) => (
                <label key={score} class="choice">
                  <input
                    type="radio"
                    name={`${base}-score`}
                    value={score}
                    checked={draft.pulse?.score === score}
                    onChange={() => change({ ...draft, pulse: { comment: "", shared: false, ...draft.pulse, score } })}
                  />
                  <span>
                    {score} <span class="hint">{t(`ui.meeting.wellbeing.level.${score}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {draft.pulse && (
            <>
              <div class="field">
                <label for={`${base}-pulse-comment`}>{t("ui.mymus.checkins.pulse_comment")}</label>
                <textarea
                  id={`${base}-pulse-comment`}
                  class="input checkin-textarea"
                  rows={2}
                  value={draft.pulse.comment}
                  onInput={(e) => draft.pulse && change({ ...draft, pulse: { ...draft.pulse, comment: e.currentTarget.value } })}
                />
              </div>
              <label class="choice">
                <input
                  type="checkbox"
                  checked={draft.pulse.shared}
                  onChange={(e) => draft.pulse && change({ ...draft, pulse: { ...draft.pulse, shared: e.currentTarget.checked } })}
                />
                <span>{t("ui.mymus.checkins.pulse_shared")}</span>
              </label>
            </>
          )}
          <div class="field">
            <label for={`${base}-next`}>{t("ui.mymus.checkins.next_steps")}</label>
            <textarea
              id={`${base}-next`}
              class="input checkin-textarea"
              rows={3}
              value={draft.next_steps}
              onInput={(e) => change({ ...draft, next_steps: e.currentTarget.value })}
            />
          </div>
          <p class={`checkin-save checkin-save-${save.kind}`} role="status" aria-live="polite" data-testid="save-state" data-state={save.kind}>
            {save.kind === "saving" && t("ui.mymus.checkins.saving")}
            {save.kind === "saved" && t("ui.mymus.checkins.saved")}
            {save.kind === "failed" && t("ui.mymus.checkins.failed", { reason: save.reason })}
            {save.kind === "stale" && t("ui.mymus.checkins.stale")}
          </p>
          <button type="button" class="button button-primary" disabled={busy} onClick={done}>
            {t("ui.mymus.checkins.mark_done")}
          </button>
        </form>
      ) : (
        <section aria-labelledby={`${base}-mine`} data-testid="my-answers">
          <h4 id={`${base}-mine`} class="mymus-label">
            {t("ui.mymus.checkins.mine")}
          </h4>
          {checkin.mine.state === "done" && !checkin.closed && <p class="hint">{t("ui.mymus.checkins.done_note")}</p>}
          {checkin.mine.answers && <AnswerList answers={checkin.mine.answers} goals={checkin.goals} />}
        </section>
      )}

      <section aria-labelledby={`${base}-theirs`} data-testid="their-answers" data-state={checkin.theirs.state}>
        <h4 id={`${base}-theirs`} class="mymus-label">
          {t("ui.mymus.checkins.theirs", { name: other })}
        </h4>
        {checkin.theirs.state === "not_started" && <p class="hint">{t("ui.mymus.checkins.not_started_other", { name: other })}</p>}
        {checkin.theirs.state === "in_progress" && <p class="hint">{t("ui.mymus.checkins.still_filling", { name: other })}</p>}
        {checkin.theirs.answers && <AnswerList answers={checkin.theirs.answers} goals={checkin.goals} />}
      </section>

      {checkin.can_close && (
        <div class="stack">
          <p class="hint">{t("ui.mymus.checkins.close_hint")}</p>
          <button type="button" class="button button-primary" disabled={busy} onClick={close}>
            {t("ui.mymus.checkins.close")}
          </button>
        </div>
      )}
      <Problem message={problem} />
    </div>
  );
}

function AnswerList({ answers, goals }: { answers: Answers; goals: CheckinGoal[] }) {
  const { t, language } = useTexts();
  const titles = new Map(goals.map((g) => [g.id, g.title]));
  const none = t("ui.mymus.checkins.no_answer");
  return (
    <dl class="mymus-fields">
      {answers.goals.map((answer) => (
        <div key={answer.goal_id} data-goal-id={answer.goal_id}>
          <dt>{titles.get(answer.goal_id) ?? ""}</dt>
          <dd>
            {answer.percent === null ? none : t("ui.mymus.checkins.progress_value", { percent: formatPercent(answer.percent, language) })}
            {answer.note && <> · {answer.note}</>}
          </dd>
        </div>
      ))}
      <div>
        <dt>{t("ui.mymus.checkins.blockers")}</dt>
        <dd>{answers.blockers || none}</dd>
      </div>
      <div>
        <dt>{t("ui.mymus.checkins.pulse")}</dt>
        <dd>
          {!answers.pulse && none}
          {answers.pulse && answers.pulse.score === null && t("ui.mymus.checkins.pulse_private")}
          {answers.pulse?.score && `${answers.pulse.score} · ${t(`ui.meeting.wellbeing.level.${answers.pulse.score}`)}`}
          {answers.pulse?.comment && <> · {answers.pulse.comment}</>}
        </dd>
      </div>
      <div>
        <dt>{t("ui.mymus.checkins.next_steps")}</dt>
        <dd>{answers.next_steps || none}</dd>
      </div>
    </dl>
  );
}

/** Adjust a goal, or mark it a success: each a small form opened from a button. */
function GoalTools({ goal, checkinId, onDone }: { goal: CheckinGoal; checkinId: number; onDone: () => Promise<void> }) {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const [mode, setMode] = useState<"none" | "adjust" | "success">("none");
  const [title, setTitle] = useState(goal.title);
  const [measure, setMeasure] = useState(goal.measure);
  const [deadline, setDeadline] = useState(goal.deadline ?? "");
  const [status, setStatus] = useState<string>(goal.status);
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `goal-${goal.id}-tools`;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setProblem(null);
    try {
      const text = await work();
      setMode("none");
      setMessage(text);
      await onDone();
    } catch (error) {
      setProblem(describeError(error, texts));
    } finally {
      setBusy(false);
    }
  };

  const submitAdjust = (event: Event) => {
    event.preventDefault();
    const body: Record<string, unknown> = { version: goal.version, checkin_id: checkinId };
    if (title !== goal.title) body.title = title;
    if (measure !== goal.measure) body.measure = measure;
    if (deadline !== (goal.deadline ?? "")) body.deadline = deadline || null;
    if (status !== goal.status) body.status = status;
    void run(async () => {
      const result = await adjustGoal(api, goal.id, body);
      return result.applied
        ? t("ui.mymus.checkins.adjust_applied")
        : t("ui.mymus.checkins.adjust_proposed", { number: result.agreement_number ?? "" });
    });
  };
  const submitSuccess = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await markSuccess(api, goal.id, note, checkinId);
      return t("ui.mymus.checkins.success_marked", { note });
    });
  };

  return (
    <div class="checkin-goal-tools">
      <div class="checkin-actions">
        <button type="button" class="button button-small" aria-expanded={mode === "adjust"} onClick={() => setMode(mode === "adjust" ? "none" : "adjust")}>
          {t("ui.mymus.checkins.adjust")}
        </button>
        {goal.status !== "achieved" && (
          <button type="button" class="button button-small" aria-expanded={mode === "success"} onClick={() => setMode(mode === "success" ? "none" : "success")}>
            {t("ui.mymus.checkins.success")}
          </button>
        )}
      </div>
      {mode === "adjust" && (
        <form class="stack checkin-subform" aria-labelledby={`${base}-adjust`} onSubmit={submitAdjust}>
          <p id={`${base}-adjust`} class="mymus-label">
            {t("ui.mymus.checkins.adjust_heading", { title: goal.title })}
          </p>
          {goal.locked && <p class="hint">{t("ui.mymus.checkins.adjust_locked")}</p>}
          <div class="field">
            <label for={`${base}-title`}>{t("ui.mymus.checkins.adjust_title")}</label>
            <input id={`${base}-title`} class="input" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for={`${base}-measure`}>{t("ui.mymus.checkins.adjust_measure")}</label>
            <textarea id={`${base}-measure`} class="input checkin-textarea" rows={2} value={measure} onInput={(e) => setMeasure(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for={`${base}-deadline`}>{t("ui.mymus.checkins.adjust_deadline")}</label>
            <input id={`${base}-deadline`} class="input" type="date" value={deadline} onInput={(e) => setDeadline(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for={`${base}-status`}>{t("ui.mymus.checkins.adjust_status")}</label>
            <select id={`${base}-status`} class="input" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`ui.mymus.goal.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="checkin-actions">
            <button type="submit" class="button button-primary" disabled={busy}>
              {t("ui.mymus.checkins.adjust_save")}
            </button>
            <button type="button" class="button" onClick={() => setMode("none")}>
              {t("ui.mymus.checkins.adjust_cancel")}
            </button>
          </div>
        </form>
      )}
      {mode === "success" && (
        <form class="stack checkin-subform" onSubmit={submitSuccess}>
          <div class="field">
            <label for={`${base}-note`}>{t("ui.mymus.checkins.success_note")}</label>
            <input id={`${base}-note`} class="input" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <div class="checkin-actions">
            <button type="submit" class="button button-primary" disabled={busy}>
              {t("ui.mymus.checkins.success_save")}
            </button>
            <button type="button" class="button" onClick={() => setMode("none")}>
              {t("ui.mymus.checkins.adjust_cancel")}
            </button>
          </div>
        </form>
      )}
      {message && (
        <p class="hint" role="status">
          {message}
        </p>
      )}
      <Problem message={problem} />
    </div>
  );
}
