/** The simulated Teams host: answers each tab as the participant whose frame sent the message
 * (event.source), pushes host events (theme changes, the config dialog's Save), and records all
 * of it in window.simulatorLog. */
import { AuthPopups } from "./auth-popup";
import type { SimulatorBoot } from "./boot";
import { type FrameState, flatContext } from "./context";
import { record } from "./log";
import {
  type AppMessage,
  ErrorCode,
  HOST_SDK_VERSION,
  isAppMessage,
  push,
  RUNTIME_CONFIG,
  reply,
} from "./protocol";

export interface BoundFrame extends FrameState {
  window: Window;
  element: HTMLIFrameElement;
}

export interface TabSettings {
  contentUrl: string;
  websiteUrl?: string;
  entityId?: string;
  suggestedDisplayName?: string;
}

/** What the host needs from the simulator page. */
export interface HostBridge {
  boot: SimulatorBoot;
  theme(): string;
  /** The Teams locale of a participant's client (all of them when no participant is named). */
  locale(participant?: string): string;
  stageUrl(): string | null;
  /** When true, single sign-on fails (to show the tab's error path). */
  failSignIn(): boolean;
  onValidity(frame: BoundFrame, valid: boolean): void;
  onSettings(frame: BoundFrame, settings: TabSettings): void;
  onShare(frame: BoundFrame, url: string): void;
  onStopSharing(frame: BoundFrame): void;
}

const NO_REPLY = Symbol("no reply");
type Result = unknown[] | typeof NO_REPLY;
type Handler = (args: unknown[], frame: BoundFrame) => Result | Promise<Result>;

const SAVE_TIMEOUT_MS = 30_000;

/** Only URLs of this app may be loaded into the simulated meeting. */
export function sameOriginTabUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value, window.location.origin);
    return url.origin === window.location.origin && url.pathname.startsWith("/tab/") ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

export function participantFrames(): HTMLIFrameElement[] {
  return Array.from(document.querySelectorAll<HTMLIFrameElement>("iframe[data-participant]"));
}

export class SimulatedHost {
  private readonly saves = new Map<Window, { resolve: () => void; reject: (reason: Error) => void }>();
  /** authentication.authenticate: the sign-in pop-ups this host opened (auth-popup.ts). */
  private readonly popups = new AuthPopups({
    boot: () => this.bridge.boot,
    theme: () => this.bridge.theme(),
    locale: () => this.bridge.locale(),
  });

  constructor(private readonly bridge: HostBridge) {}

  start(): () => void {
    window.addEventListener("message", this.onMessage);
    return () => window.removeEventListener("message", this.onMessage);
  }

  /** Pushes a host event to every tab frame (e.g. themeChange). */
  broadcast(func: string, args: unknown[]): void {
    for (const element of participantFrames()) {
      const frame = this.bind(element);
      if (frame) this.pushTo(frame, func, args);
    }
  }

  /** The config dialog's Save: push settings.save and wait for settings.save.success. */
  save(element: HTMLIFrameElement): Promise<void> {
    const frame = this.bind(element);
    if (!frame) return Promise.reject(new Error("the configuration page is not loaded"));
    return new Promise<void>((resolve, reject) => {
      const timer = window.setTimeout(() => {
        this.saves.delete(frame.window);
        reject(new Error("timeout"));
      }, SAVE_TIMEOUT_MS);
      this.saves.set(frame.window, {
        resolve: () => {
          window.clearTimeout(timer);
          resolve();
        },
        reject: (reason) => {
          window.clearTimeout(timer);
          reject(reason);
        },
      });
      this.pushTo(frame, "settings.save", []);
    });
  }

  private bind(element: HTMLIFrameElement): BoundFrame | null {
    const participant = this.bridge.boot.participants.find((p) => p.key === element.dataset.participant);
    if (!participant || !element.contentWindow) return null;
    return {
      participant,
      window: element.contentWindow,
      element,
      frameContext: element.dataset.frameContext ?? "content",
      entityId: element.dataset.entityId ?? "",
      inMeeting: element.dataset.inMeeting === "true",
    };
  }

