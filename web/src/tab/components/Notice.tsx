import type { ComponentChildren } from "preact";

import { useTexts } from "../../lib/i18n";

export function Loading({ label }: { label?: string }) {
  const { t } = useTexts();
  return (
    <p class="notice notice-loading" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>{label ?? t("ui.common.loading")}</span>
    </p>
  );
}

/** A visible error with a way forward: never a dead end. */
export function ErrorNotice({ title, message, onRetry }: { title?: string; message: string; onRetry?: () => void }) {
  const { t } = useTexts();
  return (
    <div class="notice notice-error" role="alert" data-testid="error">
      <p class="notice-title">{title ?? t("ui.error.title")}</p>
      <p>{message}</p>
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {t("ui.common.retry")}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="notice notice-empty">{children}</div>;
}
