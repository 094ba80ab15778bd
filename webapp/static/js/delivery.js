/**
 * Delivery of monitoring items (frames and events) to Invigil, at least once, through a persistent queue
 * (proctoring API, "Monitoring uploads").
 *
 * - Every item is stored before it is sent, and removed only once the server has it: a 2xx, or a 409
 *   `sequence_replayed` (the server already had that number, so it was delivered).
 * - While the browser is offline, or after a network error, any 5xx, a 404 or a 408/425/429, items stay queued and
 *   are resent with exponential backoff (1 s doubling to 60 s, ±20 % jitter), or after the answer's Retry-After.
 *   These are the answers of a server that is starting or restarting: until Invigil is deployed, its server
 *   answers 404 (a page, not Invigil's problem+json) for every address, then Invigil answers 503 with Retry-After
 *   until its database and face models are ready. A 404 that is Invigil's own problem+json (it names a `code`,
 *   e.g. `session_unknown`) is definitive and drops the item like any other 4xx.
 * - Any other 4xx drops the item with a visible warning: resending the same bytes could never succeed.
 *   401 is the exception: the token has expired, items stay stored (a new page with a fresh token for the same
 *   session sends them) and sending stops.
 * - Events go first, in batches of at most 100, and are never dropped for space. Frames are kept up to a bound
 *   (the latest 20 by default): when a new frame would exceed it the oldest frame is dropped, so memory and
 *   storage stay bounded however long the student is offline.
 *
 * This module does no I/O of its own: the store, the sender, the clock and the timers are injected, so that it runs
 * under Node's test runner as it runs in the browser.
 */
import { backoffDelay, parseRetryAfter } from './backoff.js';

export const MAX_EVENTS_PER_BATCH = 100;
export const MAX_BUFFERED_FRAMES = 20;
/** Events are held this long before a batch is sent, so that a burst (copy, blur, hidden…) travels together. */
export const EVENT_DEBOUNCE_MS = 300;
/**
 * 4xx answers after which the same request may succeed later: 404 (the server is up but Invigil is not deployed
 * yet, as during a restart), 408 (timeout), 425 (too early), 429 (too many requests).
 */
export const RETRYABLE_CLIENT_ERRORS = new Set([404, 408, 425, 429]);

/** Events sorted by sequence, cut in batches of at most `max`. */
export function batchEvents(events, max = MAX_EVENTS_PER_BATCH) {
  const sorted = [...events].sort((a, b) => a.sequence - b.sequence);
  const batches = [];
  for (let i = 0; i < sorted.length; i += max) {
    batches.push(sorted.slice(i, i + max));
  }
  return batches;
}

/**
 * What to do with the items of one request, from the server's answer.
 *
 * @param {'frame'|'event'} kind
 * @param {number[]} sequences the items' sequence numbers
 * @param {object|null} outcome `{networkError: true}` or `{status, code, detail, retryAfter, body}`
 * @param {number} [nowMs]
 * @returns {{delivered: number[], keep: number[], drop: number[], retryAfterMs: number|null,
 *            halt: string|null, warning: string|null}}
 */
export function classifyOutcome(kind, sequences, outcome, nowMs = Date.now()) {
  const all = [...sequences];
  const verdict = { delivered: [], keep: [], drop: [], retryAfterMs: null, halt: null, warning: null };
  if (!outcome || outcome.networkError || typeof outcome.status !== 'number') {
    verdict.keep = all;
    return verdict;
  }
  const { status } = outcome;
  if (status >= 200 && status < 300) {
    const body = outcome.body;
    if (kind === 'event' && body && (Array.isArray(body.accepted) || Array.isArray(body.duplicates))) {
      const known = new Set([...(body.accepted || []), ...(body.duplicates || [])].map(Number));
      for (const sequence of all) {
        (known.has(sequence) ? verdict.delivered : verdict.keep).push(sequence);
      }
    } else {
      verdict.delivered = all;
    }
    return verdict;
  }
  if (status === 409) {
    if (!outcome.code || outcome.code === 'sequence_replayed') {
      verdict.delivered = all;
    } else {
      verdict.drop = all;
      verdict.halt = 'not-monitoring';
      verdict.warning = outcome.detail || 'Monitoring is not running for this exam any more.';
    }
    return verdict;
  }
  if (status === 401) {
    verdict.keep = all;
    verdict.halt = 'unauthorized';
    verdict.warning = outcome.detail || 'Your session has expired. Open the exam again from your course page.';
    return verdict;
  }
  const definitive404 = status === 404 && Boolean(outcome.code); // Invigil's own answer, e.g. session_unknown
  if (status >= 500 || (RETRYABLE_CLIENT_ERRORS.has(status) && !definitive404) || status < 400) {
    verdict.keep = all;
    verdict.retryAfterMs = parseRetryAfter(outcome.retryAfter, nowMs);
    return verdict;
  }
  verdict.drop = all;
  if (status === 403) {
    verdict.halt = 'forbidden';
  }
  verdict.warning = `Invigil refused ${kind === 'frame' ? 'a camera image' : 'some events'} (${status})`
      + (outcome.detail ? `: ${outcome.detail}` : '.');
  return verdict;
}

