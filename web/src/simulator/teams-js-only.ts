/** The benchmark's baseline (demo mode only, /simulator/teams-js): a page that does nothing but
 * initialize teams-js with its host and report it loaded, as fast as a tab can possibly start from
 * this server. bench/web.py loads it in the simulator's side panels beside the real ones. */
import { app } from "@microsoft/teams-js";

void app.initialize().then(
  () => {
    document.body.dataset.ready = "yes";
    return app.notifySuccess();
  },
  () => {
    document.body.dataset.ready = "failed";
  },
);
