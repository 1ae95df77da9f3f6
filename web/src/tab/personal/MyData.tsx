import "./mydata.css";

import { useState } from "preact/hooks";

import type { Api } from "../../lib/api";
import type { components } from "../../lib/api/schema";
import { downloadFile } from "../../lib/download";
import { formatDateTime } from "../../lib/format";
import { useTexts } from "../../lib/i18n";
import { ErrorNotice, Loading } from "../components/Notice";
import { describeError } from "../errors";
import { useLoad } from "../hooks";
import { useSession } from "../session";

type AuditPage = components["schemas"]["AuditPageOut"];
type AuditEntry = components["schemas"]["AuditEntryOut"];
type Format = "json" | "pdf";

const PATHS: Record<Format, string> = { json: "/api/me/export", pdf: "/api/me/export.pdf" };

/** Fetches the export with the person's token and saves it (see `downloadFile`). */
export function downloadExport(api: Api, format: Format): Promise<string> {
  return downloadFile(api, PATHS[format], `mus-my-data.${format}`);
}

type Status = { kind: "idle" } | { kind: "busy"; format: Format } | { kind: "done"; name: string } | { kind: "error"; error: unknown };

/** "My data" in the personal tab: download everything as JSON or PDF, and the audit log of who
 * read, approved, exported or erased what about the person. */
export function MyData() {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [first, reload] = useLoad(async () => {
    const page = await api.get<AuditPage>("/api/me/audit");
    setOlder([]);
    setNext(page.next_before);
    return page;
  }, [api]);

  const download = async (format: Format) => {
    setStatus({ kind: "busy", format });
    try {
      const name = await downloadExport(api, format);
      setStatus({ kind: "done", name });
      reload(); // the export is in the log now
    } catch (error) {
      setStatus({ kind: "error", error });
    }
  };

  const loadMore = async () => {
    if (next == null) return;
    setMoreError(null);
    try {
      const page = await api.get<AuditPage>(`/api/me/audit?before=${next}`);
      setOlder((items) => [...items, ...page.items]);
      setNext(page.next_before);
    } catch (error) {
      setMoreError(error);
    }
  };

  const busy = status.kind === "busy";
  const items = first.status === "ok" ? [...first.value.items, ...older] : [];

  return (
    <section class="mymus-section mydata" aria-labelledby="mydata-heading" data-testid="mydata">
      <h2 id="mydata-heading" class="section-title">
        {t("ui.mymus.mydata.heading")}
      </h2>
      <p class="hint">{t("ui.mymus.mydata.intro")}</p>
      <div class="mydata-actions">
        <button type="button" class="button button-primary" disabled={busy} onClick={() => void download("json")} data-testid="mydata-json">
          {t("ui.mymus.mydata.download_json")}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => void download("pdf")} data-testid="mydata-pdf">
          {t("ui.mymus.mydata.download_pdf")}
        </button>
      </div>
      <p class="mydata-status" role="status" data-testid="mydata-status">
        {status.kind === "busy" && t("ui.mymus.mydata.downloading")}
        {status.kind === "done" && t("ui.mymus.mydata.downloaded", { name: status.name })}
      </p>
      {status.kind === "error" && <ErrorNotice message={describeError(status.error, texts)} />}

      <h3 id="mydata-audit-heading" class="mydata-subtitle">
        {t("ui.mymus.mydata.audit.heading")}
      </h3>
      {first.status === "loading" && <Loading label={t("ui.mymus.mydata.audit.loading")} />}
      {first.status === "error" && <ErrorNotice message={describeError(first.error, texts)} onRetry={reload} />}
      {first.status === "ok" &&
        (items.length ? (
          <ol class="mydata-audit" aria-labelledby="mydata-audit-heading" data-testid="mydata-audit">
            {items.map((item) => (
              <li key={item.id} class="mydata-event" data-action={item.action} data-by-me={item.by_me ? "true" : "false"}>
                <time dateTime={item.at} class="mydata-when">
                  {formatDateTime(item.at, texts.language)}
                </time>
                <span class="mydata-what">{item.description}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p class="mymus-empty">{t("ui.mymus.mydata.audit.empty")}</p>
        ))}
      {moreError !== null && <ErrorNotice message={describeError(moreError, texts)} onRetry={() => void loadMore()} />}
      {first.status === "ok" && next != null && (
        <button type="button" class="button button-subtle mydata-more" onClick={() => void loadMore()}>
          {t("ui.mymus.mydata.audit.more")}
        </button>
      )}
    </section>
  );
}
