import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeliveryQueue, batchEvents, classifyOutcome } from '../../../webapp/static/js/delivery.js';
import { MemoryStore, LocalStorageStore } from '../../../webapp/static/js/stores.js';

/** A controllable world: a clock, timers run by hand, a server scripted per call. */
function harness({ answers = [], online = true, maxFrames = 20, store = new MemoryStore(), eventDebounceMs = 0 } = {}) {
  const world = { now: 0, online, timers: [], calls: [], answers: [...answers], warnings: [] };
  const queue = new DeliveryQueue({
    store,
    maxFrames,
    eventDebounceMs,
    now: () => world.now,
    random: () => 0.5,
    setTimer: (fn, ms) => {
      const timer = { fn, at: world.now + ms, ms };
      world.timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      world.timers = world.timers.filter((t) => t !== timer);
    },
    isOnline: () => world.online,
    onWarning: (text) => world.warnings.push(text),
    send: async (kind, items) => {
      world.calls.push({ kind, sequences: items.map((i) => i.sequence) });
      const answer = world.answers.length ? world.answers.shift() : { status: kind === 'frame' ? 202 : 200 };
      if (answer === 'network') {
        throw new TypeError('Failed to fetch');
      }
      return { bytes: 10, ...answer };
    },
  });
  world.queue = queue;
  world.store = store;
  /** Runs the next due timer, advancing the clock. */
  world.tick = async () => {
    world.timers.sort((a, b) => a.at - b.at);
    const timer = world.timers.shift();
    if (!timer) {
      return null;
    }
    world.now = Math.max(world.now, timer.at);
    timer.fn();
    await queue.running;
    return timer.ms;
  };
  return world;
}

const event = (sequence, type = 'heartbeat') => ({ kind: 'event', sequence, type, at: '2026-11-01T10:00:00Z', data: {} });
const frame = (sequence) => ({ kind: 'frame', sequence, capturedAt: '2026-11-01T10:00:00Z', bytes: new Uint8Array([0xff, 0xd8, sequence]) });

test('batches events by sequence, at most 100 per call', () => {
  const events = Array.from({ length: 250 }, (_, i) => event(250 - i));
  const batches = batchEvents(events);
  assert.deepEqual(batches.map((b) => b.length), [100, 100, 50]);
  assert.equal(batches[0][0].sequence, 1);
  assert.equal(batches[2][49].sequence, 250);
});

test('classifies answers: 2xx and 409 sequence_replayed delivered, 5xx kept, other 4xx dropped', () => {
  assert.deepEqual(classifyOutcome('frame', [1], { status: 202 }).delivered, [1]);
  assert.deepEqual(classifyOutcome('frame', [1], { status: 409, code: 'sequence_replayed' }).delivered, [1]);
  assert.deepEqual(classifyOutcome('event', [1, 2], { status: 409, code: 'sequence_replayed' }).delivered, [1, 2]);
  const busy = classifyOutcome('frame', [1], { status: 503, retryAfter: '7' }, 0);
  assert.deepEqual([busy.keep, busy.retryAfterMs], [[1], 7000]);
  assert.deepEqual(classifyOutcome('frame', [1], { status: 500 }).keep, [1]);
  assert.deepEqual(classifyOutcome('frame', [1], { networkError: true }).keep, [1]);
  assert.deepEqual(classifyOutcome('frame', [1], { status: 429 }).keep, [1]);
  const tooBig = classifyOutcome('frame', [1], { status: 413, detail: 'Too large.' });
  assert.deepEqual(tooBig.drop, [1]);
  assert.match(tooBig.warning, /413.*Too large/);
  assert.deepEqual(classifyOutcome('frame', [1], { status: 415 }).drop, [1]);
  const ended = classifyOutcome('event', [1], { status: 409, code: 'session_not_monitoring' });
  assert.deepEqual([ended.drop, ended.halt], [[1], 'not-monitoring']);
  const expired = classifyOutcome('event', [1], { status: 401 });
  assert.deepEqual([expired.keep, expired.halt], [[1], 'unauthorized']);
});

test('an events answer listing only some numbers keeps the others', () => {
  const verdict = classifyOutcome('event', [1, 2, 3], { status: 200, body: { accepted: [1], duplicates: [3] } });
  assert.deepEqual([verdict.delivered, verdict.keep], [[1, 3], [2]]);
});

