/**
 * Sound classification for the monitor. Audio is never uploaded: the monitor reads levels and a spectrum from a Web
 * Audio AnalyserNode every ~100 ms and reports only `audio-voice` / `audio-noise` events with a duration and a level.
 *
 * The heuristic, tick by tick (one tick = one analyser reading):
 * 1. Level: the RMS of the time-domain signal on a dBFS scale, mapped linearly from −60 dBFS (0) to 0 dBFS (1).
 *    Below `quietLevel` (0.35, about −39 dBFS) the tick is silence.
 * 2. Voice band ratio: the share of spectral power between 300 and 3400 Hz (the telephone voice band) out of the
 *    power between 80 and 8000 Hz.
 * 3. Spectral flatness in 80–8000 Hz: the geometric over the arithmetic mean of the power, near 1 for broadband
 *    noise (a fan, rain, hiss), low for the harmonic peaks of speech.
 * 4. A tick is *voice* when the ratio is at least 0.6 and the flatness at most 0.35; otherwise it is *noise* if the
 *    level reaches `noiseLevel` (0.45, about −33 dBFS), else silence.
 * 5. Ticks are joined into a segment while sound continues, bridging pauses of up to 600 ms (speech pauses between
 *    words). A segment closes after a longer pause (or after 30 s, and a new one starts). It is reported only when it
 *    lasted at least 2 s, as voice when at least 60 % of its sounding ticks were voice, else as noise, with its mean
 *    level. A dog's bark or a dropped pot (well under 2 s) is never reported.
 *
 * The microphone is opened with echo cancellation, noise suppression and automatic gain control off, so that the
 * levels are those of the room.
 */
export const VOICE_BAND_HZ = [300, 3400];
export const ANALYSIS_BAND_HZ = [80, 8000];
export const AUDIO_DEFAULTS = Object.freeze({
  quietLevel: 0.35,
  noiseLevel: 0.45,
  voiceRatio: 0.6,
  maxVoiceFlatness: 0.35,
  bridgeMs: 600,
  minDurationMs: 2000,
  maxSegmentMs: 30000,
  voiceShare: 0.6,
});

/** RMS of time-domain samples in [−1, 1] as a 0–1 level (−60 dBFS → 0, 0 dBFS → 1). */
export function levelFromSamples(samples) {
  if (!samples || !samples.length) {
    return 0;
  }
  let sum = 0;
  for (let i = 0; i < samples.length; i += 1) {
    sum += samples[i] * samples[i];
  }
  return levelFromRms(Math.sqrt(sum / samples.length));
}

export function levelFromRms(rms) {
  if (!(rms > 0)) {
    return 0;
  }
  const dbfs = 20 * Math.log10(rms);
  return Math.max(0, Math.min(1, (dbfs + 60) / 60));
}

/**
 * Voice band ratio and spectral flatness of one spectrum in decibels (AnalyserNode.getFloatFrequencyData: bin i is
 * centred on i × sampleRate / fftSize).
 */
export function spectrumFeatures(decibels, sampleRate, fftSize = decibels.length * 2) {
  const binHz = sampleRate / fftSize;
  let total = 0;
  let voice = 0;
  let logSum = 0;
  let bins = 0;
  for (let i = 0; i < decibels.length; i += 1) {
    const hz = i * binHz;
    if (hz < ANALYSIS_BAND_HZ[0] || hz > ANALYSIS_BAND_HZ[1]) {
      continue;
    }
    const db = Number.isFinite(decibels[i]) ? decibels[i] : -160;
    const power = 10 ** (db / 10) + 1e-20;
    total += power;
    logSum += Math.log(power);
    bins += 1;
    if (hz >= VOICE_BAND_HZ[0] && hz <= VOICE_BAND_HZ[1]) {
      voice += power;
    }
  }
  if (!bins || total <= 0) {
    return { voiceRatio: 0, flatness: 1 };
  }
  const flatness = Math.exp(logSum / bins) / (total / bins);
  return { voiceRatio: voice / total, flatness: Math.max(0, Math.min(1, flatness)) };
}

/** 'silence' | 'voice' | 'noise' for one tick. */
export function classifyTick({ level, voiceRatio, flatness }, options = AUDIO_DEFAULTS) {
  const o = { ...AUDIO_DEFAULTS, ...options };
  if (level < o.quietLevel) {
    return 'silence';
  }
  if (voiceRatio >= o.voiceRatio && flatness <= o.maxVoiceFlatness) {
    return 'voice';
  }
  return level >= o.noiseLevel ? 'noise' : 'silence';
}

/**
 * Joins ticks into sustained sound segments and reports those of at least `minDurationMs`.
 * `push(kind, level, atMs)` and `flush(atMs)` return an event `{type, durationMs, level}` when a segment closes
 * and deserves reporting, else null.
 */
export class SoundSegmenter {
  constructor(options = {}) {
    this.o = { ...AUDIO_DEFAULTS, ...options };
    this.segment = null;
  }

  push(kind, level, atMs) {
    let closed = null;
    if (this.segment && (atMs - this.segment.lastSoundAt > this.o.bridgeMs
        || atMs - this.segment.startedAt >= this.o.maxSegmentMs)) {
      closed = this.close();
    }
    if (kind === 'voice' || kind === 'noise') {
      if (!this.segment) {
        this.segment = { startedAt: atMs, lastSoundAt: atMs, voice: 0, noise: 0, levelSum: 0, ticks: 0, tickMs: 0 };
      }
      const s = this.segment;
      s.tickMs = s.ticks ? (atMs - s.startedAt) / s.ticks : 0;
      s.lastSoundAt = atMs;
      s[kind] += 1;
      s.levelSum += level;
      s.ticks += 1;
    }
    return closed;
  }

  /** Closes the open segment (the page is hidden or monitoring stops) when enough time passed. */
  flush(atMs) {
    if (this.segment && atMs - this.segment.lastSoundAt > this.o.bridgeMs) {
      return this.close();
    }
    return null;
  }

  close() {
    const s = this.segment;
    this.segment = null;
    if (!s) {
      return null;
    }
    const durationMs = Math.round(s.lastSoundAt - s.startedAt + s.tickMs);
    if (durationMs < this.o.minDurationMs) {
      return null;
    }
    const sounding = s.voice + s.noise;
    return {
      type: s.voice / sounding >= this.o.voiceShare ? 'audio-voice' : 'audio-noise',
      durationMs,
      level: Math.round((s.levelSum / s.ticks) * 100) / 100,
    };
  }
}
