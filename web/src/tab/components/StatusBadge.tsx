import type { Kind, Status } from "../../lib/conversations";
import { useTexts } from "../../lib/i18n";

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTexts();
  return <span class={`badge badge-${status}`}>{t(`ui.status.${status}`)}</span>;
}

export function KindLabel({ kind }: { kind: Kind }) {
  const { t } = useTexts();
  return <span class="kind">{t(`ui.kind.${kind}`)}</span>;
}
