import type { AgendaItem } from "../../lib/conversations";
import { localised } from "../../lib/format";
import { useTexts } from "../../lib/i18n";

export function AgendaList({ items, wide = false }: { items: AgendaItem[]; wide?: boolean }) {
  const { t, language } = useTexts();
  if (!items.length) return <p class="hint">{t("ui.agenda.empty")}</p>;
  const sorted = [...items].sort((a, b) => a.position - b.position);
  return (
    <section class="agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" class="section-title">
        {t("ui.agenda.heading")}
      </h2>
      <ol class={wide ? "agenda-list agenda-list-wide" : "agenda-list"} data-testid="agenda">
        {sorted.map((item) => (
          <li key={item.id} class="agenda-item">
            {localised(item.title, language)}
          </li>
        ))}
      </ol>
    </section>
  );
}
