import { useEffect, useRef, useState } from "preact/hooks";

import { ApiError, newIdempotencyKey } from "../../lib/api";
import {
  type Conversation,
  createConversation,
  type Kind,
  type NewConversation,
  type PersonRef,
  tabUrl,
} from "../../lib/conversations";
import { useTexts } from "../../lib/i18n";
import type { Party } from "../../lib/meeting/types";
import { type TeamsContext, tabConfig } from "../../lib/teams";
import { conversationTitle } from "../components/ConversationHeader";
import { ErrorNotice } from "../components/Notice";
import { isObjectId, PeoplePicker } from "../components/PeoplePicker";
import { describeError } from "../errors";
import { useSession } from "../session";

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; conversation: Conversation }
  | { kind: "failed"; message: string; code: string | null };

interface Form {
  myRole: Party;
  other: PersonRef | null;
  kind: Kind;
  title: string;
  /** The employee confirms the manager they picked although the directory names another one (a
   * deputy, a new manager the directory does not know yet): the API asks for it (409). */
  confirm: boolean;
}

export function conversationBody(form: Form, context: TeamsContext | null): NewConversation {
  const body: NewConversation = { kind: form.kind };
  if (form.title.trim()) body.title = form.title.trim();
  if (form.other) body[form.myRole === "manager" ? "employee" : "manager"] = form.other;
  if (form.confirm && form.myRole === "employee" && form.other) body.confirm_relationship = true;
  const meeting: NewConversation["meeting"] = {};
  if (context?.meeting?.id) meeting.meeting_id = context.meeting.id;
  if (context?.chat?.id) meeting.chat_id = context.chat.id;
  if (meeting.meeting_id || meeting.chat_id) body.meeting = meeting;
  return body;
}

/** The configuration page Teams shows when the app is added to a meeting: it plans the
 * conversation and binds the tab to it. */
export function Config() {
  const { context } = useSession();
  const { t } = useTexts();
  if (context?.page.frameContext !== "settings") {
    return (
      <section class="stack" aria-labelledby="config-heading">
        <h1 id="config-heading" class="title">
          {t("ui.config.heading")}
        </h1>
        <p>{t("ui.config.outside_teams")}</p>
        <p>
          <a href="/tab/personal">{t("ui.personal.open")}</a>
        </p>
      </section>
    );
  }
  return <ConfigForm />;
}

function ConfigForm() {
  const session = useSession();
  const { api, me, context, demo } = session;
  const texts = useTexts();
  const { t } = texts;
  const [form, setForm] = useState<Form>({
    myRole: "manager",
    other: null,
    kind: "mus",
    title: "",
    confirm: false,
  });
  const [status, setStatus] = useState<SaveState>({ kind: "idle" });
  const valid =
    form.other !== null &&
    isObjectId(form.other.object_id) &&
    form.other.object_id.toLowerCase() !== me.object_id.toLowerCase();

  // The save handler is registered once; it reads the latest form and texts through refs.
  const latest = useRef({ form, texts });
  latest.current = { form, texts };
  const keys = useRef(new Map<string, string>());

  useEffect(() => {
    tabConfig.setValid(valid);
  }, [valid]);

  useEffect(() => {
    tabConfig.onSave(async (event) => {
      const { form: current, texts: currentTexts } = latest.current;
      const body = conversationBody(current, context);
      const signature = JSON.stringify(body);
      // The same form saved twice (a retry) sends the same key: the API creates it only once.
      const key = keys.current.get(signature) ?? newIdempotencyKey();
      keys.current.set(signature, key);
      setStatus({ kind: "saving" });
      try {
        const conversation = await createConversation(api, body, key);
        const url = tabUrl("content", conversation.id);
        await tabConfig.save({
          contentUrl: url,
          websiteUrl: url,
          entityId: `mus-${conversation.id}`,
          suggestedDisplayName: currentTexts.t(`ui.config.tab_name.${current.kind}`),
        });
        setStatus({ kind: "saved", conversation });
        event.notifySuccess();
      } catch (error) {
        const message = describeError(error, currentTexts);
        setStatus({ kind: "failed", message, code: error instanceof ApiError ? error.code : null });
        event.notifyFailure(message);
      }
    });
  }, [api, context]);

  const set = <K extends keyof Form>(field: K, value: Form[K]) => setForm((previous) => ({ ...previous, [field]: value }));

  return (
    <form class="stack" aria-labelledby="config-heading" onSubmit={(event) => event.preventDefault()} noValidate>
      <h1 id="config-heading" class="title">
        {t("ui.config.heading")}
      </h1>
      <p>{t("ui.config.intro")}</p>

      <fieldset class="field-group">
        <legend>{t("ui.config.kind")}</legend>
        {(["mus", "checkin"] as const).map((kind) => (
          <label key={kind} class="choice">
            <input type="radio" name="kind" value={kind} checked={form.kind === kind} onChange={() => set("kind", kind)} />
            <span>{t(`ui.kind.${kind}`)}</span>
          </label>
        ))}
      </fieldset>

      <fieldset class="field-group">
        <legend>{t("ui.config.my_role")}</legend>
        {(["manager", "employee"] as const).map((role) => (
          <label key={role} class="choice">
            <input
              type="radio"
              name="my-role"
              value={role}
              checked={form.myRole === role}
              onChange={() => set("myRole", role)}
            />
            <span>{t(`ui.config.i_am.${role}`)}</span>
          </label>
        ))}
      </fieldset>

      <PeoplePicker
        demo={demo}
        meetingId={context?.meeting?.id ?? null}
        legend={form.myRole === "manager" ? t("ui.config.pick_employee") : t("ui.config.pick_manager")}
        excludeObjectId={me.object_id}
        value={form.other}
        onChange={(person) => set("other", person)}
      />

      <div class="field">
        <label for="config-title">{t("ui.config.title")}</label>
        <input
          id="config-title"
          class="input"
          maxLength={200}
          value={form.title}
          aria-describedby="config-title-hint"
          onInput={(event) => set("title", event.currentTarget.value)}
        />
        <p id="config-title-hint" class="hint">
          {t("ui.config.title_hint")}
        </p>
      </div>

      {form.myRole === "employee" &&
        (form.confirm || (status.kind === "failed" && status.code === "manager_mismatch")) && (
          <div class="field">
            <label class="choice">
              <input
                type="checkbox"
                data-testid="confirm-manager"
                checked={form.confirm}
                aria-describedby="config-confirm-hint"
                onChange={(event) => set("confirm", event.currentTarget.checked)}
              />
              <span>{t("ui.config.confirm_manager")}</span>
            </label>
            <p id="config-confirm-hint" class="hint">
              {t("ui.config.confirm_manager_hint")}
            </p>
          </div>
        )}

      <p class="hint">{valid ? t("ui.config.ready") : t("ui.config.incomplete")}</p>
      <div role="status" data-testid="config-status">
        {status.kind === "saving" && <p>{t("ui.config.saving")}</p>}
        {status.kind === "saved" && (
          <p>{t("ui.config.saved", { title: conversationTitle(status.conversation, texts) })}</p>
        )}
      </div>
      {status.kind === "failed" && <ErrorNotice message={status.message} />}
    </form>
  );
}
