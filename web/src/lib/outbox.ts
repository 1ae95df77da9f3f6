/** The outbox: every change goes through it. Sent at once when the server can be reached; when the
 * network is down it is kept in localStorage (with its Idempotency-Key, for creates) and sent, in
 * order, when the connection is back, so nothing typed is lost. Several frames of the same person
 * (side panel, stage) share the queue; one of them sends at a time (Web Locks). */
import { type Api, ApiError, newIdempotencyKey } from "./api";
import type { Write } from "./meeting/writes";

export type SaveState = "saved" | "saving" | "offline";

export interface Queued extends Write {
  id: string;
  idempotencyKey?: string;
  queuedAt: number;
}

export type Sent<T> = { queued: false; value: T } | { queued: true };

type Listener = () => void;
type Delivery = (write: Queued, result: unknown) => void;
type Failure = (write: Queued, error: ApiError) => void;

const RETRY_MS = 4000;

export class Outbox {
  private inFlight = 0;
  private memory: Queued[] | null = null;
  private flushing = false;
  private timer: number | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly deliveries = new Set<Delivery>();
  private readonly failures = new Set<Failure>();

  constructor(
    private readonly api: Api,
    private readonly storageKey: string,
  ) {}

  /** Starts sending what an earlier page left queued, and listens for the network coming back.
   * Called once the owner listens (`subscribe`, `onDelivered`): a delivery before that would go
   * unnoticed and the page would go on showing the change as waiting. */
  start(): void {
    window.addEventListener("online", this.flush);
    window.addEventListener("storage", this.onStorage);
    if (this.queue().length) this.schedule(0);
    this.notify();
  }

  dispose(): void {
    window.removeEventListener("online", this.flush);
    window.removeEventListener("storage", this.onStorage);
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.listeners.clear();
    this.deliveries.clear();
    this.failures.clear();
  }

  get state(): SaveState {
    if (this.queue().length) return "offline";
    return this.inFlight > 0 ? "saving" : "saved";
  }

  get pending(): number {
    return this.queue().length;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when a queued write finally went through (to refresh what it touched). */
  onDelivered(handler: Delivery): () => void {
    this.deliveries.add(handler);
    return () => this.deliveries.delete(handler);
  }

  /** Called when a queued write was refused by the server once sent (e.g. 409: merge it). */
  onFailed(handler: Failure): () => void {
    this.failures.add(handler);
    return () => this.failures.delete(handler);
  }

  /** Sends a write now, or queues it when the network is down (then resolves `{queued: true}`).
   * Errors from the server (4xx/5xx) are thrown: the caller shows them where the person acted. */
  async send<T>(write: Write): Promise<Sent<T>> {
    const entry = this.entry(write);
    if (this.queue().length) {
      // Older changes are still waiting: keep the order.
      this.enqueue(entry);
      void this.flush();
      return { queued: true };
    }
    this.inFlight += 1;
    this.notify();
    try {
      return { queued: false, value: await this.deliver<T>(entry) };
    } catch (error) {
      if (error instanceof ApiError && error.isNetwork) {
        this.enqueue(entry);
        return { queued: true };
      }
      throw error;
    } finally {
      this.inFlight -= 1;
      this.notify();
    }
  }

  /** Keeps a write in the stored queue without sending it now: for a page that is going away with
   * changes still on their way (the next page, or this one when it stays, sends it). */
  keep(write: Write): void {
    this.enqueue(this.entry(write));
  }

  private entry(write: Write): Queued {
    return {
      ...write,
      id: newIdempotencyKey(),
      idempotencyKey: write.create ? newIdempotencyKey() : undefined,
      queuedAt: Date.now(),
    };
  }

  /** Sends what is queued, oldest first; stops at the first network failure. */
  flush = async (): Promise<void> => {
    if (this.flushing || !this.queue().length) return;
    this.flushing = true;
    try {
      if ("locks" in navigator) await navigator.locks.request(`${this.storageKey}:flush`, () => this.drain());
      else await this.drain();
    } finally {
      this.flushing = false;
      this.notify();
      if (this.queue().length) this.schedule(RETRY_MS);
    }
  };

  private async drain(): Promise<void> {
    for (;;) {
      const entry = this.queue()[0];
      if (!entry) return;
      this.inFlight += 1;
      this.notify();
      try {
        const result = await this.deliver<unknown>(entry);
        this.remove(entry.id);
        this.deliveries.forEach((handler) => handler(entry, result));
      } catch (error) {
        if (error instanceof ApiError && error.isNetwork) return;
        this.remove(entry.id);
        const failure = error instanceof ApiError ? error : new ApiError(0, "unexpected", String(error));
        this.failures.forEach((handler) => handler(entry, failure));
      } finally {
        this.inFlight -= 1;
        this.notify();
      }
    }
  }

  private deliver<T>(entry: Queued): Promise<T> {
    return this.api.request<T>(entry.method, entry.path, { body: entry.body, idempotencyKey: entry.idempotencyKey });
  }

  // --- the stored queue -------------------------------------------------------------------------

  queue(): Queued[] {
    if (this.memory) return this.memory;
    try {
      const stored = JSON.parse(localStorage.getItem(this.storageKey) ?? "[]") as unknown;
      return Array.isArray(stored) ? (stored as Queued[]) : [];
    } catch {
      return [];
    }
  }

  private save(queue: Queued[]): void {
    try {
      if (queue.length) localStorage.setItem(this.storageKey, JSON.stringify(queue));
      else localStorage.removeItem(this.storageKey);
      this.memory = null;
    } catch {
      // Storage full or blocked: keep the queue in this page's memory instead.
      this.memory = queue;
    }
  }

  private enqueue(entry: Queued): void {
    const replaced = (queued: Queued) => Boolean(entry.coalesce) && queued.coalesce === entry.coalesce;
    const current = this.queue();
    const older = current.filter(replaced);
    const { merge, ...stored } = entry;
    if (merge && older.length) stored.body = merge(older.map((queued) => queued.body), entry.body);
    const queue = current.filter((queued) => !replaced(queued));
    queue.push(stored);
    this.save(queue);
    this.notify();
    this.schedule(RETRY_MS);
  }

  private remove(id: string): void {
    this.save(this.queue().filter((queued) => queued.id !== id));
  }

  private schedule(ms: number): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private onStorage = (event: StorageEvent): void => {
    if (event.key === this.storageKey) this.notify();
  };

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}
