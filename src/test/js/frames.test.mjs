import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameBudget, fitWithin, targetFrameBytes } from '../../../webapp/static/js/frames.js';

test('fits within 640×480 keeping the aspect ratio, never upscaling', () => {
  assert.deepEqual(fitWithin(1280, 720), { width: 640, height: 360 });
  assert.deepEqual(fitWithin(1920, 1080, 480, 360), { width: 480, height: 270 });
  assert.deepEqual(fitWithin(640, 480, 480, 360), { width: 480, height: 360 });
  assert.deepEqual(fitWithin(720, 1280), { width: 270, height: 480 });
  assert.deepEqual(fitWithin(320, 240), { width: 320, height: 240 });
  assert.deepEqual(fitWithin(0, 0), { width: 1, height: 1 });
});

test('per-frame target keeps frame bodies at 44 kbps for the frame interval', () => {
  assert.equal(targetFrameBytes(3), 16500);
  assert.equal(targetFrameBytes(5), 27500);
});

test('starts at 480×360, quality 0.6', () => {
  const budget = new FrameBudget();
  assert.deepEqual(budget.size(640, 480), { width: 480, height: 360 });
  assert.equal(budget.quality, 0.6);
});

test('lowers quality, then resolution, while frames are too large', () => {
  const budget = new FrameBudget({ intervalSeconds: 3 });
  for (let i = 0; i < 20; i += 1) {
    budget.record(40000);
  }
  assert.deepEqual(budget.size(640, 480), { width: 320, height: 240 });
  assert.ok(budget.quality <= 0.6);
});

test('climbs back when frames are small, up to 640×480 at 0.7', () => {
  const budget = new FrameBudget({ intervalSeconds: 3 });
  for (let i = 0; i < 30; i += 1) {
    budget.record(3000);
  }
  assert.deepEqual(budget.size(640, 480), { width: 640, height: 480 });
  assert.equal(budget.quality, 0.7);
});

test('at the defaults, adapted frames stay under 64 kbps', () => {
  // A webcam-like model: bytes grow with pixels and quality (≈ 0.11 bytes per pixel per 0.1 quality at q 0.6).
  const model = ({ width, height }, q) => Math.round(width * height * (0.05 + q * 0.12));
  const budget = new FrameBudget({ intervalSeconds: 3 });
  let total = 0;
  const frames = 200;
  for (let i = 0; i < frames; i += 1) {
    const bytes = model(budget.size(640, 480), budget.quality);
    budget.record(bytes);
    total += bytes;
  }
  const kbps = (total * 8) / (frames * 3 * 1000);
  assert.ok(kbps < 56, `frames alone ${kbps.toFixed(1)} kbps`);
});

test('refuses frames over maxFrameBytes', () => {
  const budget = new FrameBudget({ maxFrameBytes: 1000 });
  assert.equal(budget.fits(999), true);
  assert.equal(budget.fits(1001), false);
  assert.equal(budget.fits(0), false);
});
