/** After the meeting: the agreement. The latest version with both parties' decisions, my own
 * decision (approve, or ask for changes with a comment), the agreed state with both names and
 * times once both approved, a new version when something changed, and every earlier version.
 * Above it, the summary of each agenda item, which both parties edit and approve (the working
 * notes are never part of the agreement). */
import { useEffect, useState } from "preact/hooks";

import { formatDateTime, localised } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import { reads } from "../../../lib/meeting/reads";
import type { AgreementVersion, DecisionOut, Party, Summary } from "../../../lib/meeting/types";
import { writes } from "../../../lib/meeting/writes";
import { AgreementPdf } from "../../components/AgreementPdf";
import { useMeeting } from "../context";
import { Disclosure, Field, InlineError, useAction, useId } from "../ui";
import { SnapshotView } from "./Snapshot";

export function Agreement() {
  const { t } = useTexts();
  const [state, store] = useMeeting("agreement");
  const action = useAction();
  const agreement = state.data.agreement;
  const conversation = state.data.conversation;
  const names: Record<Party, string> = {
    employee: conversation.employee.display_name,
    manager: conversation.manager.display_name,
  };
  const draft = () => action.run(() => store.run(writes.draftAgreement(store.id)));

  if (!agreement) return <p class="hint">{t("ui.common.loading")}</p>;
  const [latest, ...earlier] = agreement.items;
  const canDraft = ["in_meeting", "reviewing", "agreed"].includes(conversation.status);
  return (
    <section class="agreement" aria-labelledby="agreement-heading" data-testid="agreement">
      <h2 id="agreement-heading" class="section-title">
        {t("ui.meeting.agreement.heading")}
      </h2>
      {latest && ["reviewing", "agreed"].includes(conversation.status) && (
        <Summaries number={latest.number} createdAt={latest.created_at} />
      )}
      {!latest ? (
        <p class="hint">{t("ui.meeting.agreement.none")}</p>
      ) : (
        <VersionView version={latest} names={names} latest />
      )}
      {canDraft && (!latest || latest.state !== "draft") && (
        <div class="button-row">
          <button type="button" class="button" disabled={action.busy} onClick={draft} data-testid="new-version">
            {latest ? t("ui.meeting.agreement.new_version") : t("ui.meeting.agreement.draft")}
          </button>
        </div>
      )}
      {latest?.state === "agreed" && <p class="hint">{t("ui.meeting.agreement.change_hint")}</p>}
      <InlineError message={action.error} />
      {earlier.length > 0 && (
        <div class="earlier" data-testid="earlier-versions">
          <h3 class="sub-title">{t("ui.meeting.agreement.earlier")}</h3>
          {earlier.map((version) => (
            <Disclosure
              key={version.number}
              summary={`${t("ui.meeting.agreement.version", { number: version.number })} · ${t(`ui.meeting.agreement.state.${version.state}`)}`}
              testId="earlier-version"
            >
              <VersionView version={version} names={names} latest={false} />
            </Disclosure>
          ))}
        </div>
      )}
    </section>
  );
}

function VersionView({ version, names, latest }: { version: AgreementVersion; names: Record<Party, string>; latest: boolean }) {
  const { t, language } = useTexts();
  const [state] = useMeeting();
  const decisionOf = (party: Party) => version.decisions.find((decision) => decision.party === party) ?? null;
  const agreed = version.state === "agreed";
  return (
    <article class={`version version-${version.state}`} data-testid={latest ? "agreement-version" : undefined} data-number={version.number} data-state={version.state}>
      <header class="version-header">
        <h3 class="sub-title">{t("ui.meeting.agreement.version", { number: version.number })}</h3>
        <span class={`badge badge-version-${version.state}`} data-testid={latest ? "agreement-state" : undefined} data-state={version.state}>
          {t(`ui.meeting.agreement.state.${version.state}`)}
        </span>
      </header>
      <p class="hint">
        {t("ui.meeting.agreement.drafted", {
          name: version.created_by.display_name,
          when: formatDateTime(version.created_at, language) ?? "",
        })}
      </p>
      {agreed && (
        <p class="agreed-banner" data-testid="agreed-banner">
          {t("ui.meeting.agreement.locked", { when: formatDateTime(version.locked_at, language) ?? "" })}
        </p>
      )}
      <ul class="decisions" aria-label={t("ui.meeting.agreement.decisions")} data-testid="decisions">
        {(["manager", "employee"] as Party[]).map((party) => (
          <DecisionLine key={party} party={party} name={names[party]} decision={decisionOf(party)} />
        ))}
      </ul>
      {latest && state.data.conversation.status === "reviewing" && !agreed && version.state !== "superseded" && (
        <DecisionForm version={version} mine={decisionOf(state.role)} />
      )}
      <AgreementPdf conversationId={state.data.conversation.id} number={version.number} />
      <SnapshotView
        snapshot={version.snapshot}
        names={names}
        calendarOf={latest && agreed ? state.data.conversation.id : undefined}
        refreshKey={version.locked_at}
      />
    </article>
  );
}

function DecisionLine({ party, name, decision }: { party: Party; name: string; decision: DecisionOut | null }) {
  const { t, language } = useTexts();
  const when = decision ? formatDateTime(decision.decided_at, language) ?? "" : "";
  return (
    <li class={`decision decision-${decision?.decision ?? "pending"}`} data-party={party} data-decision={decision?.decision ?? "pending"}>
      <span class="decision-mark" aria-hidden="true" />
      <span>
        {decision
          ? t(`ui.meeting.agreement.decision.${decision.decision}`, { name: decision.person.display_name || name, when })
          : t("ui.meeting.agreement.decision.pending", { name })}
        {decision?.disagreement && ` ${t("ui.meeting.agreement.disagreement_recorded")}`}
      </span>
      {decision?.comment && <q class="decision-comment">{decision.comment}</q>}
    </li>
  );
}

