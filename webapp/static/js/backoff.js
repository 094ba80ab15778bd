/**
 * Retry timing for uploads (proctoring API, "Monitoring uploads"): exponential backoff from 1 s doubling to 60 s,
 * with ±20 % jitter so that a class of students coming back online together does not retry in lock step.
 */
export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 60000;
export const BACKOFF_JITTER = 0.2;
/** The longest wait a Retry-After header may impose. */
export const RETRY_AFTER_MAX_MS = 10 * 60 * 1000;

/**
 * How long to wait after the given number of consecutive failures (1 = the first failure).
 * The result lies in [base × 0.8, base × 1.2] with base = min(60 s, 1 s × 2^(failures − 1)), and never exceeds 60 s.
 *
 * @param {number} failures consecutive failures so far, at least 1
 * @param {() => number} [random] a source in [0, 1)
 */
export function backoffDelay(failures, random = Math.random) {
  const exponent = Math.max(0, Math.min(30, Math.floor(failures) - 1));
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** exponent);
  const factor = 1 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * clampUnit(random());
  return Math.round(Math.min(BACKOFF_MAX_MS, base * factor));
}

/**
 * A Retry-After header value (delta seconds or an HTTP date) as milliseconds from now, or null when absent or
 * unreadable. Bounded to [0, 10 min].
 */
export function parseRetryAfter(value, nowMs = Date.now()) {
  if (value === null || value === undefined) {
    return null;
  }
  const text = String(value).trim();
  if (text === '') {
    return null;
  }
  let ms;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) {
      return null;
    }
    ms = at - nowMs;
  }
  return Math.max(0, Math.min(RETRY_AFTER_MAX_MS, ms));
}

function clampUnit(x) {
  const n = Number(x);
  if (!Number.isFinite(n) || n < 0) {
    return 0;
  }
  return n >= 1 ? 0.999999 : n;
}
