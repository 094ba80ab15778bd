/** Upload measurements: the monitor's average bitrate and the journey's upload-speed estimate. */

/** Kilobits per second (1 kbit = 1000 bits) for a number of bytes over milliseconds; 0 when nothing can be said. */
export function kbps(bytes, elapsedMs) {
  if (!(elapsedMs > 0) || !(bytes >= 0)) {
    return 0;
  }
  return (bytes * 8) / elapsedMs; // bits per ms = kbit per s
}

/**
 * Average upload bitrate since monitoring started: body bytes put on the wire (frames and event batches, retries
 * included; HTTP headers not counted) divided by the time elapsed.
 */
export class BitrateMeter {
  constructor(now = () => Date.now()) {
    this.now = now;
    this.startedAt = now();
    this.bytes = 0;
  }

  add(bytes) {
    this.bytes += Math.max(0, bytes || 0);
  }

  kbps() {
    return kbps(this.bytes, this.now() - this.startedAt);
  }
}
