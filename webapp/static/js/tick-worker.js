/**
 * The monitor's unthrottled timer (see cadence.js): posts a message every `intervalMs` it is told. A dedicated
 * worker's timers keep their pace when the monitor's window is hidden.
 */
let timer = null;
self.onmessage = (event) => {
  const intervalMs = Number(event.data && event.data.intervalMs);
  if (timer !== null) {
    clearInterval(timer);
  }
  if (intervalMs > 0) {
    timer = setInterval(() => self.postMessage(Date.now()), intervalMs);
  }
};