  private readonly onMessage = (event: MessageEvent): void => {
    if (this.popups.handle(event)) return;
    if (event.origin !== window.location.origin || !isAppMessage(event.data)) return;
    const element = participantFrames().find((candidate) => candidate.contentWindow === event.source);
    const frame = element ? this.bind(element) : null;
    if (!frame) return;
    const message = event.data;
    const args = Array.isArray(message.args) ? message.args : [];
    const handler = Object.prototype.hasOwnProperty.call(this.handlers, message.func) ? this.handlers[message.func] : undefined;
    record({
      direction: "app→host",
      participant: frame.participant.key,
      frameContext: frame.frameContext,
      func: message.func,
      args,
      ...(handler ? {} : { unknown: true }),
    });
    if (!handler) {
      console.warn(`Teams simulator: ${message.func} is not simulated`, args);
      this.answer(frame, message, [
        { errorCode: ErrorCode.NOT_SUPPORTED_ON_PLATFORM, message: `${message.func} is not supported by the Teams simulator` },
      ]);
      return;
    }
    Promise.resolve()
      .then(() => handler(args, frame))
      .then(
        (result) => result !== NO_REPLY && this.answer(frame, message, result),
        (error: unknown) =>
          this.answer(frame, message, [{ errorCode: ErrorCode.INTERNAL_ERROR, message: String(error) }]),
      );
  };

  private answer(frame: BoundFrame, message: AppMessage, args: unknown[]): void {
    record({ direction: "host→app", participant: frame.participant.key, frameContext: frame.frameContext, func: message.func, args });
    reply(frame.window, message, args);
  }

  private pushTo(frame: BoundFrame, func: string, args: unknown[]): void {
    record({ direction: "host→app", participant: frame.participant.key, frameContext: frame.frameContext, func, args });
    push(frame.window, func, args);
  }

  private async demoToken(person: string): Promise<unknown[]> {
    if (this.bridge.failSignIn()) return [false, "resourceRequiresConsent"];
    const response = await fetch("/demo/idp/token", {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ person }),
    });
    if (!response.ok) return [false, `The demo identity provider answered ${response.status}`];
    return [true, ((await response.json()) as { access_token: string }).access_token];
  }

  private readonly handlers: Record<string, Handler> = {
    initialize: (_args, frame) => [frame.frameContext, "web", JSON.stringify(RUNTIME_CONFIG), HOST_SDK_VERSION],
    getContext: (_args, frame) => [flatContext(this.bridge.boot, frame, this.bridge.theme(), this.bridge.locale(frame.participant.key))],
    registerHandler: () => NO_REPLY,
    "appInitialization.appLoaded": () => NO_REPLY,
    "appInitialization.success": () => NO_REPLY,
    "appInitialization.failure": () => NO_REPLY,
    "appInitialization.expectedFailure": () => NO_REPLY,
    "authentication.getAuthToken": (_args, frame) => this.demoToken(frame.participant.key),
    "authentication.authenticate": (args, frame) => this.popups.authenticate(args, frame),
    "settings.setValidityState": (args, frame) => {
      this.bridge.onValidity(frame, args[0] === true);
      return NO_REPLY;
    },
    "settings.setSettings": (args, frame) => {
      const settings = args[0] as TabSettings | undefined;
      if (!settings || !sameOriginTabUrl(settings.contentUrl)) return [false, "contentUrl must be a page of this app"];
      this.bridge.onSettings(frame, settings);
      return [true];
    },
    "settings.save.success": (_args, frame) => {
      this.saves.get(frame.window)?.resolve();
      this.saves.delete(frame.window);
      return NO_REPLY;
    },
    "settings.save.failure": (args, frame) => {
      this.saves.get(frame.window)?.reject(new Error(String(args[0] ?? "failed")));
      this.saves.delete(frame.window);
      return NO_REPLY;
    },
    "meeting.getAppContentStageSharingCapabilities": () => [null, { doesAppHaveSharePermission: true }],
    "meeting.getAppContentStageSharingState": () => [null, { isAppSharing: this.bridge.stageUrl() !== null }],
    "meeting.shareAppContentToStage": (args, frame) => {
      const url = sameOriginTabUrl(args[0]);
      if (!url) return [{ errorCode: ErrorCode.INVALID_ARGUMENTS, message: "only pages of this app can be shared" }, false];
      this.bridge.onShare(frame, url);
      return [null, true];
    },
    "meeting.stopSharingAppContentToStage": (_args, frame) => {
      this.bridge.onStopSharing(frame);
      return [null, true];
    },
  };
}
