/** The host side of the teams-js v2 postMessage protocol, as far as this app uses it.
 *
 * App to host: {id, uuidAsString, func, args, ...}. Host reply: {id, uuidAsString, args}.
 * Host events: {func, args} without an id. teams-js only accepts messages from the tab's own
 * origin or Microsoft's hosts, which is why the simulator is served by the app itself. */

export interface AppMessage {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
}

export function isAppMessage(data: unknown): data is AppMessage {
  if (!data || typeof data !== "object") return false;
  const message = data as Record<string, unknown>;
  return typeof message.id === "number" && typeof message.func === "string";
}

/** The capabilities the simulated host announces (runtime config v4). teams-js 2.58 checks
 * `pages` and `pages.config` before setConfig/setValidityState; the meeting and authentication
 * calls need only an initialized runtime and the right frame context. */
export const RUNTIME_CONFIG = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    appInitialization: {},
    authentication: {},
    interactive: {},
    meeting: { stage: {} },
    pages: { appButton: {}, backStack: {}, config: {}, tabs: {} },
    teamsCore: {},
  },
};

export const HOST_SDK_VERSION = "2.0.1";

/** teams-js ErrorCode values used in error replies. */
export const ErrorCode = { NOT_SUPPORTED_ON_PLATFORM: 100, INTERNAL_ERROR: 500, INVALID_ARGUMENTS: 4000 } as const;

export function reply(target: Window, request: AppMessage, args: unknown[]): void {
  target.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, window.location.origin);
}

export function push(target: Window, func: string, args: unknown[] = []): void {
  target.postMessage({ func, args }, window.location.origin);
}
