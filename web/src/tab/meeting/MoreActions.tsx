/** "More actions" in the conversation's header: a menu button (the menu button pattern: Enter,
 * Space or arrow down opens it on its first item; arrows move; Escape closes it and returns focus).
 * It holds the actions that need no button of their own yet, such as concluding before the agenda
 * is done. */
import { useEffect, useRef, useState } from "preact/hooks";

import { useTexts } from "../../lib/i18n";
import { useMeeting } from "./context";
import { useId } from "./ui";

export interface MenuEntry {
  key: string;
  label: string;
  run: () => unknown;
  disabled?: boolean;
}

export function useMoreActions(conclude: { conclude: () => unknown; busy: boolean }): MenuEntry[] {
  const { t } = useTexts();
  const [state] = useMeeting();
  const entries: MenuEntry[] = [];
  if (state.data.conversation.status === "in_meeting") {
    entries.push({ key: "conclude-now", label: t("ui.panel.conclude_now"), run: conclude.conclude, disabled: conclude.busy });
  }
  return entries;
}

function MoreIcon() {
  return (
    <svg class="icon" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="4.5" cy="10" r="1.5" fill="currentColor" />
      <circle cx="10" cy="10" r="1.5" fill="currentColor" />
      <circle cx="15.5" cy="10" r="1.5" fill="currentColor" />
    </svg>
  );
}

export function MoreActions({ entries }: { entries: MenuEntry[] }) {
  const { t } = useTexts();
  const [open, setOpen] = useState(false);
  const menuId = useId("more-actions");
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = () => Array.from(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);

  const show = (focus: "first" | "last" = "first") => {
    setOpen(true);
    window.requestAnimationFrame(() => {
      const all = items();
      (focus === "first" ? all[0] : all[all.length - 1])?.focus();
    });
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  // A click or focus outside closes the menu.
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("focusin", outside);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("focusin", outside);
    };
  }, [open]);

  if (!entries.length) return null;

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      show(event.key === "ArrowDown" ? "first" : "last");
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(all.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") setOpen(false);
  };

  const label = t("ui.panel.more_actions");
  return (
    <div class="menu-root" ref={root}>
      <button
        ref={button}
        type="button"
        class="icon-button has-tooltip"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => (open ? close(false) : show())}
        onKeyDown={onButtonKey}
        data-testid="more-actions"
      >
        <MoreIcon />
        {!open && (
          <span class="tooltip" aria-hidden="true">
            {label}
          </span>
        )}
      </button>
      {open && (
        <ul id={menuId} class="menu" role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {entries.map((entry) => (
            <li key={entry.key} role="none">
              <button
                type="button"
                role="menuitem"
                class="menu-item"
                tabIndex={-1}
                disabled={entry.disabled}
                data-testid={entry.key}
                onClick={() => {
                  close(true);
                  void entry.run();
                }}
              >
                {entry.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
