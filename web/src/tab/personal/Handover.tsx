import { useState } from "preact/hooks";

import { ApiError } from "../../lib/api";
import type { components } from "../../lib/api/schema";
import { formatDate, localised } from "../../lib/format";
import { type Texts, useTexts } from "../../lib/i18n";
import { AgreementPdf } from "../components/AgreementPdf";
import { ErrorNotice, Loading } from "../components/Notice";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";

type Schemas = components["schemas"];
type HandoverList = Schemas["HandoverList"];
type HandoverOut = Schemas["HandoverOut"];
type History = Schemas["HistoryOut"];
type Snapshot = {
  agenda?: { section_key: string; title: Record<string, string>; summary?: string }[];
  goals?: { id: number; title: string }[];
};

/** A refusal in the person's words: the API's own text for handover refusals. */
function refusal(error: unknown, texts: Texts): string {
  if (error instanceof ApiError && error.code?.startsWith("handover_")) return error.message;
  return describeError(error, texts);
}

/** Handover of an employee's history to a new manager: the employee approves or declines requests
 * (or offers it); a manager asks for the history of an employee the directory shows as theirs and
 * reads it, read-only, once approved. */
export function Handover() {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const [list, reload] = useLoad(() => api.get<HandoverList>("/api/handovers"), [api]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [history, setHistory] = useState<Record<number, History>>({});

  const act = async (work: () => Promise<string | null>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const decide = (handover: HandoverOut, decision: "approved" | "declined") =>
    act(async () => {
      await api.post(`/api/handovers/${handover.id}/decision`, { decision });
      return null;
    });
  const offer = () =>
    act(async () => {
      const made = await api.post<HandoverOut>("/api/handovers", { offer: true });
      return t("ui.personal.handover.offered", { manager: made.to_manager.display_name });
    });
  const ask = (objectId: string) =>
    act(async () => {
      await api.post("/api/handovers", { employee_object_id: objectId });
      return null;
    });
  const read = (handover: HandoverOut) =>
    act(async () => {
      const value = await api.get<History>(`/api/handovers/${handover.id}/history`);
      setHistory((shown) => ({ ...shown, [handover.id]: value }));
      return null;
    });

  const status = (handover: HandoverOut) => t(`ui.personal.handover.status.${handover.status}`);

  const managerRow = (name: string, objectId: string | null, handover: HandoverOut | null) => (
    <li key={objectId ?? handover?.id} class="rights-row" data-testid="handover-report">
      <p>{handover ? t("ui.personal.handover.requested_for", { name, status: status(handover) }) : name}</p>
      {objectId && (!handover || handover.status === "declined") && (
        <button type="button" class="button button-small" aria-disabled={busy} onClick={() => ask(objectId)}>
          {t("ui.personal.handover.request_access", { name })}
        </button>
      )}
      {handover?.status === "approved" && (
        <button type="button" class="button button-small" aria-disabled={busy} onClick={() => read(handover)}>
          {t("ui.personal.handover.read_history", { name })}
        </button>
      )}
      {handover && history[handover.id] && <HistoryView name={name} history={history[handover.id]} />}
    </li>
  );

  return (
    <section class="mymus-section" aria-labelledby="handover-heading" data-testid="handover">
      <h2 id="handover-heading" class="section-title">
        {t("ui.personal.handover.heading")}
      </h2>
      <p class="hint">{t("ui.personal.handover.intro")}</p>
      {list.status === "loading" && <Loading label={t("ui.personal.handover.loading")} />}
      {list.status === "error" && <ErrorNotice message={describeError(list.error, texts)} onRetry={reload} />}
      <div role="status">{notice && <p class="rights-done">{notice}</p>}</div>
      {error !== null && (
        <p class="rights-refusal" role="alert" data-testid="handover-refusal">
          {refusal(error, texts)}
        </p>
      )}
      {list.status === "ok" && (
        <>
          <h3 class="rights-subtitle">{t("ui.personal.handover.mine")}</h3>
          {list.value.as_employee.length ? (
            <ul class="rights-rows" data-testid="handover-mine">
              {list.value.as_employee.map((handover) => (
                <li key={handover.id} class="rights-row">
                  <p>
                    {t("ui.personal.handover.request_from", { manager: handover.to_manager.display_name })}{" "}
                    <strong>{status(handover)}</strong>
                  </p>
                  {handover.status === "requested" && (
                    <>
                      <button
                        type="button"
                        class="button button-primary button-small"
                        aria-disabled={busy}
                        onClick={() => decide(handover, "approved")}
                      >
                        {t("ui.personal.handover.approve")}
                      </button>
                      <button
                        type="button"
                        class="button button-small"
                        aria-disabled={busy}
                        onClick={() => decide(handover, "declined")}
                      >
                        {t("ui.personal.handover.decline")}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p class="mymus-empty">{t("ui.personal.handover.none_employee")}</p>
          )}
          <div>
            <button type="button" class="button button-small" aria-disabled={busy} onClick={offer}>
              {t("ui.personal.handover.offer")}
            </button>
          </div>
          <TeamPart list={list.value} row={managerRow} />
        </>
      )}
    </section>
  );
}

function TeamPart({
  list,
  row,
}: {
  list: HandoverList;
  row: (name: string, objectId: string | null, handover: HandoverOut | null) => preact.JSX.Element;
}) {
  const { t } = useTexts();
  const inReports = new Set(list.reports.map((r) => r.handover?.id).filter(Boolean));
  const others = list.as_manager.filter(
    (h, index, all) =>
      !inReports.has(h.id) &&
      !list.reports.some((r) => r.object_id.toLowerCase() === h.employee.object_id.toLowerCase()) &&
      all.findIndex((x) => x.employee.object_id === h.employee.object_id) === index,
  );
  if (!list.reports.length && !list.as_manager.length && list.directory === "ok") return null;
  return (
    <>
      <h3 class="rights-subtitle">{t("ui.personal.handover.team")}</h3>
      {list.directory === "unavailable" && <p class="hint">{t("ui.personal.handover.directory_unavailable")}</p>}
      <ul class="rights-rows" data-testid="handover-team">
        {list.reports.map((report) => row(report.display_name, report.object_id, report.handover ?? null))}
        {others.map((handover) => row(handover.employee.display_name, null, handover))}
      </ul>
    </>
  );
}

function HistoryView({ name, history }: { name: string; history: History }) {
  const texts = useTexts();
  const { t } = texts;
  return (
    <div class="rights-history" data-testid="handover-history">
      <h4 class="rights-subtitle">{t("ui.personal.handover.history_heading", { name })}</h4>
      {history.items.length === 0 && <p class="mymus-empty">{t("ui.personal.handover.history_empty")}</p>}
      {history.items.map((item) => {
        const snapshot = item.agreement as Snapshot;
        return (
          <article key={item.conversation_id} class="rights-history">
            <h5 class="rights-subtitle">{item.title || t(`ui.kind.${item.kind}`)}</h5>
            <p class="hint">
              {t("ui.personal.handover.agreed_on", {
                date: formatDate(item.agreed_at, texts.language) ?? "",
                manager: item.manager.display_name,
              })}
            </p>
            <AgreementPdf conversationId={item.conversation_id} number={item.number} />
            <ul class="rights-list">
              {(snapshot.agenda ?? [])
                .filter((entry) => entry.summary)
                .map((entry) => (
                  <li key={entry.section_key}>
                    <strong>{localised(entry.title, texts.language)}</strong>: {entry.summary}
                  </li>
                ))}
            </ul>
            {(snapshot.goals ?? []).length > 0 && (
              <>
                <h6 class="rights-subtitle">{t("ui.personal.handover.goals")}</h6>
                <ul class="rights-list">
                  {(snapshot.goals ?? []).map((goal) => (
                    <li key={goal.id}>{goal.title}</li>
                  ))}
                </ul>
              </>
            )}
          </article>
        );
      })}
    </div>
  );
}