function DecisionForm({ version, mine }: { version: AgreementVersion; mine: DecisionOut | null }) {
  const { t } = useTexts();
  const [, store] = useMeeting();
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState("");
  const [disagreement, setDisagreement] = useState(false);
  const action = useAction();
  const id = useId("decision");
  const decide = (decision: "approved" | "changes_requested") =>
    action.run(async () => {
      await store.run(writes.decide(store.id, version.number, decision, comment.trim(), disagreement));
      setAsking(false);
      setComment("");
    });
  return (
    <div class="decision-form" role="group" aria-labelledby={`${id}-heading`} data-testid="decision-form">
      <p id={`${id}-heading`} class="sub-title">
        {mine ? t("ui.meeting.agreement.your_decision_again") : t("ui.meeting.agreement.your_decision")}
      </p>
      {!asking ? (
        <div class="button-row">
          <button type="button" class="button button-primary" disabled={action.busy || mine?.decision === "approved"} onClick={() => decide("approved")} data-testid="approve">
            {t("ui.meeting.agreement.approve")}
          </button>
          <button type="button" class="button" disabled={action.busy} onClick={() => setAsking(true)}>
            {t("ui.meeting.agreement.request_changes")}
          </button>
        </div>
      ) : (
        <>
          <Field label={t("ui.meeting.agreement.comment")} hint={t("ui.meeting.agreement.comment_hint")} value={comment} onInput={setComment} multiline rows={3} required />
          <label class="choice">
            <input type="checkbox" checked={disagreement} onChange={(event) => setDisagreement(event.currentTarget.checked)} />
            <span>{t("ui.meeting.agreement.disagreement")}</span>
          </label>
          <div class="button-row">
            <button type="button" class="button button-primary" disabled={action.busy || !comment.trim()} onClick={() => decide("changes_requested")}>
              {t("ui.meeting.agreement.send_request")}
            </button>
            <button type="button" class="button" onClick={() => setAsking(false)}>
              {t("ui.meeting.cancel")}
            </button>
          </div>
        </>
      )}
      <InlineError message={action.error} />
    </div>
  );
}

type SummaryList = { items: Summary[]; keep_notes: boolean };

/** The summaries of the agenda items, loaded again whenever a new version appears (a summary saved
 * by either party while the agreement is reviewed is a new version). */
function Summaries({ number, createdAt }: { number: number; createdAt: string }) {
  const { t } = useTexts();
  const [, store] = useMeeting();
  const [list, setList] = useState<SummaryList | null>(null);
  const action = useAction();
  const id = useId("summaries");
  useEffect(() => {
    let current = true;
    void action.run(async () => {
      const loaded = await reads.summaries(store.api, store.id);
      if (current) setList(loaded);
    });
    return () => {
      current = false;
    };
  }, [store, number, createdAt]);
  if (!list) return <InlineError message={action.error} />;
  return (
    <section class="summaries" aria-labelledby={`${id}-heading`} data-testid="summaries" data-keep-notes={list.keep_notes ? "yes" : "no"}>
      <h3 id={`${id}-heading`} class="sub-title">
        {t("ui.meeting.agreement.summaries.heading")}
      </h3>
      <p class="hint">{list.keep_notes ? t("ui.meeting.agreement.summaries.kept") : t("ui.meeting.agreement.summaries.not_kept")}</p>
      {list.items.map((item) => (
        <SummaryEditor key={item.item_id} item={item} />
      ))}
      <InlineError message={action.error} />
    </section>
  );
}

/** One item's summary. The text and version it was read at go with a save, so a save made while
 * the other party saved too is merged by the server, not lost. */
function SummaryEditor({ item }: { item: Summary }) {
  const { t, language } = useTexts();
  const [, store] = useMeeting();
  const [text, setText] = useState(item.text);
  const [from, setFrom] = useState({ version: item.version, text: item.text });
  const [outcome, setOutcome] = useState<"saved" | "merged" | null>(null);
  const action = useAction();
  useEffect(() => {
    // A fresh copy from the server: shown unless I am editing (then my edit is merged on save).
    if (text === from.text) setText(item.text);
    if (text === from.text || item.version < from.version) setFrom({ version: item.version, text: item.text });
  }, [item.version, item.text]);
  const save = async (event: Event) => {
    event.preventDefault();
    const sent = await action.run(() => store.run<Summary>(writes.editSummary(store.id, item.item_id, from.version, from.text, text)));
    if (sent && !sent.queued) {
      setText(sent.value.text);
      setFrom({ version: sent.value.version, text: sent.value.text });
      setOutcome(sent.value.merged ? "merged" : "saved");
    }
  };
  const changed = text !== from.text;
  return (
    <form class="editor summary-editor" onSubmit={save} data-testid="summary" data-section={item.section_key} data-version={from.version}>
      <Field
        label={localised(item.title, language) || item.section_key}
        value={text}
        onInput={(value) => {
          setText(value);
          setOutcome(null);
        }}
        multiline
        rows={3}
      />
      <div class="button-row">
        <button type="submit" class="button" disabled={action.busy || !changed} data-testid="save-summary">
          {t("ui.meeting.agreement.summaries.save")}
        </button>
      </div>
      {outcome && (
        <p class="hint" role="status" data-testid="summary-outcome" data-outcome={outcome}>
          {t(`ui.meeting.agreement.summaries.${outcome}`)}
        </p>
      )}
      <InlineError message={action.error} />
    </form>
  );
}
