/** The live channel of a conversation (docs/live.md): server-sent events read with fetch streaming,
 * because EventSource cannot send the bearer token. Reconnects with Last-Event-ID, so no event is
 * missed; a `refresh` event means the tab must reload everything. Presence ("who else is here")
 * is announced with PUT …/presence every 15 s and withdrawn when the page goes away. */
import { type Api, ApiError, languageHeaders } from "./api";

export interface LiveEvent {
  seq: number | null;
  kind: string;
  conversation_id: number;
  data: Record<string, unknown>;
}

/** connecting → live; offline while the stream is down (it keeps trying); unavailable when the
 * server has no live channel (then the tab polls instead). */
export type LiveStatus = "connecting" | "live" | "offline" | "unavailable";

export interface LiveHandlers {
  onEvent(event: LiveEvent): void;
  onStatus(status: LiveStatus): void;
  /** Events were missed and cannot be replayed: reload everything. */
  onRefresh(): void;
}

interface Frame {
  id: string | null;
  event: string;
  data: string;
  retry: number | null;
}

/** Splits an SSE byte stream into frames (the W3C event stream format). */
export class SseParser {
  private buffer = "";

  push(chunk: string): Frame[] {
    this.buffer += chunk.replace(/\r\n?/g, "\n");
    const frames: Frame[] = [];
    let end: number;
    while ((end = this.buffer.indexOf("\n\n")) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const frame: Frame = { id: null, event: "message", data: "", retry: null };
      const data: string[] = [];
      let meaningful = false;
      for (const line of block.split("\n")) {
        if (!line || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        meaningful = true;
        if (field === "data") data.push(value);
        else if (field === "event") frame.event = value;
        else if (field === "id") frame.id = value;
        else if (field === "retry" && /^\d+$/.test(value)) frame.retry = Number(value);
      }
      frame.data = data.join("\n");
      if (meaningful) frames.push(frame);
    }
    return frames;
  }
}

const MAX_BACKOFF_MS = 15_000;
/** The server sends a comment every 15 s: silence this long means the connection is dead. */
const SILENCE_MS = 45_000;

export class LiveChannel {
  private controller: AbortController | null = null;
  private lastEventId: string | null = null;
  private retryMs = 2000;
  private failures = 0;
  private stopped = false;
  private timer: number | null = null;

  constructor(
    private readonly api: Api,
    private readonly conversationId: number,
    private readonly handlers: LiveHandlers,
  ) {}

  start(): void {
    this.stopped = false;
    window.addEventListener("online", this.reconnectNow);
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener("online", this.reconnectNow);
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.controller?.abort();
    this.controller = null;
  }

  private reconnectNow = (): void => {
    if (this.stopped) return;
    this.controller?.abort();
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    void this.connect();
  };

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const controller = new AbortController();
    this.controller = controller;
    if (this.failures) this.handlers.onStatus("offline");
    let wasLive = false;
    const started = Date.now();
    try {
      const headers: Record<string, string> = {
        Accept: "text/event-stream",
        ...languageHeaders(this.api.currentLanguage()),
        Authorization: `Bearer ${await this.api.token()}`,
      };
      if (this.lastEventId !== null) headers["Last-Event-ID"] = this.lastEventId;
      const response = await fetch(`/api/conversations/${this.conversationId}/live`, {
        headers,
        credentials: "same-origin",
        cache: "no-store",
        signal: controller.signal,
      });
      if (response.status === 404 || response.status === 405 || response.status === 501) {
        this.handlers.onStatus("unavailable");
        return; // this server has no live channel: the tab polls
      }
      if (response.status === 401) this.api.forgetToken();
      if (!response.ok || !response.body) throw new ApiError(response.status, "live_failed", `HTTP ${response.status}`);
      wasLive = await this.read(response.body, controller);
    } catch {
      if (this.stopped) return;
    }
    if (this.stopped || this.controller !== controller) return;
    if (wasLive && Date.now() - started > 5000) {
      // The server ends a stream now and then (a fresh token, a restart): resume at once.
      this.failures = 0;
      void this.connect();
      return;
    }
    this.failures += 1;
    this.handlers.onStatus("offline");
    // Randomised, so that tabs refused at the same moment (503 live_busy) do not return together.
    const backoff = Math.min(this.retryMs * 2 ** Math.max(0, this.failures - 1), MAX_BACKOFF_MS);
    const delay = backoff / 2 + Math.random() * (backoff / 2);
    this.timer = window.setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
  }

