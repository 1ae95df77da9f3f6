import { useState } from "preact/hooks";

import { saveInvite } from "../../lib/conversations";
import { useTexts } from "../../lib/i18n";
import { describeError } from "../errors";
import { useSession } from "../session";

/** "Add to calendar (.ics)": fetched with the person's token and saved; a failure is shown beside it. */
export function InviteButton({ id }: { id: number }) {
  const texts = useTexts();
  const { api } = useSession();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        class="button"
        data-testid="invite-ics"
        onClick={() => {
          setError(null);
          saveInvite(api, id).catch((reason: unknown) => setError(describeError(reason, texts)));
        }}
      >
        {texts.t("ui.mymus.ics")}
      </button>
      {error && (
        <span class="hint hint-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
