import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, parseRetryAfter } from '../../../webapp/static/js/backoff.js';

test('doubles from 1 s to a 60 s ceiling', () => {
  const middle = () => 0.5;
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => backoffDelay(n, middle)),
      [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
});

test('jitter stays within ±20 % and never exceeds 60 s', () => {
  for (let failures = 1; failures <= 12; failures += 1) {
    const base = Math.min(60000, 1000 * 2 ** (failures - 1));
    for (const r of [0, 0.25, 0.5, 0.75, 0.999999]) {
      const delay = backoffDelay(failures, () => r);
      assert.ok(delay >= Math.floor(base * 0.8) && delay <= Math.ceil(Math.min(60000, base * 1.2)),
          `failures ${failures} r ${r}: ${delay}`);
    }
  }
  assert.equal(backoffDelay(1, () => 0), 800);
  assert.equal(backoffDelay(1, () => 0.999999), 1200);
  assert.equal(backoffDelay(10, () => 0.999999), 60000);
});

test('random jitter spreads retries', () => {
  const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(3)));
  assert.ok(seen.size > 10);
});

test('reads Retry-After in seconds or as a date, bounded', () => {
  const now = Date.parse('2026-11-01T10:00:00Z');
  assert.equal(parseRetryAfter('5', now), 5000);
  assert.equal(parseRetryAfter('Sun, 01 Nov 2026 10:00:30 GMT', now), 30000);
  assert.equal(parseRetryAfter('Sun, 01 Nov 2026 09:00:00 GMT', now), 0);
  assert.equal(parseRetryAfter('99999', now), 600000);
  assert.equal(parseRetryAfter(null, now), null);
  assert.equal(parseRetryAfter('soon', now), null);
});
