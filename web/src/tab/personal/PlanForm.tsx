import { useEffect, useRef, useState } from "preact/hooks";

import { ApiError } from "../../lib/api";
import {
  type ConversationPlan,
  type Kind,
  listTemplates,
  localTimestamp,
  type PersonRef,
  type PlannedConversation,
  planConversation,
} from "../../lib/conversations";
import { formatDateTime, localised } from "../../lib/format";
import { type Texts, useTexts } from "../../lib/i18n";
import type { Party } from "../../lib/meeting/types";
import { ErrorNotice } from "../components/Notice";
import { isObjectId, PeoplePicker } from "../components/PeoplePicker";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";
import { titleOf } from "./ConversationCards";
import type { Summary } from "./data";
import { InviteButton } from "./InviteButton";

const DEFAULT_MINUTES: Record<Kind, number> = { mus: 60, checkin: 30 };

interface Form {
  kind: Kind;
  myRole: Party;
  other: PersonRef | null;
  date: string;
  time: string;
  duration: string;
  title: string;
  template: string;
  /** The employee confirms the manager the directory does not show (409 manager_mismatch). */
  confirm: boolean;
}

type State =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; conversation: PlannedConversation }
  | { kind: "duplicate"; existing: Summary }
  | { kind: "failed"; message: string; code: string | null; field: string | null };

function tomorrow(): string {
  const day = new Date();
  day.setDate(day.getDate() + 1);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;
}

export function planBody(form: Form, allowAnother: boolean): ConversationPlan | null {
  const startsAt = localTimestamp(form.date, form.time);
  const minutes = Number(form.duration);
  if (!form.other || !startsAt || !Number.isInteger(minutes) || minutes < 15 || minutes > 180) return null;
  const body: ConversationPlan = { kind: form.kind, starts_at: startsAt, duration_minutes: minutes };
  body[form.myRole === "manager" ? "employee" : "manager"] = form.other;
  if (form.title.trim()) body.title = form.title.trim();
  if (form.kind === "mus" && form.template) body.template_key = form.template;
  if (form.confirm && form.myRole === "employee") body.confirm_relationship = true;
  if (allowAnother) body.allow_another = true;
  return body;
}

/** "Plan a conversation" in the personal tab: a manager plans a MUS or check-in with a report, an
 * employee asks their manager for one. Times are entered and shown in the browser's time zone; the
 * Teams meeting goes in both calendars, and when it cannot, the person is told and gets the .ics. */
