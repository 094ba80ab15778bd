import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cadence, GAP_FACTOR, gapEvent, startTicker } from '../../../webapp/static/js/cadence.js';

/** Waits until the condition holds, or two seconds have passed (the assertion after it then fails). */
async function until(condition) {
  const deadline = Date.now() + 2000;
  while (!condition() && Date.now() < deadline) {
    await new Promise((resolve) => { setTimeout(resolve, 5); });
  }
}

test('ticks on time are no gap, even a little late', () => {
  const cadence = new Cadence({ intervalMs: 3000, now: 0 });
  assert.equal(cadence.tick(3000), null);
  assert.equal(cadence.tick(6100), null);
  assert.equal(cadence.tick(6100 + GAP_FACTOR * 3000), null);
});

test('a tick later than 2.5 intervals reports the gap since the previous tick', () => {
  const cadence = new Cadence({ intervalMs: 3000, now: 0 });
  cadence.tick(3000);
  assert.deepEqual(cadence.tick(63000), { from: 3000, to: 63000, seconds: 60 });
  assert.equal(cadence.tick(66000), null, 'the cadence goes on from the late tick');
});

test('a throttled hidden-window timer (one wake-up a minute) would be a gap every minute', () => {
  const cadence = new Cadence({ intervalMs: 3000, now: 0 });
  const gaps = [60000, 120000, 180000].map((t) => cadence.tick(t));
  assert.ok(gaps.every((gap) => gap && gap.seconds === 60), JSON.stringify(gaps));
});

test('a clock that goes back is no gap and does not move the cadence back', () => {
  const cadence = new Cadence({ intervalMs: 1000, now: 10000 });
  assert.equal(cadence.tick(5000), null);
  assert.equal(cadence.last, 10000);
});

test('needs a positive interval', () => {
  assert.throws(() => new Cadence({ intervalMs: 0 }), RangeError);
});

test('the gap event is the monitor\'s own: type monitoring-gap from the gap\'s start, with its length and why', () => {
  const event = gapEvent({ from: Date.UTC(2026, 0, 1, 10, 0, 0), to: Date.UTC(2026, 0, 1, 10, 1, 0), seconds: 60 }, true);
  assert.equal(event.type, 'monitoring-gap');
  assert.equal(event.at.toISOString(), '2026-01-01T10:00:00.000Z');
  assert.deepEqual(event.data, { seconds: 60, until: '2026-01-01T10:01:00.000Z', reason: 'hidden' });
  assert.equal(gapEvent({ from: 0, to: 9000, seconds: 9 }, false).data.reason, 'late');
});

test('ticks from a Worker when one can be made, and stops it', () => {
  const made = [];
  class FakeWorker {
    constructor(url) { this.url = url; this.posted = []; made.push(this); }
    postMessage(message) { this.posted.push(message); }
    terminate() { this.terminated = true; }
  }
  let ticks = 0;
  const stop = startTicker(3000, () => { ticks += 1; }, { workerUrl: 'tick-worker.js', WorkerClass: FakeWorker });
  assert.equal(made.length, 1);
  assert.deepEqual(made[0].posted, [{ intervalMs: 3000 }]);
  made[0].onmessage({ data: 1 });
  made[0].onmessage({ data: 2 });
  assert.equal(ticks, 2);
  stop();
  assert.equal(made[0].terminated, true);
});

test('falls back to setInterval when no Worker can be made', async () => {
  class BrokenWorker {
    constructor() { throw new Error('SecurityError'); }
  }
  let ticks = 0;
  const stop = startTicker(5, () => { ticks += 1; }, { workerUrl: 'tick-worker.js', WorkerClass: BrokenWorker });
  await until(() => ticks >= 2); // a loaded machine may delay a 5 ms timer well past 40 ms
  stop();
  const seen = ticks;
  assert.ok(seen >= 2, `ticks: ${seen}`);
  await new Promise((resolve) => { setTimeout(resolve, 20); });
  assert.equal(ticks, seen, 'stopped');
});

test('the tick worker posts at the interval it is told and can be re-timed', async () => {
  const { readFileSync } = await import('node:fs');
  const vm = await import('node:vm');
  const source = readFileSync(new URL('../../../webapp/static/js/tick-worker.js', import.meta.url), 'utf8');
  const posted = [];
  const self = { postMessage: (m) => posted.push(m) };
  const context = vm.createContext({ self, setInterval, clearInterval, Date, Number });
  vm.runInContext(source, context);
  self.onmessage({ data: { intervalMs: 5 } });
  await until(() => posted.length >= 2);
  assert.ok(posted.length >= 2, `posted ${posted.length}`);
  self.onmessage({ data: { intervalMs: 0 } });
  const seen = posted.length;
  await new Promise((resolve) => { setTimeout(resolve, 20); });
  assert.equal(posted.length, seen, 'an interval of 0 stops it');
});
