/**
 * One sequence counter per proctoring session, shared by frames and events (proctoring API, "Monitoring uploads").
 *
 * The counter starts at the highest of: the server's `monitoring.nextSequence`, the value this browser persisted
 * the last time (a quiz page that reloads must not reuse numbers still waiting in the offline queue), and one past
 * the highest number already queued. A reused number would be answered 409 `sequence_replayed` and silently lost.
 */
export class SequenceCounter {
  /**
   * @param {object} options
   * @param {number} [options.start] the server's monitoring.nextSequence
   * @param {number} [options.persisted] the next number this browser kept from an earlier page
   * @param {number} [options.highestQueued] the highest number waiting in the persistent queue
   * @param {(next: number) => void} [options.persist] called with the next free number after every allocation
   */
  constructor({ start = 1, persisted = 0, highestQueued = 0, persist = () => {} } = {}) {
    this.nextValue = Math.max(1, whole(start), whole(persisted), whole(highestQueued) + 1);
    this.persist = persist;
    this.persist(this.nextValue);
  }

  /** The next sequence number; never returns the same number twice. */
  next() {
    const value = this.nextValue;
    this.nextValue += 1;
    this.persist(this.nextValue);
    return value;
  }

  /** The number next() will return, without using it. */
  peek() {
    return this.nextValue;
  }
}

function whole(value) {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
