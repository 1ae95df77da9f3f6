import type { Person } from "../../lib/conversations";
import type { Texts } from "../../lib/i18n";
import { useTexts } from "../../lib/i18n";

/** A person's name as lists show it: "has left the organisation" after it when the directory no
 * longer knows them (their history is kept). */
export function personLabel(person: Pick<Person, "display_name" | "left">, { t }: Texts): string {
  const name = person.display_name || t("ui.common.unknown_person");
  return person.left ? `${name} (${t("ui.people.left")})` : name;
}

/** The mark of a pair the directory did not show: the employee confirmed the manager when planning. */
export function PairMark({ relationship }: { relationship: string }) {
  const { t } = useTexts();
  if (relationship !== "confirmed") return null;
  return (
    <span class="tag tag-warning" data-testid="pair-confirmed">
      {t("ui.conversation.pair_confirmed")}
    </span>
  );
}
