import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";

import { ApiError } from "../../lib/api";
import { formatDate, formatDateTime, formatPercent } from "../../lib/format";
import { localeTag, useTexts } from "../../lib/i18n";
import { ErrorNotice, Loading } from "../components/Notice";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";
import {
  CHECK_IN_WEEKS,
  type Cadence,
  type CadenceChange,
  type Due,
  getTeam,
  MUS_MONTHS,
  type Pulse,
  putCadence,
  type Team as TeamOverview,
  type TeamMember,
} from "./data";
import { byAttention, dayOf, type TeamRow } from "./overview";

/** For managers: every direct report in the organisation's directory, what needs attention first,
 * each with the cadence and what is due, the last MUS, the next planned conversation, overdue
 * follow-ups, goals at a glance and the wellbeing they shared; the cadence is set here. When the
 * directory cannot be reached, the employees of the manager's existing conversations are listed
 * instead (`fallback`), with a notice. Nothing shows for someone without reports. */
export function Team({
  leadsAny,
  fallback,
  pending,
}: {
  leadsAny: boolean;
  fallback: TeamRow[] | null;
  pending: ComponentChildren;
}) {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const [team, reload] = useLoad(() => getTeam(api), [api]);
  const collator = useMemo(() => new Intl.Collator(localeTag(texts.language)), [texts.language]);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The last team read stays on screen while it is read again (after a save), so an open form keeps
  // what the person chose.
  const [shown, setShown] = useState<TeamOverview | null>(null);
  useEffect(() => {
    if (team.status === "ok") setShown(team.value);
    if (team.status === "error") setShown(null);
  }, [team]);
  const code = team.status === "error" && team.error instanceof ApiError ? team.error.code : null;
  // Someone who leads no conversation sees the section only when the directory shows their team.
  if (!leadsAny && (shown === null || shown.members.length === 0)) return null;
  return (
    <section class="mymus-section" aria-labelledby="mymus-team-heading" data-testid="mymus-team">
      <h2 id="mymus-team-heading" class="section-title">
        {t("ui.mymus.team.heading")}
      </h2>
      {team.status === "loading" && shown === null && <Loading label={t("ui.mymus.team.loading")} />}
      {shown !== null && (
        <>
          <p class="hint">{t("ui.mymus.team.intro")}</p>
          {shown.members.length === 0 && <p class="mymus-empty">{t("ui.mymus.team.empty")}</p>}
          <ul class="mymus-cards" data-testid="team-members">
            {byAttention(shown.members, collator).map((member) => (
              <MemberCard
                key={member.object_id}
                member={member}
                notice={notice?.objectId === member.object_id ? notice : null}
                onSaved={(text) => {
                  setNotice({ objectId: member.object_id, kind: "ok", text });
                  reload();
                }}
                onStale={reload}
              />
            ))}
          </ul>
        </>
      )}
      {team.status === "error" && code === "directory_unavailable" && (
        <>
          <div class="mymus-team-notice mymus-team-notice-warning" role="status" data-testid="team-fallback">
            <p>{t("ui.mymus.team.fallback")}</p>
            <button type="button" class="button" onClick={reload}>
              {t("ui.common.retry")}
            </button>
          </div>
          {fallback === null ? pending : <FallbackList rows={fallback} />}
        </>
      )}
      {team.status === "error" && code !== "directory_unavailable" && (
        <ErrorNotice message={describeError(team.error, texts)} onRetry={reload} />
      )}
    </section>
  );
}

interface Notice {
  objectId: string;
  kind: "ok";
  text: string;
}

function StateText({ due, label, testId }: { due: Due; label: string; testId: string }) {
  const { t, language } = useTexts();
  const state = t(`ui.mymus.team.state.${due.state}`);
  const date = formatDate(due.due_on, language);
  return (
    <div data-fact={testId}>
      <dt>{label}</dt>
      <dd>
        <span class={`mymus-due mymus-due-${due.state}`} data-state={due.state}>
          {date && due.state !== "planned" ? t("ui.mymus.team.due_on", { state, date }) : state}
        </span>
      </dd>
    </div>
  );
}

function cadenceText(cadence: Cadence, t: ReturnType<typeof useTexts>["t"]): string {
  const mus = t("ui.mymus.team.cadence_mus", { months: cadence.mus_interval_months });
  const checkIn =
    cadence.check_in_interval_weeks === null
      ? t("ui.mymus.team.cadence_no_check_in")
      : t("ui.mymus.team.cadence_check_in", { weeks: cadence.check_in_interval_weeks });
  const suffix = cadence.is_default ? ` ${t("ui.mymus.team.cadence_default")}` : "";
  return `${mus}, ${checkIn}${suffix}`;
}

