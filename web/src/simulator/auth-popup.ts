/** The host side of `authentication.authenticate`, as Teams does it: the host opens the URL in a
 * pop-up window; the page that ends the flow runs teams-js, whose `app.initialize()` talks to the
 * window that opened it (`window.opener`, i.e. this host) and is answered with the frame context
 * "authentication"; `authentication.notifySuccess(result)` then sends
 * `authentication.authenticate.success` [result] (or `.failure` [reason]) and closes the window.
 * The host answers the tab's authenticate request with [true, result] or [false, reason]; a window
 * closed before that is [false, "CancelledByUser"]. */
import type { BoundFrame } from "./host";
import { flatContext } from "./context";
import type { SimulatorBoot } from "./boot";
import { record } from "./log";
import { type AppMessage, ErrorCode, HOST_SDK_VERSION, isAppMessage, RUNTIME_CONFIG, reply } from "./protocol";

export const AUTH_FRAME_CONTEXT = "authentication";
const CLOSED_POLL_MS = 250;
const DEFAULT_SIZE = { width: 600, height: 535 };

interface OpenPopup {
  frame: BoundFrame;
  finish: (result: unknown[]) => void;
}

/** Only sign-in pages of this app may be opened (the tab asks with a URL of its own origin). */
export function sameOriginAuthUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value, window.location.origin);
    return url.origin === window.location.origin && url.pathname.startsWith("/auth/") ? url.href : null;
  } catch {
    return null;
  }
}

function size(value: unknown, fallback: number): number {
  const usable = typeof value === "number" && Number.isFinite(value) && value >= 100 && value <= 2000;
  return usable ? Math.round(value) : fallback;
}

export class AuthPopups {
  private readonly open = new Map<Window, OpenPopup>();

  constructor(private readonly host: { boot(): SimulatorBoot; theme(): string; locale(): string }) {}

  /** authentication.authenticate: args [url, width, height, isExternal]. */
  authenticate(args: unknown[], frame: BoundFrame): Promise<unknown[]> {
    const url = sameOriginAuthUrl(args[0]);
    if (!url) return Promise.resolve([false, "The URL must be a sign-in page of this app."]);
    const width = size(args[1], DEFAULT_SIZE.width);
    const height = size(args[2], DEFAULT_SIZE.height);
    const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2));
    const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 2));
    const popup = window.open(url, "_blank", `popup,width=${width},height=${height},left=${left},top=${top}`);
    if (!popup) return Promise.resolve([false, "FailedToOpenWindow"]);
    return new Promise<unknown[]>((resolve) => {
      const watch = window.setInterval(() => {
        if (popup.closed) finish([false, "CancelledByUser"]);
      }, CLOSED_POLL_MS);
      const finish = (result: unknown[]) => {
        if (!this.open.has(popup)) return;
        window.clearInterval(watch);
        this.open.delete(popup);
        resolve(result);
      };
      this.open.set(popup, { frame, finish });
    });
  }

  /** Handles a message from one of the pop-ups; false when it came from somewhere else. */
  handle(event: MessageEvent): boolean {
    const source = event.source as Window | null;
    const popup = source ? this.open.get(source) : undefined;
    if (!source || !popup) return false;
    if (event.origin !== window.location.origin || !isAppMessage(event.data)) return true;
    const message = event.data;
    const args = Array.isArray(message.args) ? message.args : [];
    const known = Object.prototype.hasOwnProperty.call(this.handlers, message.func);
    this.log("app→host", popup, message.func, args, !known);
    if (!known) {
      console.warn(`Teams simulator: ${message.func} is not simulated in the authentication window`, args);
      this.answer(source, popup, message, [
        { errorCode: ErrorCode.NOT_SUPPORTED_ON_PLATFORM, message: `${message.func} is not supported here` },
      ]);
      return true;
    }
    const result = this.handlers[message.func](args, popup);
    if (result) this.answer(source, popup, message, result);
    return true;
  }

  private readonly handlers: Record<string, (args: unknown[], popup: OpenPopup) => unknown[] | null> = {
    initialize: () => [AUTH_FRAME_CONTEXT, "web", JSON.stringify(RUNTIME_CONFIG), HOST_SDK_VERSION],
    getContext: (_args, popup) => [
      flatContext(
        this.host.boot(),
        { ...popup.frame, frameContext: AUTH_FRAME_CONTEXT },
        this.host.theme(),
        this.host.locale(),
      ),
    ],
    "authentication.authenticate.success": (args, popup) => {
      popup.finish([true, args[0] ?? ""]);
      return null;
    },
    "authentication.authenticate.failure": (args, popup) => {
      popup.finish([false, String(args[0] ?? "failed")]);
      return null;
    },
  };

  private answer(target: Window, popup: OpenPopup, message: AppMessage, args: unknown[]): void {
    this.log("host→app", popup, message.func, args);
    reply(target, message, args);
  }

  private log(
    direction: "app→host" | "host→app",
    popup: OpenPopup,
    func: string,
    args: unknown[],
    unknown = false,
  ): void {
    record({
      direction,
      participant: popup.frame.participant.key,
      frameContext: AUTH_FRAME_CONTEXT,
      func,
      args,
      ...(unknown ? { unknown: true } : {}),
    });
  }
}
