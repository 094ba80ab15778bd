/**
 * Frame sizing for the monitor and the journey.
 *
 * Budget: the issue asks for at most 64 kbps per student at the defaults (a frame every 3 s). Webcam JPEGs at
 * 640×480 and quality 0.6 weigh 15–30 KB, i.e. 40–80 kbps at one every 3 s: too close. The monitor therefore starts
 * at 480×360, quality 0.6 (typically 9–16 KB, 25–45 kbps) and adapts: it aims for 44 kbps of frame bodies, the rest
 * of the 64 kbps is headroom for HTTP headers, event batches and heartbeats. When the moving average of frame sizes
 * exceeds the per-frame target it lowers the quality in steps of 0.05 down to 0.4, then the resolution (320×240);
 * when frames are well under target it climbs back, up to 640×480 at 0.7 for long frame intervals.
 */
export const MAX_FRAME_WIDTH = 640;
export const MAX_FRAME_HEIGHT = 480;
export const FRAME_LADDER = Object.freeze([
  Object.freeze({ width: 640, height: 480 }),
  Object.freeze({ width: 480, height: 360 }),
  Object.freeze({ width: 320, height: 240 }),
]);
export const FRAME_TARGET_KBPS = 44;
export const QUALITY_MIN = 0.4;
export const QUALITY_MAX = 0.7;
export const QUALITY_START = 0.6;
export const QUALITY_STEP = 0.05;

/** The largest size within maxWidth×maxHeight with the source's aspect ratio, never upscaled, in whole pixels. */
export function fitWithin(sourceWidth, sourceHeight, maxWidth = MAX_FRAME_WIDTH, maxHeight = MAX_FRAME_HEIGHT) {
  const w = Math.max(1, Math.floor(sourceWidth || 0));
  const h = Math.max(1, Math.floor(sourceHeight || 0));
  const scale = Math.min(1, maxWidth / w, maxHeight / h);
  return {
    width: Math.max(1, Math.min(maxWidth, Math.round(w * scale))),
    height: Math.max(1, Math.min(maxHeight, Math.round(h * scale))),
  };
}

/** Bytes per frame that keep frame bodies at targetKbps for one frame every intervalSeconds. */
export function targetFrameBytes(intervalSeconds, targetKbps = FRAME_TARGET_KBPS) {
  return Math.floor((targetKbps * 1000 / 8) * Math.max(0.5, intervalSeconds || 3));
}

/** Adaptive resolution and quality of monitor frames. */
export class FrameBudget {
  constructor({ intervalSeconds = 3, targetKbps = FRAME_TARGET_KBPS, maxFrameBytes = 2097152 } = {}) {
    this.targetBytes = Math.min(targetFrameBytes(intervalSeconds, targetKbps), maxFrameBytes);
    this.maxFrameBytes = maxFrameBytes;
    this.rung = 1;
    this.quality = QUALITY_START;
    this.average = null;
  }

  /** The size to encode the next frame at, for a source of the given size. */
  size(sourceWidth, sourceHeight) {
    const box = FRAME_LADDER[this.rung];
    return fitWithin(sourceWidth, sourceHeight, box.width, box.height);
  }

  /** Records the size of a frame just encoded and adapts the next one. */
  record(bytes) {
    this.average = this.average === null ? bytes : 0.6 * this.average + 0.4 * bytes;
    if (this.average > this.targetBytes) {
      if (this.quality > QUALITY_MIN + 1e-9) {
        this.quality = round2(Math.max(QUALITY_MIN, this.quality - QUALITY_STEP));
      } else if (this.rung < FRAME_LADDER.length - 1) {
        this.rung += 1;
        this.quality = QUALITY_START;
        this.average = null;
      }
    } else if (this.average < 0.6 * this.targetBytes) {
      if (this.quality < QUALITY_MAX - 1e-9) {
        this.quality = round2(Math.min(QUALITY_MAX, this.quality + QUALITY_STEP));
      } else if (this.rung > 0 && this.average < 0.35 * this.targetBytes) {
        this.rung -= 1;
        this.quality = QUALITY_START;
        this.average = null;
      }
    }
  }

  /** True when a frame may be sent at all (the contract's maxFrameBytes). */
  fits(bytes) {
    return bytes > 0 && bytes <= this.maxFrameBytes;
  }
}

/**
 * Encodes the current picture of a <video> as a JPEG Blob at the given size and quality.
 * Browser only (canvas); nothing runs at import time.
 */
export async function captureJpeg(video, { width, height }, quality) {
  const canvas = typeof OffscreenCanvas !== 'undefined'
    ? new OffscreenCanvas(width, height)
    : Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d');
  context.drawImage(video, 0, 0, width, height);
  if (canvas.convertToBlob) {
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The camera picture could not be encoded.'))),
        'image/jpeg', quality);
  });
}

/** A JPEG of the video within 640×480 and maxBytes, lowering the quality if needed (journey checks). */
export async function captureWithin(video, { maxBytes = 2097152, quality = 0.85 } = {}) {
  const size = fitWithin(video.videoWidth, video.videoHeight);
  let q = quality;
  let blob = await captureJpeg(video, size, q);
  while (blob.size > maxBytes && q > 0.3) {
    q -= 0.15;
    blob = await captureJpeg(video, size, q);
  }
  return blob;
}

function round2(x) {
  return Math.round(x * 100) / 100;
}
