/** Before the meeting: the agenda as it will be, with the talking points both have added so far. */
import { localised } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import { useMeeting } from "../context";

export function AgendaPreview({ wide = false }: { wide?: boolean }) {
  const { t, language } = useTexts();
  const [state] = useMeeting();
  const items = [...state.data.conversation.agenda].sort((a, b) => a.position - b.position);
  if (!items.length) return <p class="hint">{t("ui.agenda.empty")}</p>;
  return (
    <section class="agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" class="section-title">
        {t("ui.agenda.heading")}
      </h2>
      <ol class={wide ? "agenda-list agenda-list-wide" : "agenda-list"} data-testid="agenda">
        {items.map((item) => (
          <li key={item.id} class="agenda-item" data-item-id={item.id}>
            <div class="agenda-item-body">
              <span class="agenda-item-title">{localised(item.title, language)}</span>
              {item.talking_points.map((point) => (
                <p key={point.id} class="preview-point" data-testid="preview-point">
                  {point.text} <span class="hint">– {point.author.display_name}</span>
                </p>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
