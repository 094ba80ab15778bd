import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SoundSegmenter, classifyTick, levelFromRms, levelFromSamples, spectrumFeatures,
} from '../../../webapp/static/js/audio.js';

const SAMPLE_RATE = 48000;
const FFT = 2048;
const BIN_HZ = SAMPLE_RATE / FFT;

/** A spectrum in dB, as AnalyserNode.getFloatFrequencyData gives it, from a function of frequency. */
function spectrum(dbAt) {
  return Float32Array.from({ length: FFT / 2 }, (_, i) => dbAt(i * BIN_HZ));
}

/** Voiced speech: harmonics of a 150 Hz fundamental, strong in the voice band, on a quiet floor. */
const voice = spectrum((hz) => {
  const harmonic = Math.abs(hz / 150 - Math.round(hz / 150)) * 150 < BIN_HZ / 2 && hz >= 140;
  if (!harmonic) {
    return -100;
  }
  return hz <= 3400 ? -30 - hz / 400 : -75;
});
const whiteNoise = spectrum(() => -45);
const fanHum = spectrum((hz) => (hz < 250 ? -30 : -95));
const hiss = spectrum((hz) => (hz > 4000 ? -40 : -90));

test('level maps RMS from −60 dBFS (0) to 0 dBFS (1)', () => {
  assert.equal(levelFromRms(0), 0);
  assert.equal(levelFromRms(0.001), 0);
  assert.equal(levelFromRms(1), 1);
  assert.ok(Math.abs(levelFromRms(0.1) - 2 / 3) < 1e-9);
  const sine = Float32Array.from({ length: 2048 }, (_, i) => 0.5 * Math.sin(i / 5));
  assert.ok(Math.abs(levelFromSamples(sine) - levelFromRms(0.5 / Math.SQRT2)) < 0.01);
});

test('speech has its power in the voice band and a peaky spectrum', () => {
  const f = spectrumFeatures(voice, SAMPLE_RATE, FFT);
  assert.ok(f.voiceRatio > 0.8, `ratio ${f.voiceRatio}`);
  assert.ok(f.flatness < 0.1, `flatness ${f.flatness}`);
  assert.equal(classifyTick({ level: 0.6, ...f }), 'voice');
});

test('broadband noise is flat and classified as noise when loud', () => {
  const f = spectrumFeatures(whiteNoise, SAMPLE_RATE, FFT);
  assert.ok(f.flatness > 0.9, `flatness ${f.flatness}`);
  assert.ok(f.voiceRatio < 0.5);
  assert.equal(classifyTick({ level: 0.6, ...f }), 'noise');
  assert.equal(classifyTick({ level: 0.4, ...f }), 'silence', 'quiet noise is not reported');
});

test('a low hum and a high hiss are noise, never voice', () => {
  for (const s of [fanHum, hiss]) {
    const f = spectrumFeatures(s, SAMPLE_RATE, FFT);
    assert.ok(f.voiceRatio < 0.6);
    assert.equal(classifyTick({ level: 0.7, ...f }), 'noise');
  }
});

test('quiet rooms are silence whatever the spectrum', () => {
  assert.equal(classifyTick({ level: 0.2, ...spectrumFeatures(voice, SAMPLE_RATE, FFT) }), 'silence');
});

/** Feeds ticks every 100 ms: [[kind, ms], …] and returns the events. */
function run(pattern, level = 0.6) {
  const segmenter = new SoundSegmenter();
  const events = [];
  let t = 0;
  for (const [kind, duration] of pattern) {
    for (let elapsed = 0; elapsed < duration; elapsed += 100) {
      const event = segmenter.push(kind, level, t);
      if (event) {
        events.push(event);
      }
      t += 100;
    }
  }
  const last = segmenter.flush(t + 1000);
  return last ? [...events, last] : events;
}

test('sustained speech of 2.5 s becomes one audio-voice event', () => {
  const events = run([['silence', 500], ['voice', 2500], ['silence', 1000]]);
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'audio-voice');
  assert.ok(events[0].durationMs >= 2400 && events[0].durationMs <= 2600, String(events[0].durationMs));
  assert.equal(events[0].level, 0.6);
});

test('a short bark or a dropped pot (under 2 s) is never reported', () => {
  assert.deepEqual(run([['noise', 800], ['silence', 2000], ['noise', 1500], ['silence', 1000]]), []);
});

test('pauses between words up to 600 ms are bridged', () => {
  const events = run([['voice', 900], ['silence', 400], ['voice', 900], ['silence', 500], ['voice', 600], ['silence', 1000]]);
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'audio-voice');
  assert.ok(events[0].durationMs >= 3200);
});

test('sustained broadband sound is audio-noise; mixed sound is voice only with 60 % voice ticks', () => {
  assert.equal(run([['noise', 3000], ['silence', 1000]])[0].type, 'audio-noise');
  assert.equal(run([['voice', 1000], ['noise', 1500], ['silence', 1000]])[0].type, 'audio-noise');
  assert.equal(run([['voice', 2000], ['noise', 1000], ['silence', 1000]])[0].type, 'audio-voice');
});

test('endless sound is reported in segments of at most 30 s', () => {
  const events = run([['noise', 65000], ['silence', 1000]]);
  assert.equal(events.length, 3);
  assert.ok(events.every((e) => e.durationMs <= 30000));
});