export function PlanForm({ onPlanned }: { onPlanned: () => void }) {
  const texts = useTexts();
  const { t, language } = texts;
  const { api, me, demo } = useSession();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [form, setForm] = useState<Form>({
    kind: "mus",
    myRole: "manager",
    other: null,
    date: tomorrow(),
    time: "10:00",
    duration: String(DEFAULT_MINUTES.mus),
    title: "",
    template: "",
    confirm: false,
  });
  const [state, setState] = useState<State>({ kind: "idle" });
  const [templates] = useLoad(() => listTemplates(api), [api]);
  const details = useRef<HTMLDetailsElement>(null);
  const [pickerKey, setPickerKey] = useState(0);
  // "Plan" on a card of the team overview (a `mus:plan` event naming the employee): the form opens
  // with me as the manager and that employee chosen, and the keyboard goes to it.
  useEffect(() => {
    const open = (event: Event) => {
      const objectId = (event as CustomEvent<{ object_id?: string }>).detail?.object_id;
      if (!objectId || !isObjectId(objectId)) return;
      setForm((previous) => ({ ...previous, myRole: "manager", other: { object_id: objectId }, confirm: false }));
      setPickerKey((n) => n + 1); // the picker starts again from the chosen person
      setState({ kind: "idle" });
      const element = details.current;
      if (!element) return;
      element.open = true;
      element.scrollIntoView({ block: "start" });
      element.querySelector<HTMLInputElement>("input:checked")?.focus();
    };
    window.addEventListener("mus:plan", open);
    return () => window.removeEventListener("mus:plan", open);
  }, []);
  const set = <K extends keyof Form>(field: K, value: Form[K]) => setForm((previous) => ({ ...previous, [field]: value }));
  const chooseKind = (kind: Kind) =>
    setForm((previous) => ({
      ...previous,
      kind,
      // The default duration follows the kind unless the person changed it.
      duration: previous.duration === String(DEFAULT_MINUTES[previous.kind]) ? String(DEFAULT_MINUTES[kind]) : previous.duration,
    }));

  const durationValid = (() => {
    const minutes = Number(form.duration);
    return Number.isInteger(minutes) && minutes >= 15 && minutes <= 180;
  })();
  const ready =
    form.other !== null &&
    isObjectId(form.other.object_id) &&
    localTimestamp(form.date, form.time) !== null &&
    durationValid;

  async function submit(allowAnother: boolean) {
    const body = planBody(form, allowAnother);
    if (!body) return;
    setState({ kind: "saving" });
    try {
      const conversation = await planConversation(api, body);
      setState({ kind: "saved", conversation });
      onPlanned();
    } catch (error) {
      if (error instanceof ApiError && error.code === "open_conversation_exists" && error.current) {
        setState({ kind: "duplicate", existing: error.current as Summary });
        return;
      }
      setState({
        kind: "failed",
        message: describeError(error, texts),
        code: error instanceof ApiError ? error.code : null,
        field: error instanceof ApiError ? error.field : null,
      });
    }
  }

  const fieldError = (field: string) =>
    state.kind === "failed" && state.field === field ? (
      <p id={`plan-${field}-error`} class="hint hint-error" role="alert">
        {state.message}
      </p>
    ) : null;
  const musTemplates = templates.status === "ok" ? templates.value.filter((item) => item.kind === "mus") : [];

  return (
    <section class="mymus-section" aria-labelledby="plan-heading" data-testid="plan">
      <details class="mymus-details plan-details" ref={details}>
        <summary>
          <h2 id="plan-heading" class="section-title plan-summary-title">
            {t("ui.plan.heading")}
          </h2>
        </summary>
        <form
          class="stack plan-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit(false);
          }}
        >
          <p class="hint">{t("ui.plan.intro")}</p>
          <fieldset class="field-group">
            <legend>{t("ui.plan.kind")}</legend>
            {(["mus", "checkin"] as const).map((kind) => (
              <label key={kind} class="choice">
                <input type="radio" name="plan-kind" value={kind} checked={form.kind === kind} onChange={() => chooseKind(kind)} />
                <span>{t(`ui.kind.${kind}`)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset class="field-group">
            <legend>{t("ui.plan.my_role")}</legend>
            {(["manager", "employee"] as const).map((role) => (
              <label key={role} class="choice">
                <input
                  type="radio"
                  name="plan-role"
                  value={role}
                  checked={form.myRole === role}
                  onChange={() => setForm((previous) => ({ ...previous, myRole: role, confirm: false }))}
                />
                <span>{t(`ui.plan.i_am.${role}`)}</span>
              </label>
            ))}
          </fieldset>
          <PeoplePicker
            key={pickerKey}
            demo={demo}
            legend={form.myRole === "manager" ? t("ui.config.pick_employee") : t("ui.config.pick_manager")}
            excludeObjectId={me.object_id}
            value={form.other}
            onChange={(person) => set("other", person)}
          />
          <div class="plan-when">
            <div class="field">
              <label for="plan-date">{t("ui.plan.date")}</label>
              <input
                id="plan-date"
                class="input"
                type="date"
                required
                value={form.date}
                aria-invalid={state.kind === "failed" && state.field === "starts_at"}
                aria-describedby="plan-zone plan-starts_at-error"
                onInput={(event) => set("date", event.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="plan-time">{t("ui.plan.time")}</label>
              <input
                id="plan-time"
                class="input"
                type="time"
                required
                value={form.time}
                aria-describedby="plan-zone plan-starts_at-error"
                onInput={(event) => set("time", event.currentTarget.value)}
              />
            </div>
          </div>
          <p id="plan-zone" class="hint">
            {t("ui.plan.timezone", { zone })}
          </p>
          {fieldError("starts_at")}
          <div class="field">
            <label for="plan-duration">{t("ui.plan.duration")}</label>
            <input
              id="plan-duration"
              class="input plan-duration"
              type="number"
              inputMode="numeric"
              min={15}
              max={180}
              step={5}
              value={form.duration}
              aria-invalid={!durationValid}
              aria-describedby="plan-duration-hint plan-duration_minutes-error"
              onInput={(event) => set("duration", event.currentTarget.value)}
            />
            <p id="plan-duration-hint" class="hint">
              {durationValid ? t("ui.plan.duration_hint") : t("ui.plan.invalid_duration")}
            </p>
            {fieldError("duration_minutes")}
          </div>
          <div class="field">
            <label for="plan-title">{t("ui.plan.title")}</label>
            <input
              id="plan-title"
              class="input"
              maxLength={200}
              value={form.title}
              onInput={(event) => set("title", event.currentTarget.value)}
            />
          </div>
          {form.kind === "mus" && musTemplates.length > 1 && (
            <div class="field">
              <label for="plan-template">{t("ui.plan.template")}</label>
              <select
                id="plan-template"
                class="input"
                value={form.template}
                onChange={(event) => set("template", event.currentTarget.value)}
              >
                {musTemplates.map((template) => (
                  <option key={template.key} value={template.builtin ? "" : template.key}>
                    {localised(template.name, language)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {form.myRole === "employee" && (form.confirm || (state.kind === "failed" && state.code === "manager_mismatch")) && (
            <div class="field">
              <label class="choice">
                <input
                  type="checkbox"
                  data-testid="plan-confirm-manager"
                  checked={form.confirm}
                  onChange={(event) => set("confirm", event.currentTarget.checked)}
                />
                <span>{t("ui.config.confirm_manager")}</span>
              </label>
            </div>
          )}
          {!ready && <p class="hint">{t("ui.plan.incomplete")}</p>}
          <div class="button-row">
            <button type="submit" class="button button-primary" disabled={!ready || state.kind === "saving"}>
              {t(`ui.plan.submit.${form.myRole}`)}
            </button>
          </div>
          <div role="status" data-testid="plan-status">
            {state.kind === "saving" && <p>{t("ui.plan.saving")}</p>}
            {state.kind === "saved" && <Saved conversation={state.conversation} texts={texts} />}
          </div>
          {state.kind === "duplicate" && (
            <div class="notice plan-duplicate" role="alert" data-testid="plan-duplicate">
              <p>
                {t("ui.plan.duplicate", {
                  title: titleOf(state.existing, texts),
                  when: formatDateTime(state.existing.scheduled_at, language) ?? t("ui.plan.no_time"),
                })}
              </p>
              <div class="button-row">
                <a class="button" href={`/tab/content?conversation=${state.existing.id}`}>
                  {t("ui.plan.duplicate_open")}
                </a>
                <button type="button" class="button" onClick={() => void submit(true)}>
                  {t("ui.plan.duplicate_another")}
                </button>
              </div>
            </div>
          )}
          {state.kind === "failed" && !state.field && <ErrorNotice message={state.message} />}
          {state.kind === "failed" && state.field && state.field !== "starts_at" && state.field !== "duration_minutes" && (
            <ErrorNotice message={state.message} />
          )}
        </form>
      </details>
    </section>
  );
}

function Saved({ conversation, texts }: { conversation: PlannedConversation; texts: Texts }) {
  const { t, language } = texts;
  const when = formatDateTime(conversation.scheduled_at, language) ?? "";
  const title = titleOf(conversation, texts);
  const status = conversation.calendar_status === "none" ? "created" : conversation.calendar_status;
  return (
    <div class="stack plan-saved" data-testid="plan-saved" data-calendar={conversation.calendar_status}>
      <p>{t(`ui.plan.saved.${status}`, { title, when })}</p>
      {conversation.chat_tab && conversation.chat_tab !== "skipped" && <p class="hint">{t(`ui.plan.chat_tab.${conversation.chat_tab}`)}</p>}
      <div class="button-row">
        {conversation.meeting.join_url && (
          <a class="button" href={conversation.meeting.join_url} target="_blank" rel="noopener noreferrer">
            {t("ui.mymus.join")}
          </a>
        )}
        <InviteButton id={conversation.id} />
      </div>
    </div>
  );
}