test('delivers frames at once and a burst of events together', async () => {
  const w = harness({ eventDebounceMs: 300 });
  await w.queue.add(frame(1));
  await w.queue.running;
  await w.queue.add(event(2));
  await w.queue.add(event(3));
  assert.equal(await w.tick(), 300);
  assert.deepEqual(w.calls.map((c) => [c.kind, c.sequences]), [['frame', [1]], ['event', [2, 3]]]);
  assert.equal(w.queue.length, 0);
  assert.equal(w.queue.stats().delivered, 3);
});

test('buffers while offline and delivers everything when back online', async () => {
  const w = harness({ online: false });
  for (let s = 1; s <= 5; s += 1) {
    await w.queue.add(s % 2 ? event(s) : frame(s));
  }
  await w.queue.flush();
  assert.equal(w.calls.length, 0);
  assert.equal(w.queue.stats().state, 'offline');
  assert.equal(w.store.all().length, 5, 'kept in the persistent store');
  w.online = true;
  w.queue.online();
  await w.queue.running;
  assert.equal(w.queue.length, 0);
  assert.deepEqual(w.calls.map((c) => c.sequences), [[1, 3, 5], [2], [4]]);
});

test('retries network errors with a doubling backoff and resets it after a success', async () => {
  const w = harness({ answers: ['network', 'network', 'network', { status: 202 }] });
  await w.queue.add(frame(1));
  await w.queue.running;
  const waits = [];
  while (w.queue.length) {
    waits.push(await w.tick());
  }
  assert.deepEqual(waits, [1000, 2000, 4000]);
  assert.equal(w.queue.stats().failures, 0);
});

test('backoff never waits more than 60 s', async () => {
  const w = harness({ answers: Array(12).fill('network') });
  await w.queue.add(frame(1));
  await w.queue.running;
  const waits = [];
  for (let i = 0; i < 11; i += 1) {
    waits.push(await w.tick());
  }
  assert.equal(Math.max(...waits), 60000);
  assert.deepEqual(waits.slice(0, 7), [1000, 2000, 4000, 8000, 16000, 32000, 60000]);
});

test('keeps a frame on 503 and waits the Retry-After', async () => {
  const w = harness({ answers: [{ status: 503, retryAfter: '9' }, { status: 202 }] });
  await w.queue.add(frame(1));
  await w.queue.running;
  assert.equal(w.queue.length, 1);
  assert.equal(await w.tick(), 9000);
  assert.equal(w.queue.length, 0);
});

test('keeps items on 5xx until delivered', async () => {
  const w = harness({ answers: [{ status: 500 }, { status: 502 }, { status: 200 }] });
  await w.queue.add(event(1));
  await w.queue.running;
  await w.tick();
  await w.tick();
  assert.equal(w.queue.length, 0);
  assert.equal(w.calls.length, 3);
});

test('409 sequence_replayed counts as delivered', async () => {
  const w = harness({ answers: [{ status: 409, code: 'sequence_replayed' }] });
  await w.queue.add(frame(4));
  await w.queue.running;
  assert.equal(w.queue.length, 0);
  assert.equal(w.warnings.length, 0);
  assert.equal(w.timers.length, 0);
});

test('drops an item refused with another 4xx and warns', async () => {
  const w = harness({ answers: [{ status: 415, detail: 'Not a JPEG.' }] });
  await w.queue.add(frame(1));
  await w.queue.add(frame(2));
  await w.queue.flush();
  assert.equal(w.queue.length, 0);
  assert.equal(w.queue.stats().dropped, 1);
  assert.equal(w.queue.stats().delivered, 1);
  assert.match(w.warnings[0], /Not a JPEG/);
});

test('keeps at most the latest frames while offline, and never drops events', async () => {
  const w = harness({ online: false, maxFrames: 20 });
  let sequence = 0;
  for (let i = 0; i < 100; i += 1) {
    await w.queue.add(frame(++sequence));
    await w.queue.add(event(++sequence));
  }
  const stats = w.queue.stats();
  assert.equal(stats.queuedFrames, 20);
  assert.equal(stats.queuedEvents, 100);
  assert.equal(stats.framesEvicted, 80);
  const frames = w.store.all().filter((i) => i.kind === 'frame').map((i) => i.sequence);
  assert.equal(frames.length, 20);
  assert.equal(Math.min(...frames), 161, 'the oldest frames go first');
  w.online = true;
  w.queue.online();
  await w.queue.running;
  assert.equal(w.calls.filter((c) => c.kind === 'event').flatMap((c) => c.sequences).length, 100);
  assert.equal(w.queue.length, 0);
});

