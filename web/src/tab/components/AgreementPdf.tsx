/** "Download PDF" for one agreement version: the server lays the version out on A4 in the reader's
 * language, with the approval times in the reader's time zone (the browser's). A refusal (not a
 * party, no connection, …) is shown next to the button in the reader's language. */
import { useState } from "preact/hooks";

import { downloadFile } from "../../lib/download";
import { useTexts } from "../../lib/i18n";
import { describeError } from "../errors";
import { useSession } from "../session";
import { ErrorNotice } from "./Notice";

type Status = { kind: "idle" } | { kind: "busy" } | { kind: "done"; name: string } | { kind: "error"; error: unknown };

/** The path of a version's PDF, with the reader's time zone when the browser names one. */
export function agreementPdfPath(conversationId: number, number: number, timeZone?: string | null): string {
  const path = `/api/conversations/${conversationId}/agreement/${number}.pdf`;
  return timeZone ? `${path}?tz=${encodeURIComponent(timeZone)}` : path;
}

function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

export function AgreementPdf({ conversationId, number }: { conversationId: number; number: number }) {
  const texts = useTexts();
  const { t } = texts;
  const { api } = useSession();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const download = async () => {
    setStatus({ kind: "busy" });
    try {
      const path = agreementPdfPath(conversationId, number, browserTimeZone());
      const name = await downloadFile(api, path, `mus-agreement-${conversationId}-version-${number}.pdf`);
      setStatus({ kind: "done", name });
    } catch (error) {
      setStatus({ kind: "error", error });
    }
  };
  return (
    <div class="agreement-pdf" data-testid="agreement-pdf" data-number={number}>
      <button
        type="button"
        class="button"
        disabled={status.kind === "busy"}
        aria-label={t("ui.mymus.agreement.pdf.download_label", { number })}
        onClick={() => void download()}
        data-testid="agreement-pdf-download"
      >
        {t("ui.mymus.agreement.pdf.download")}
      </button>
      <p class="hint" role="status" data-testid="agreement-pdf-status">
        {status.kind === "busy" && t("ui.mymus.agreement.pdf.downloading")}
        {status.kind === "done" && t("ui.mymus.agreement.pdf.downloaded", { name: status.name })}
      </p>
      {status.kind === "error" && <ErrorNotice message={describeError(status.error, texts)} />}
    </div>
  );
}