/**
 * The persistent upload queue of one proctoring session.
 *
 * `store` has `all() → items`, `put(item)`, `remove(sequences)` (all may return promises).
 * `send(kind, items)` resolves to `{status, code, detail, retryAfter, body, bytes}` or rejects on a network error.
 * An event item is `{kind: 'event', sequence, type, at, data}`; a frame `{kind: 'frame', sequence, capturedAt,
 * bytes: Uint8Array}`.
 */
export class DeliveryQueue {
  constructor({
    store, send, maxFrames = MAX_BUFFERED_FRAMES, maxBatch = MAX_EVENTS_PER_BATCH, eventDebounceMs = EVENT_DEBOUNCE_MS,
    now = () => Date.now(), random = Math.random, setTimer = (fn, ms) => setTimeout(fn, ms),
    clearTimer = (id) => clearTimeout(id), isOnline = () => true, onChange = () => {}, onWarning = () => {},
  }) {
    Object.assign(this, { store, send, maxFrames, maxBatch, eventDebounceMs, now, random, setTimer, clearTimer,
      isOnline, onChange, onWarning });
    this.items = new Map();
    this.failures = 0;
    this.retryTimer = null;
    this.debounceTimer = null;
    this.nextRetryAt = null;
    this.running = null;
    this.again = false;
    this.halted = null;
    this.counts = { delivered: 0, dropped: 0, framesEvicted: 0, sentBytes: 0, requests: 0 };
    this.lastDeliveredAt = null;
    this.state = 'idle';
  }

  /** Takes back the items an earlier page left in the store. */
  async load() {
    const stored = (await safe(() => this.store.all())) || [];
    for (const item of stored) {
      if (item && Number.isFinite(item.sequence)) {
        this.items.set(item.sequence, item);
      }
    }
    await this.enforceFrameBound();
    return this.items.size;
  }

  get length() {
    return this.items.size;
  }

  highestSequence() {
    let highest = 0;
    for (const sequence of this.items.keys()) {
      highest = Math.max(highest, sequence);
    }
    return highest;
  }

  /** Stores an item and schedules its delivery. */
  async add(item) {
    this.items.set(item.sequence, item);
    await safe(() => this.store.put(item));
    await this.enforceFrameBound();
    this.changed();
    this.kick(item.kind === 'event' ? this.eventDebounceMs : 0);
  }

  /** Tries to send soon, unless a backoff wait is in force. */
  kick(delayMs = 0) {
    if (this.retryTimer !== null || this.halted) {
      return;
    }
    if (delayMs <= 0) {
      this.flush();
      return;
    }
    if (this.debounceTimer === null) {
      this.debounceTimer = this.setTimer(() => {
        this.debounceTimer = null;
        this.flush();
      }, delayMs);
    }
  }

  /** The browser is back online: retry at once, with the backoff reset. */
  online() {
    this.failures = 0;
    this.cancelRetry();
    this.flush();
  }

  /** Sends everything now, ignoring any backoff wait; resolves when the queue is empty or a send failed. */
  flush({ force = false } = {}) {
    if (force) {
      this.cancelRetry();
    }
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop();
    return this.running;
  }

  async loop() {
    try {
      do {
        this.again = false;
        await this.drain();
      } while (this.again && !this.halted && this.retryTimer === null);
    } finally {
      this.running = null; // in the same turn as the last check: a flush() cannot slip between them
    }
  }

