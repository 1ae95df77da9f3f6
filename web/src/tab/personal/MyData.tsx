import "./mydata.css";

import { useState } from "preact/hooks";

import { type Api, ApiError, languageHeaders } from "../../lib/api";
import type { components } from "../../lib/api/schema";
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

/** The file name the server gave (Content-Disposition), or a plain one. */
function filenameOf(disposition: string | null, format: Format): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? "");
  return match?.[1] ?? `mus-my-data.${format}`;
}

/** Fetches the export with the person's token and saves it through an object URL: inside Teams'
 * iframe a plain link would carry no token, and a download from a blob works there. */
export async function downloadExport(api: Api, format: Format): Promise<string> {
  const token = await api.token();
  let response: Response;
  try {
    response = await fetch(PATHS[format], {
      headers: { Authorization: `Bearer ${token}`, ...languageHeaders(api.currentLanguage()) },
      credentials: "same-origin",
    });
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (response.status === 401) api.forgetToken();
    throw new ApiError(response.status, body?.error?.code ?? "http_error", body?.error?.message ?? `HTTP ${response.status}`);
  }
  const name = filenameOf(response.headers.get("Content-Disposition"), format);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free the memory a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
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
