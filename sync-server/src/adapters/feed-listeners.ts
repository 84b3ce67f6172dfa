import type { Logger } from '../log.ts';
import type { FeedEvent, FeedListener } from '../ports/change-log.ts';

/** One `subscribe` call: the same function subscribed twice is two entries, removed one by one. */
interface Registration {
  readonly listener: FeedListener;
}

/**
 * The listeners of one ChangeLog instance, by user. Delivery never throws: a listener that
 * throws is logged and the others still get the event (one broken socket must not silence the
 * user's other devices).
 */
export class FeedListeners {
  private readonly byUser = new Map<string, Set<Registration>>();

  constructor(
    private readonly log: Logger,
    private readonly label: string,
  ) {}

  /** Returns a function that removes this registration (idempotent). */
  add(user: string, listener: FeedListener): () => void {
    const registration: Registration = { listener };
    let registrations = this.byUser.get(user);
    if (registrations === undefined) {
      registrations = new Set();
      this.byUser.set(user, registrations);
    }
    registrations.add(registration);
    return () => {
      const current = this.byUser.get(user);
      if (current?.delete(registration) === true && current.size === 0) this.byUser.delete(user);
    };
  }

  has(user: string): boolean {
    return this.byUser.has(user);
  }

  users(): string[] {
    return [...this.byUser.keys()];
  }

  deliver(user: string, event: FeedEvent): void {
    // A copy: a listener may unsubscribe (or subscribe another) while being called.
    for (const { listener } of [...(this.byUser.get(user) ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        this.log.error(`${this.label}: a feed listener threw on ${event.type}: ${String(error)}`);
      }
    }
  }

  deliverToAll(event: FeedEvent): void {
    for (const user of this.users()) this.deliver(user, event);
  }

  clear(): void {
    this.byUser.clear();
  }
}
