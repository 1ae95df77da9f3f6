/** The opening of the meeting: the confidentiality statement, which each confirms, and the two
 * consent questions (keep the shared notes; recording or transcript), asked once. Both parties'
 * answers are visible to both. */
import { useEffect, useState } from "preact/hooks";

import { formatTime } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import type { ConsentAnswer, ConsentItem, ConsentKind, Party } from "../../../lib/meeting/types";
import { writes } from "../../../lib/meeting/writes";
import { useMeeting } from "../context";
import { fieldKey } from "../fields";
import { FieldNotice, useFieldStatus } from "../FieldNotice";
import type { MeetingStore } from "../store";
import { Disclosure, InlineError, useAction, useId } from "../ui";

const CHOICES: ConsentKind[] = ["keep_shared_notes", "recording"];

export function Opening() {
  const { t } = useTexts();
  const [state, store] = useMeeting("consent");
  const items = state.data.consent;
  if (!items) return <p class="hint">{t("ui.common.loading")}</p>;
  const byKind = (kind: ConsentKind) => items.find((item) => item.kind === kind);
  const confidentiality = byKind("confidentiality");
  const done =
    Boolean(confidentiality?.both_agreed) && CHOICES.every((kind) => byKind(kind)?.employee && byKind(kind)?.manager);
  const body = (
    <>
      <Confidentiality item={confidentiality} role={state.role} store={store} />
      {CHOICES.map((kind) => (
        <Choice key={kind} kind={kind} item={byKind(kind)} role={state.role} store={store} />
      ))}
    </>
  );
  return (
    <section class="opening" aria-labelledby="opening-heading" data-testid="opening" data-done={done ? "yes" : "no"}>
      <h2 id="opening-heading" class="section-title">
        {t("ui.meeting.opening.heading")}
      </h2>
      {done ? (
        <>
          <ConsentSummary items={items} />
          <Disclosure summary={t("ui.meeting.opening.done")} testId="opening-summary">
            {body}
          </Disclosure>
        </>
      ) : (
        body
      )}
    </section>
  );
}

/** Every answer of both parties, yes and no, in view once the opening is settled (a "no" is never
 * folded away). */
function ConsentSummary({ items }: { items: ConsentItem[] }) {
  const { t } = useTexts();
  const names = useNames();
  const yesNo = (kind: ConsentKind, answer: ConsentAnswer | null) => {
    if (!answer) return t("ui.meeting.consent.unanswered");
    if (kind === "confidentiality") return answer.value ? t("ui.meeting.opening.confirmed") : t("ui.meeting.opening.declined");
    return answer.value ? t("ui.meeting.yes") : t("ui.meeting.no");
  };
  return (
    <dl class="consent-summary" aria-label={t("ui.meeting.consent.summary")} data-testid="consent-summary">
      {(["confidentiality", ...CHOICES] as ConsentKind[]).map((kind) => {
        const item = items.find((candidate) => candidate.kind === kind);
        return (
          <div key={kind} data-kind={kind}>
            <dt>{t(`ui.meeting.consent.summary.${kind}`)}</dt>
            {(["manager", "employee"] as Party[]).map((party) => {
              const answer = item?.[party] ?? null;
              return (
                <dd key={party} data-party={party} data-answer={answer ? String(answer.value) : "none"}>
                  {t("ui.meeting.consent.summary.answer", { name: names[party], answer: yesNo(kind, answer) })}
                </dd>
              );
            })}
          </div>
        );
      })}
    </dl>
  );
}

function useNames() {
  const [state] = useMeeting();
  const { employee, manager } = state.data.conversation;
  return { employee: employee.display_name, manager: manager.display_name };
}

function Answer({ party, answer, yes, no }: { party: Party; answer: ConsentAnswer | null; yes: string; no: string }) {
  const { t, language } = useTexts();
  const names = useNames();
  const text = answer
    ? `${answer.value ? yes : no} (${formatTime(answer.recorded_at, language) ?? ""})`
    : t("ui.meeting.consent.unanswered");
  return (
    <li data-party={party} data-answer={answer ? String(answer.value) : "none"}>
      <span class="answer-name">{names[party]}:</span> {text}
    </li>
  );
}

function Confidentiality({ item, role, store }: { item?: ConsentItem; role: Party; store: MeetingStore }) {
  const { t } = useTexts();
  const action = useAction();
  const mine = item?.[role] ?? null;
  const field = fieldKey.consent("confidentiality");
  const status = useFieldStatus(field);
  const confirm = () =>
    action.run(() =>
      store.track(field, null, writes.consent(store.id, "confidentiality", true), () => null),
    );
  return (
    <div class="consent" data-testid="confidentiality">
      <p class="statement">{t("ui.meeting.opening.statement")}</p>
      <ul class="answers" aria-label={t("ui.meeting.consent.answers")}>
        <Answer party="manager" answer={item?.manager ?? null} yes={t("ui.meeting.opening.confirmed")} no={t("ui.meeting.opening.declined")} />
        <Answer party="employee" answer={item?.employee ?? null} yes={t("ui.meeting.opening.confirmed")} no={t("ui.meeting.opening.declined")} />
      </ul>
      {!mine?.value && (
        <button type="button" class="button button-primary" disabled={action.busy || status?.kind === "waiting"} onClick={confirm}>
          {t("ui.meeting.opening.confirm")}
        </button>
      )}
      <FieldNotice field={field} />
      <InlineError message={action.error} />
    </div>
  );
}

function Choice({ kind, item, role, store }: { kind: ConsentKind; item?: ConsentItem; role: Party; store: MeetingStore }) {
  const { t } = useTexts();
  const action = useAction();
  const name = useId(`consent-${kind}`);
  const mine = item?.[role] ?? null;
  const field = fieldKey.consent(kind);
  // The choice shows at once; the server's answer (both parties') follows.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const shown = chosen ?? mine?.value ?? null;
  useEffect(() => {
    if (chosen !== null && mine?.value === chosen) setChosen(null);
  }, [chosen, mine?.value, mine?.recorded_at]);
  const answer = async (value: boolean) => {
    setChosen(value);
    const sent = await action.run(() =>
      store.track(field, null, writes.consent(store.id, kind, value), () =>
        mine
          ? { label: "ui.meeting.undo.consent", run: () => store.run(writes.consent(store.id, kind, mine.value)) }
          : null,
      ),
    );
    if (!sent) setChosen(null);
  };
  return (
    <fieldset class="consent field-group" data-testid={`consent-${kind}`}>
      <legend>{t(`ui.meeting.consent.${kind}.question`)}</legend>
      <p class="hint">{t(`ui.meeting.consent.${kind}.hint`)}</p>
      <div class="choice-row">
        {[true, false].map((value) => (
          <label key={String(value)} class="choice">
            <input
              type="radio"
              name={name}
              value={String(value)}
              checked={shown === value}
              disabled={action.busy}
              onChange={() => answer(value)}
            />
            <span>{value ? t("ui.meeting.yes") : t("ui.meeting.no")}</span>
          </label>
        ))}
      </div>
      <ul class="answers" aria-label={t("ui.meeting.consent.answers")}>
        <Answer party="manager" answer={item?.manager ?? null} yes={t("ui.meeting.yes")} no={t("ui.meeting.no")} />
        <Answer party="employee" answer={item?.employee ?? null} yes={t("ui.meeting.yes")} no={t("ui.meeting.no")} />
      </ul>
      {item?.both_agreed && <p class="shared-tag">{t(`ui.meeting.consent.${kind}.both`)}</p>}
      <FieldNotice field={field} />
      <InlineError message={action.error} />
    </fieldset>
  );
}