  /** Reads the stream until it ends; true when it ended after being live (a normal end). */
  private async read(body: ReadableStream<Uint8Array>, controller: AbortController): Promise<boolean> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    let live = false;
    let silence = window.setTimeout(() => controller.abort(), SILENCE_MS);
    try {
      for (;;) {
        const { value, done } = await reader.read();
        window.clearTimeout(silence);
        silence = window.setTimeout(() => controller.abort(), SILENCE_MS);
        if (done) return live;
        for (const frame of parser.push(decoder.decode(value, { stream: true }))) live = this.handle(frame) || live;
      }
    } finally {
      window.clearTimeout(silence);
      if (!controller.signal.aborted) controller.abort();
    }
  }

  /** Handles one frame; true once the stream is live (the `ready` event). */
  private handle(frame: Frame): boolean {
    if (frame.retry !== null) this.retryMs = frame.retry;
    if (frame.id !== null && frame.id !== "") this.lastEventId = frame.id;
    if (frame.event === "ready") {
      this.failures = 0;
      this.handlers.onStatus("live");
      return true;
    }
    if (!frame.data) return false;
    let payload: unknown;
    try {
      payload = JSON.parse(frame.data);
    } catch {
      return false;
    }
    if (frame.event === "refresh") {
      this.handlers.onRefresh();
      return false;
    }
    const event = payload as Partial<LiveEvent>;
    this.handlers.onEvent({
      seq: typeof event.seq === "number" ? event.seq : null,
      kind: typeof event.kind === "string" ? event.kind : frame.event,
      conversation_id: this.conversationId,
      data: (event.data as Record<string, unknown> | undefined) ?? {},
    });
    return false;
  }
}

/** "I am here, on this item, following or not": refreshed every 15 s, withdrawn on leaving. */
export class PresenceBeacon {
  private timer: number | null = null;
  private state: { agenda_item_id: number | null; following: boolean } = { agenda_item_id: null, following: true };
  private available = true;
  /** The token of the last beat: leaving must send at once (the page is going away). */
  private token: string | null = null;

  constructor(
    private readonly api: Api,
    private readonly conversationId: number,
  ) {}

  private get path(): string {
    return `/api/conversations/${this.conversationId}/presence`;
  }

  start(): void {
    window.addEventListener("pagehide", this.leave);
    this.timer = window.setInterval(() => void this.send(), 15_000);
    void this.send();
  }

  stop(): void {
    window.removeEventListener("pagehide", this.leave);
    if (this.timer !== null) window.clearInterval(this.timer);
    this.timer = null;
    this.leave();
  }

  update(agendaItemId: number | null, following: boolean): void {
    if (this.state.agenda_item_id === agendaItemId && this.state.following === following) return;
    this.state = { agenda_item_id: agendaItemId, following };
    void this.send();
  }

  private async send(): Promise<void> {
    if (!this.available) return;
    try {
      this.token = await this.api.token();
      await this.api.put(this.path, this.state);
    } catch (error) {
      // A server without presence: stop asking. Network trouble: the next beat tries again.
      if (error instanceof ApiError && (error.status === 404 || error.status === 405)) this.available = false;
    }
  }

  private leave = (): void => {
    if (!this.available || !this.token) return;
    const headers = { ...languageHeaders(this.api.currentLanguage()), Authorization: `Bearer ${this.token}` };
    fetch(this.path, { method: "DELETE", keepalive: true, headers }).catch(() => undefined);
  };
}