  stats() {
    let frames = 0;
    for (const item of this.items.values()) {
      if (item.kind === 'frame') {
        frames += 1;
      }
    }
    return {
      queued: this.items.size, queuedFrames: frames, queuedEvents: this.items.size - frames,
      delivered: this.counts.delivered, dropped: this.counts.dropped, framesEvicted: this.counts.framesEvicted,
      sentBytes: this.counts.sentBytes, requests: this.counts.requests, failures: this.failures, state: this.state,
      halted: this.halted, lastDeliveredAt: this.lastDeliveredAt, nextRetryAt: this.nextRetryAt,
    };
  }

  // --- internals ---

  nextBatch() {
    const events = [];
    let oldestFrame = null;
    for (const item of this.items.values()) {
      if (item.kind === 'event') {
        events.push(item);
      } else if (!oldestFrame || item.sequence < oldestFrame.sequence) {
        oldestFrame = item;
      }
    }
    if (events.length) {
      return { kind: 'event', items: batchEvents(events, this.maxBatch)[0] };
    }
    return oldestFrame ? { kind: 'frame', items: [oldestFrame] } : null;
  }

  async drain() {
    if (this.debounceTimer !== null) {
      this.clearTimer(this.debounceTimer);
      this.debounceTimer = null;
    }
    while (!this.halted) {
      if (!this.isOnline()) {
        this.setState('offline');
        return;
      }
      const batch = this.nextBatch();
      if (!batch) {
        this.setState('idle');
        return;
      }
      this.setState('sending');
      let outcome;
      try {
        outcome = await this.send(batch.kind, batch.items);
        this.counts.requests += 1;
        this.counts.sentBytes += (outcome && outcome.bytes) || 0;
      } catch (error) {
        outcome = { networkError: true, error };
      }
      const verdict = classifyOutcome(batch.kind, batch.items.map((item) => item.sequence), outcome, this.now());
      await this.removeAll(verdict.delivered);
      this.counts.delivered += verdict.delivered.length;
      if (verdict.delivered.length) {
        this.lastDeliveredAt = this.now();
      }
      if (verdict.drop.length) {
        await this.removeAll(verdict.drop);
        this.counts.dropped += verdict.drop.length;
      }
      if (verdict.warning) {
        this.onWarning(verdict.warning, { status: outcome.status, code: outcome.code, halt: verdict.halt });
      }
      if (verdict.halt) {
        this.halted = verdict.halt;
        this.setState('halted');
        return;
      }
      if (verdict.keep.length) {
        this.failures += 1;
        const delay = verdict.retryAfterMs ?? backoffDelay(this.failures, this.random);
        this.scheduleRetry(delay);
        this.setState(outcome.networkError && !this.isOnline() ? 'offline' : 'retrying');
        return;
      }
      this.failures = 0;
      this.changed();
    }
  }

  scheduleRetry(delayMs) {
    this.cancelRetry();
    this.nextRetryAt = this.now() + delayMs;
    this.retryTimer = this.setTimer(() => {
      this.retryTimer = null;
      this.nextRetryAt = null;
      this.flush();
    }, delayMs);
  }

  cancelRetry() {
    if (this.retryTimer !== null) {
      this.clearTimer(this.retryTimer);
    }
    this.retryTimer = null;
    this.nextRetryAt = null;
  }

  async enforceFrameBound() {
    const frames = [...this.items.values()].filter((item) => item.kind === 'frame')
        .sort((a, b) => a.sequence - b.sequence);
    const excess = frames.length - this.maxFrames;
    if (excess > 0) {
      const evicted = frames.slice(0, excess).map((item) => item.sequence);
      this.counts.framesEvicted += evicted.length;
      await this.removeAll(evicted);
    }
  }

  async removeAll(sequences) {
    if (!sequences.length) {
      return;
    }
    for (const sequence of sequences) {
      this.items.delete(sequence);
    }
    await safe(() => this.store.remove(sequences));
  }

  setState(state) {
    if (this.state !== state) {
      this.state = state;
    }
    this.changed();
  }

  changed() {
    try {
      this.onChange(this.stats());
    } catch {
      // a broken status display never stops delivery
    }
  }
}

async function safe(action) {
  try {
    return await action();
  } catch {
    return undefined;
  }
}