test('sends more than 100 waiting events in several batches', async () => {
  const w = harness({ online: false });
  for (let s = 1; s <= 230; s += 1) {
    await w.queue.add(event(s));
  }
  w.online = true;
  w.queue.online();
  await w.queue.running;
  assert.deepEqual(w.calls.map((c) => c.sequences.length), [100, 100, 30]);
});

test('stops on 401 but keeps the items for a later page', async () => {
  const w = harness({ answers: [{ status: 401 }] });
  await w.queue.add(event(1));
  await w.queue.flush();
  await w.queue.add(event(2));
  await w.queue.flush();
  assert.equal(w.calls.length, 1);
  assert.equal(w.queue.stats().halted, 'unauthorized');
  assert.equal(w.store.all().length, 2);
});

test('takes back what an earlier page left in the store', async () => {
  const store = new MemoryStore();
  store.put(event(3));
  store.put(frame(4));
  const w = harness({ store });
  assert.equal(await w.queue.load(), 2);
  assert.equal(w.queue.highestSequence(), 4);
  await w.queue.flush();
  assert.equal(w.queue.length, 0);
});

test('the localStorage fallback keeps frame bytes', () => {
  const data = new Map();
  const storage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => data.set(k, v), removeItem: (k) => data.delete(k) };
  const store = new LocalStorageStore('s1', storage);
  store.put(frame(1));
  store.put(event(2));
  store.remove([2]);
  const [back] = store.all();
  assert.deepEqual([...back.bytes], [0xff, 0xd8, 1]);
  assert.equal(store.all().length, 1);
});

// --- a server that restarts (issue 9, item 4) ---

test('keeps items answered 404 by a server that has not deployed Invigil yet, and honours its Retry-After', () => {
  const page = classifyOutcome('frame', [1], { status: 404, code: undefined, body: null });
  assert.deepEqual([page.keep, page.drop, page.warning], [[1], [], null]);
  const later = classifyOutcome('event', [2, 3], { status: 404, retryAfter: '4', body: null }, 0);
  assert.deepEqual([later.keep, later.retryAfterMs], [[2, 3], 4000]);
});

test("drops an item answered 404 with Invigil's own problem code: that answer is definitive", () => {
  const unknown = classifyOutcome('frame', [1], { status: 404, code: 'session_unknown', detail: 'No such session.' });
  assert.deepEqual([unknown.drop, unknown.keep], [[1], []]);
  assert.match(unknown.warning, /404.*No such session/);
});

test('keeps items on every 5xx, whatever the body', () => {
  for (const status of [500, 501, 502, 503, 504, 507, 599]) {
    const verdict = classifyOutcome('event', [7], { status, code: 'anything', body: { code: 'anything' } });
    assert.deepEqual([status, verdict.keep, verdict.drop], [status, [7], []]);
  }
});

test('loses nothing while the server restarts: refused, 404 pages, 500, 503 starting, then accepted', async () => {
  const w = harness({
    answers: ['network', 'network', { status: 404 }, { status: 404 }, { status: 500 },
      { status: 503, code: 'starting', retryAfter: '5' }],
  });
  for (let s = 1; s <= 6; s += 1) {
    await w.queue.add(s % 3 ? frame(s) : event(s));
  }
  await w.queue.running;
  const waits = [];
  while (w.queue.length && waits.length < 20) {
    waits.push(await w.tick());
  }
  assert.equal(w.queue.length, 0);
  const stats = w.queue.stats();
  assert.deepEqual([stats.delivered, stats.dropped, stats.framesEvicted], [6, 0, 0]);
  assert.equal(w.warnings.length, 0, 'nothing to warn about');
  assert.deepEqual(waits.slice(0, 6), [1000, 2000, 4000, 8000, 16000, 5000], 'backoff, then the Retry-After');
  const delivered = new Set(w.calls.slice(6).flatMap((c) => c.sequences));
  assert.deepEqual([...delivered].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6]);
});