/** Three scores as a tiny line; the text beside it says the same in words. */
function Sparkline({ points, label }: { points: Pulse[]; label: string }) {
  if (points.length < 2) return null;
  const width = 48;
  const height = 16;
  const step = width / (points.length - 1);
  const y = (score: number) => height - 2 - ((score - 1) / 4) * (height - 4);
  const path = points.map((p, i) => `${(i * step).toFixed(1)},${y(p.score).toFixed(1)}`).join(" ");
  return (
    <svg class="mymus-sparkline" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
      <polyline points={path} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}

function MemberCard({
  member,
  notice,
  onSaved,
  onStale,
}: {
  member: TeamMember;
  notice: Notice | null;
  onSaved: (text: string) => void;
  onStale: () => void;
}) {
  const { t, language } = useTexts();
  const [editing, setEditing] = useState(false);
  // Keyboard focus follows the form: into it when it opens, back to its button when it closes.
  const setButton = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  useEffect(() => {
    if (!editing && closed.current) setButton.current?.focus();
  }, [editing]);
  const name = member.display_name || t("ui.common.unknown_person");
  const headingId = `team-${member.object_id}`;
  const next = member.next_conversation;
  const nextDate = next ? formatDateTime(next.scheduled_at, language) : null;
  const status = member.cadence.status;
  const goals = member.goals;
  const points = member.wellbeing.map((p) =>
    t("ui.mymus.team.wellbeing_point", { score: p.score, date: formatDate(dayOf(new Date(p.at)), language) ?? p.at }),
  );
  const trend = t("ui.mymus.team.wellbeing_trend", { points: points.join(", ") });
  const plan = () =>
    // The planning form (PlanForm) opens with this employee chosen.
    window.dispatchEvent(new CustomEvent("mus:plan", { detail: { object_id: member.object_id } }));
  return (
    <li class="mymus-card" data-employee={member.object_id} aria-labelledby={headingId}>
      <h3 id={headingId} class="mymus-card-title">
        {name}
      </h3>
      {(member.job_title || !member.signed_in) && (
        <p class="hint">
          {[member.job_title, member.signed_in ? null : t("ui.mymus.team.never_signed_in")].filter(Boolean).join(" · ")}
        </p>
      )}
      <dl class="mymus-facts">
        <StateText due={status.mus} label={t("ui.mymus.team.next_mus")} testId="next-mus" />
        <StateText due={status.check_in} label={t("ui.mymus.team.next_check_in")} testId="next-check-in" />
        <div data-fact="last-mus">
          <dt>{t("ui.mymus.team.last_mus")}</dt>
          <dd>
            {member.last_mus ? (
              <time dateTime={member.last_mus}>{formatDate(member.last_mus, language)}</time>
            ) : (
              t("ui.mymus.team.none")
            )}
          </dd>
        </div>
        <div data-fact="next">
          <dt>{t("ui.mymus.team.next")}</dt>
          <dd>
            {!next && t("ui.mymus.team.none")}
            {next && nextDate && (
              <>
                {t(`ui.kind.${next.kind}`)} <time dateTime={next.scheduled_at ?? ""}>{nextDate}</time>
              </>
            )}
            {next && !nextDate && t("ui.mymus.team.no_date", { kind: t(`ui.kind.${next.kind}`) })}
          </dd>
        </div>
        <div data-fact="overdue">
          <dt>{t("ui.mymus.team.overdue")}</dt>
          <dd>
            {member.overdue_follow_ups.count === 0 ? (
              t("ui.mymus.team.none")
            ) : (
              <span class="mymus-overdue">
                {t("ui.mymus.team.overdue_summary", {
                  count: member.overdue_follow_ups.count,
                  date: formatDate(member.overdue_follow_ups.earliest, language) ?? "",
                })}
              </span>
            )}
          </dd>
        </div>
        <div data-fact="goals">
          <dt>{t("ui.mymus.team.goals")}</dt>
          <dd>
            {goals.total === 0 ? (
              t("ui.mymus.team.none")
            ) : (
              <>
                <span>{t("ui.mymus.team.goals_summary", { achieved: goals.achieved, total: goals.total })}</span>
                {goals.average_percent !== null && (
                  <span class="mymus-progress-row">
                    <progress
                      class="mymus-progress"
                      max={100}
                      value={goals.average_percent}
                      aria-label={t("ui.mymus.team.goals_progress", {
                        percent: formatPercent(goals.average_percent, language),
                      })}
                    />
                    <span class="mymus-progress-value">
                      {t("ui.mymus.team.goals_progress", { percent: formatPercent(goals.average_percent, language) })}
                    </span>
                  </span>
                )}
              </>
            )}
          </dd>
        </div>
        <div data-fact="wellbeing">
          <dt>{t("ui.mymus.team.wellbeing")}</dt>
          <dd class="mymus-trend">
            {points.length === 0 ? (
              t("ui.mymus.team.wellbeing_none")
            ) : (
              <>
                <Sparkline points={member.wellbeing} label={trend} />
                <span>{points.join(", ")}</span>
              </>
            )}
          </dd>
        </div>
        <div data-fact="cadence">
          <dt>{t("ui.mymus.team.cadence")}</dt>
          <dd>{cadenceText(member.cadence, t)}</dd>
        </div>
      </dl>
      {notice && (
        <p class={`mymus-team-notice mymus-team-notice-${notice.kind}`} role="status" data-testid="cadence-notice">
          {notice.text}
        </p>
      )}
      {editing ? (
        <CadenceForm
          member={member}
          name={name}
          onStale={onStale}
          onDone={(text) => {
            closed.current = true;
            setEditing(false);
            if (text) onSaved(text);
          }}
        />
      ) : (
        <div class="mymus-card-actions">
          <button type="button" class="button" ref={setButton} onClick={() => setEditing(true)}>
            {t("ui.mymus.team.set_cadence")}
          </button>
          <button type="button" class="button button-primary" aria-label={t("ui.mymus.team.plan_with", { name })} onClick={plan}>
            {t("ui.mymus.team.plan")}
          </button>
        </div>
      )}
    </li>
  );
}

/** The cadence, with labelled selects. A refusal stays in the form in the reader's language; when
 * someone changed the cadence meanwhile (409), the team is read again so a second save is based on
 * what is stored now. */
function CadenceForm({
  member,
  name,
  onDone,
  onStale,
}: {
  member: TeamMember;
  name: string;
  onDone: (saved: string | null) => void;
  onStale: () => void;
}) {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const cadence = member.cadence;
  const [months, setMonths] = useState(cadence.mus_interval_months);
  const [weeks, setWeeks] = useState<number | null>(cadence.check_in_interval_weeks);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `cadence-${member.object_id}`;
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await putCadence(api, member.object_id, {
        mus_interval_months: months,
        check_in_interval_weeks: weeks as CadenceChange["check_in_interval_weeks"],
        version: cadence.version,
      });
      onDone(t("ui.mymus.team.saved", { name }));
    } catch (failure) {
      setError(describeError(failure, texts));
      setSaving(false);
      if (failure instanceof ApiError && failure.status === 409) onStale();
    }
  };
  return (
    <form class="mymus-cadence-form" aria-labelledby={`${id}-title`} onSubmit={submit} data-testid="cadence-form">
      <p id={`${id}-title`} class="sub-title">
        {t("ui.mymus.team.set_cadence_for", { name })}
      </p>
      <div class="field">
        <label for={`${id}-mus`}>{t("ui.mymus.team.mus_interval")}</label>
        <select
          ref={first}
          id={`${id}-mus`}
          class="input"
          value={String(months)}
          onChange={(event) => setMonths(Number(event.currentTarget.value))}
        >
          {MUS_MONTHS.map((value) => (
            <option key={value} value={String(value)}>
              {t("ui.mymus.team.months", { months: value })}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-checkin`}>{t("ui.mymus.team.check_in_interval")}</label>
        <select
          id={`${id}-checkin`}
          class="input"
          value={weeks === null ? "" : String(weeks)}
          onChange={(event) => setWeeks(event.currentTarget.value === "" ? null : Number(event.currentTarget.value))}
        >
          <option value="">{t("ui.mymus.team.no_check_in")}</option>
          {CHECK_IN_WEEKS.map((value) => (
            <option key={value} value={String(value)}>
              {t("ui.mymus.team.weeks", { weeks: value })}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p class="notice notice-error" role="alert" data-testid="cadence-error">
          {error}
        </p>
      )}
      <div class="mymus-card-actions">
        <button type="submit" class="button button-primary" disabled={saving}>
          {saving ? t("ui.mymus.team.saving") : t("ui.mymus.team.save")}
        </button>
        <button type="button" class="button" onClick={() => onDone(null)}>
          {t("ui.mymus.team.cancel")}
        </button>
      </div>
    </form>
  );
}

/** The employees of my existing conversations, when the directory cannot be asked. */
function FallbackList({ rows }: { rows: TeamRow[] }) {
  const { t, language } = useTexts();
  return (
    <ul class="mymus-cards" data-testid="team-fallback-list">
      {rows.map((row) => {
        const next = row.next;
        const nextDate = next ? formatDateTime(next.scheduled_at, language) : null;
        return (
          <li key={row.employee.object_id} class="mymus-card" data-employee={row.employee.object_id}>
            <h3 class="mymus-card-title">{row.employee.display_name || t("ui.common.unknown_person")}</h3>
            <dl class="mymus-facts">
              <div data-fact="last-mus">
                <dt>{t("ui.mymus.team.last_mus")}</dt>
                <dd>{row.lastMus ? formatDateTime(row.lastMus.date, language) : t("ui.mymus.team.none")}</dd>
              </div>
              <div data-fact="next">
                <dt>{t("ui.mymus.team.next")}</dt>
                <dd>
                  {!next && t("ui.mymus.team.none")}
                  {next && nextDate && `${t(`ui.kind.${next.kind}`)} ${nextDate}`}
                  {next && !nextDate && t("ui.mymus.team.no_date", { kind: t(`ui.kind.${next.kind}`) })}
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
