/**
 * The monitor's clock (issue 10, item 4). Browsers throttle the timers of a hidden or background window (Chromium:
 * at most one wake-up a second, one a minute after five hidden minutes), which would stretch the monitor's picture
 * cadence in a companion window the student has put behind the quiz. A dedicated Worker's timers are not throttled
 * that way, so the monitor ticks from a Worker (static/js/tick-worker.js) and keeps its cadence when hidden. When a
 * tick still comes late (the computer slept, the browser froze the page), the monitor reports the gap as its own,
 * a `monitoring-gap` event, which the server records as a gap in monitoring and never as the student's behaviour.
 */

/** A tick later than this many intervals after the previous one is a gap. */
export const GAP_FACTOR = 2.5;

/** Notices gaps between the ticks of a timer that should fire every intervalMs. */
export class Cadence {
  constructor({ intervalMs, gapFactor = GAP_FACTOR, now = Date.now() }) {
    if (!(intervalMs > 0)) {
      throw new RangeError('A cadence needs a positive interval.');
    }
    this.intervalMs = intervalMs;
    this.gapFactor = gapFactor;
    this.last = now;
  }

  /**
   * Notes a tick at `now`. Returns the gap since the previous tick, `{from, to, seconds}` (ms times, whole
   * seconds), when it lasted longer than gapFactor intervals; else null.
   */
  tick(now = Date.now()) {
    const from = this.last;
    this.last = Math.max(this.last, now);
    const elapsed = now - from;
    if (elapsed <= this.gapFactor * this.intervalMs) {
      return null;
    }
    return { from, to: now, seconds: Math.round(elapsed / 1000) };
  }
}

/**
 * The `monitoring-gap` event for a gap: its time is the gap's start, its data says how long and why (`hidden`
 * when the monitor's window was hidden at the end of the gap, else `late`).
 */
export function gapEvent(gap, hidden) {
  return {
    type: 'monitoring-gap',
    at: new Date(gap.from),
    data: { seconds: gap.seconds, until: new Date(gap.to).toISOString(), reason: hidden ? 'hidden' : 'late' },
  };
}

/**
 * Calls onTick every intervalMs from a dedicated Worker (unthrottled in a hidden window); where no Worker can be
 * made, from setInterval. Returns a function that stops it. `workerUrl` is the tick worker's URL.
 */
export function startTicker(intervalMs, onTick, { workerUrl, WorkerClass = globalThis.Worker } = {}) {
  if (WorkerClass && workerUrl) {
    try {
      const worker = new WorkerClass(workerUrl);
      worker.onmessage = () => onTick();
      worker.postMessage({ intervalMs });
      return () => worker.terminate();
    } catch {
      // no worker here: fall back to the page's own timer
    }
  }
  const id = setInterval(onTick, intervalMs);
  return () => clearInterval(id);
}
