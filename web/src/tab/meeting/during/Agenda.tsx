/** The shared agenda during the meeting. The item the meeting is on is marked for both; with
 * 'follow' on, moving on moves the other participant too. Anyone may look at another item (that
 * pauses following) and jump back. Narrow (side panel): one item open at a time, in place. Wide
 * (stage, tab): the list beside the open item. */
import { localised } from "../../../lib/format";
import { useTexts } from "../../../lib/i18n";
import type { AgendaItemFull } from "../../../lib/meeting/types";
import { useMeeting } from "../context";
import { InlineError, useAction } from "../ui";
import { ItemPanel } from "./ItemPanel";

export function sortedAgenda(agenda: AgendaItemFull[]): AgendaItemFull[] {
  return [...agenda].sort((a, b) => a.position - b.position);
}

export function Agenda({ wide = false }: { wide?: boolean }) {
  const { t, language } = useTexts();
  const [state] = useMeeting("position");
  const items = sortedAgenda(state.data.conversation.agenda);
  const open = items.find((item) => item.id === state.viewing) ?? null;
  return (
    <section class={`agenda agenda-live ${wide ? "agenda-split" : ""}`} aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" class="section-title">
        {t("ui.agenda.heading")}
      </h2>
      <FollowBar items={items} />
      {wide ? (
        <div class="split">
          <AgendaEntries items={items} withPanels={false} />
          <div class="split-panel">
            {open ? (
              <div id={`item-${open.id}-panel`} role="region" aria-labelledby={`item-${open.id}-button`}>
                <h3 class="section-title">{localised(open.title, language)}</h3>
                <ItemPanel item={open} items={items} />
              </div>
            ) : (
              <p class="hint">{t("ui.meeting.agenda.pick")}</p>
            )}
          </div>
        </div>
      ) : (
        <AgendaEntries items={items} withPanels />
      )}
    </section>
  );
}

function FollowBar({ items }: { items: AgendaItemFull[] }) {
  const { t, language } = useTexts();
  const [state, store] = useMeeting();
  const action = useAction();
  const sharedId = state.data.position?.agenda_item_id ?? null;
  const shared = items.find((item) => item.id === sharedId) ?? null;
  if (state.data.position === undefined) return null;
  if (!shared) {
    return (
      <div class="follow-bar" data-testid="follow-bar" data-following="none">
        <p class="hint">{t("ui.meeting.agenda.not_started")}</p>
        {items[0] && (
          <button type="button" class="button button-primary" disabled={action.busy} onClick={() => action.run(() => store.moveTo(items[0].id))}>
            {t("ui.meeting.agenda.start")}
          </button>
        )}
        <InlineError message={action.error} />
      </div>
    );
  }
  const title = localised(shared.title, language);
  const following = state.following && state.viewing === shared.id;
  return (
    <div class={`follow-bar ${following ? "follow-on" : "follow-off"}`} data-testid="follow-bar" data-following={following ? "yes" : "no"}>
      <p role="status">
        {following ? t("ui.meeting.agenda.following", { title }) : t("ui.meeting.agenda.looking_around", { title })}
      </p>
      {!following && (
        <button type="button" class="button button-small" onClick={() => store.follow()} data-testid="jump-back">
          {t("ui.meeting.agenda.jump_back")}
        </button>
      )}
    </div>
  );
}

function AgendaEntries({ items, withPanels }: { items: AgendaItemFull[]; withPanels: boolean }) {
  const { t, n, language } = useTexts();
  const [state, store] = useMeeting();
  const sharedId = state.data.position?.agenda_item_id ?? null;

  // Arrow keys move between the item headers (the accordion pattern); Tab works as well.
  const onKeyDown = (event: KeyboardEvent) => {
    const button = event.currentTarget as HTMLButtonElement;
    const buttons = Array.from(button.closest("ol")?.querySelectorAll<HTMLButtonElement>(":scope > li > h3 > button") ?? []);
    const index = buttons.indexOf(button);
    const target =
      event.key === "ArrowDown" ? buttons[index + 1] : event.key === "ArrowUp" ? buttons[index - 1] :
      event.key === "Home" ? buttons[0] : event.key === "End" ? buttons[buttons.length - 1] : undefined;
    if (target) {
      event.preventDefault();
      target.focus();
    }
  };

  return (
    <ol class="agenda-entries" data-testid="agenda">
      {items.map((item, index) => {
        const open = state.viewing === item.id;
        const current = sharedId === item.id;
        const points = item.talking_points.length;
        return (
          <li
            key={item.id}
            class={`agenda-entry ${current ? "is-current" : ""} ${open ? "is-open" : ""}`}
            data-item-id={item.id}
            data-section={item.section_key}
            data-current={current ? "yes" : "no"}
            data-open={open ? "yes" : "no"}
          >
            <h3 class="agenda-entry-heading">
              <button
                type="button"
                id={`item-${item.id}-button`}
                class="agenda-entry-button"
                aria-expanded={open}
                aria-controls={`item-${item.id}-panel`}
                aria-current={current ? "step" : undefined}
                onClick={() => store.view(open && withPanels ? null : item.id)}
                onKeyDown={onKeyDown}
              >
                <span class="agenda-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span class="agenda-entry-title">{localised(item.title, language)}</span>
                {current && <span class="now-tag">{t("ui.meeting.agenda.now")}</span>}
                {points > 0 && (
                  <span class="count" title={n("ui.meeting.points.count", points)}>
                    <span aria-hidden="true">{points}</span>
                    <span class="visually-hidden">{n("ui.meeting.points.count", points)}</span>
                  </span>
                )}
              </button>
            </h3>
            {withPanels && open && (
              <div id={`item-${item.id}-panel`} class="agenda-entry-panel" role="region" aria-labelledby={`item-${item.id}-button`}>
                <ItemPanel item={item} items={items} />
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
