/** Everything this app asks of the Teams host, in one place (teams-js v2).
 *
 * Outside Teams there is no parent window: app.initialize() rejects at once and the page runs in
 * plain browser mode. Inside a frame that never answers (not a Teams host) it gives up after a
 * timeout, so nobody waits forever. */
import { app, authentication, meeting, pages } from "@microsoft/teams-js";

export type TeamsContext = app.Context;
export type Connection = { inTeams: true; context: TeamsContext } | { inTeams: false };
export type SaveEvent = pages.config.SaveEvent;

const CONNECT_TIMEOUT_MS = 15_000;
let connection: Promise<Connection> | null = null;
let connected = false;

export class TeamsError extends Error {
  constructor(
    readonly step: "initialize" | "context" | "token" | "stage" | "config",
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "TeamsError";
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        window.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        window.clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function hasHostWindow(): boolean {
  return window.parent !== window || Boolean(window.opener);
}

/** Connects once per page load (teams-js can be initialized only once). */
export function connect(): Promise<Connection> {
  connection ??= (async (): Promise<Connection> => {
    try {
      await withTimeout(app.initialize(), CONNECT_TIMEOUT_MS, "The Teams host did not answer.");
    } catch (error) {
      if (!hasHostWindow()) return { inTeams: false };
      throw new TeamsError("initialize", error);
    }
    connected = true;
    try {
      return { inTeams: true, context: await app.getContext() };
    } catch (error) {
      throw new TeamsError("context", error);
    }
  })();
  return connection;
}

export function onThemeChange(handler: (theme: string) => void): void {
  app.registerOnThemeChangeHandler(handler);
}

let loadReported = false;

/** Tells Teams the first useful content is visible (ends its loading indicator). Once per page,
 * and only inside Teams. */
export function reportLoaded(): void {
  if (loadReported || !connected) return;
  loadReported = true;
  Promise.resolve(app.notifySuccess()).catch(() => undefined);
}

/** Tells Teams the page could not load, with the reason shown to the person. Once per page. */
export function reportFailure(kind: "auth" | "other", message: string): void {
  if (loadReported || !connected) return;
  loadReported = true;
  const reason = kind === "auth" ? app.FailedReason.AuthFailed : app.FailedReason.Other;
  app.notifyFailure({ reason, message });
}

/** An Entra access token for this app's own API (Teams single sign-on). Never stored. */
export async function ssoToken(): Promise<string> {
  try {
    return await authentication.getAuthToken();
  } catch (error) {
    throw new TeamsError("token", error);
  }
}

export function canShareToStage(): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      meeting.getAppContentStageSharingCapabilities((error, result) =>
        resolve(!error && Boolean(result?.doesAppHaveSharePermission)),
      );
    } catch {
      resolve(false); // not in a meeting side panel or stage
    }
  });
}

export function shareToStage(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      meeting.shareAppContentToStage((error, result) => {
        if (error || !result) reject(new TeamsError("stage", error?.message ?? error?.errorCode ?? "refused"));
        else resolve();
      }, url);
    } catch (error) {
      reject(new TeamsError("stage", error));
    }
  });
}

/** The configuration page's side of the "add a tab" dialog. */
export const tabConfig = {
  setValid(valid: boolean): void {
    pages.config.setValidityState(valid);
  },
  onSave(handler: (event: SaveEvent) => void): void {
    pages.config.registerOnSaveHandler(handler);
  },
  async save(instance: pages.InstanceConfig): Promise<void> {
    try {
      await pages.config.setConfig(instance);
    } catch (error) {
      throw new TeamsError("config", error);
    }
  },
};
