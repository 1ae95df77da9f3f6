import "./consent.css";

import { useEffect, useState } from "preact/hooks";

import { isAskingForConsent, onConsentChange } from "../../lib/consent";
import { useTexts } from "../../lib/i18n";

/** While the Microsoft 365 consent pop-up is open (lib/consent.ts), says what it is for. A live
 * region that is always in the page, so screen readers announce the change. */
export function ConsentStatus() {
  const { t } = useTexts();
  const [asking, setAsking] = useState(isAskingForConsent);
  useEffect(() => {
    setAsking(isAskingForConsent());
    return onConsentChange(setAsking);
  }, []);
  return (
    <div class="consent-status" role="status" data-testid="consent-status">
      {asking && (
        <p class="consent-status-text">
          <span class="spinner" aria-hidden="true" />
          <span>{t("ui.consent.asking")}</span>
        </p>
      )}
    </div>
  );
}
