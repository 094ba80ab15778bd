/**
 * The Invigil monitor (issue 4, items 3 and 4): embedded by the exam-page agent in the quiz pages, or opened as a
 * companion window. It sends camera frames and events with one sequence counter through a persistent queue, reads
 * the room's sound level locally (never uploaded), and shows a small, calm status.
 *
 * Staff can pause monitoring: the server's answers say so, the camera is switched off and nothing is captured until
 * it resumes (the monitor asks every few seconds).
 *
 * In a companion window the monitor's own blur, focus and visibility are not reported (they are not the student's),
 * and its timers run from a Worker so that a hidden window keeps the picture cadence; a late tick is reported as a
 * monitoring-gap event, Invigil's own gap (static/js/cadence.js).
 *
 * Test hooks: window.invigilMonitor.stats() (firstSequence..nextSequence-1 are the numbers this page gave its items)
 * and .flush(); body[data-state] is loading | waiting | monitoring |
 * paused | stopped | error.
 */
import { ProctoringApi, ApiError } from '../static/js/api.js';
import { fragmentToken } from '../static/js/token.js';
import { DeliveryQueue } from '../static/js/delivery.js';
import { SequenceCounter } from '../static/js/sequence.js';
import { openQueueStore, persistentNumber } from '../static/js/stores.js';
import { backoffDelay } from '../static/js/backoff.js';
import { kbps } from '../static/js/bitrate.js';
import { FrameBudget, captureJpeg } from '../static/js/frames.js';
import { AUDIO_CONSTRAINTS, VIDEO_CONSTRAINTS, videoReady } from '../static/js/camera.js';
import { SoundSegmenter, classifyTick, levelFromSamples, spectrumFeatures } from '../static/js/audio.js';
import { SUBJECTS, TransitionFilter, forwardedEvent, ownEventType } from '../static/js/page-events.js';
import { Cadence, gapEvent, startTicker } from '../static/js/cadence.js';

const $ = (selector) => document.querySelector(selector);
const embedded = window.parent !== window;
const ctx = {
  api: null, session: null, queue: null, counter: null, budget: null, startedAt: null, video: $('#monitor-preview'),
  stream: null, cameraState: 'off', audioState: 'off', framesCaptured: 0, frameBytes: 0, timers: [],
  filter: new TransitionFilter({
    visibility: document.visibilityState === 'hidden' ? 'hidden' : 'visible',
    focus: 'regained',
    fullscreen: document.fullscreenElement ? 'enter' : 'exit',
  }),
  audioContext: null, early: [], ready: false, multipleScreens: false, storeKind: null, checks: null,
  paused: false, pauseTimer: null, firstSequence: null, cadence: null, gaps: 0,
};

const RESUME_CHECK_MS = 5000;
const TICK_WORKER = new URL('../static/js/tick-worker.js', import.meta.url);

/** A timer that keeps its pace in a hidden window (see static/js/cadence.js); stopped with the others. */
function every(intervalMs, onTick) {
  ctx.timers.push(startTicker(intervalMs, onTick, { workerUrl: TICK_WORKER }));
}

// --- status display ---

function setState(state) {
  document.body.dataset.state = state;
}

let lastNote = '';
function note(text) {
  if (text !== lastNote) {
    lastNote = text;
    $('#monitor-note').textContent = text;
  }
}

function warn(text) {
  $('#monitor-warning').textContent = text;
}

function timeOf(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
}

function renderStats() {
  if (!ctx.queue) {
    return;
  }
  const s = stats();
  $('#monitor-upload').textContent = s.lastDeliveredAt ? `${timeOf(s.lastDeliveredAt)}, ${Math.round(s.kbps)} kbps`
    : 'nothing yet';
  const waiting = s.queueLength ? ` (${s.queueLength} waiting)` : '';
  let connection;
  if (s.halted) {
    connection = 'stopped';
  } else if (!s.online || s.state === 'offline') {
    connection = `offline, saving${waiting}`;
  } else if (s.state === 'retrying') {
    const seconds = s.nextRetryAt ? Math.max(1, Math.round((s.nextRetryAt - Date.now()) / 1000)) : 1;
    connection = `retrying in ${seconds} s${waiting}`;
  } else {
    connection = `online${waiting}`;
  }
  $('#monitor-connection').textContent = connection;
  if (ctx.paused) {
    return;
  }
  if (!s.online || s.state === 'offline') {
    note('Offline: nothing is lost, it is sent when you are back.');
  } else if (s.state === 'retrying') {
    note('Invigil is hard to reach; retrying. Go on with your exam.');
  } else if (ctx.cameraState === 'on' || !usesCamera()) {
    note('Monitoring is on.');
  }
}

// --- stats for tests and the report ---

function stats() {
  const q = ctx.queue ? ctx.queue.stats() : {};
  const elapsed = ctx.startedAt ? Date.now() - ctx.startedAt : 0;
  return {
    sentBytes: q.sentBytes || 0,
    itemsSent: q.delivered || 0,
    queueLength: q.queued || 0,
    queuedFrames: q.queuedFrames || 0,
    queuedEvents: q.queuedEvents || 0,
    kbps: kbps(q.sentBytes || 0, elapsed),
    elapsedMs: elapsed,
    framesCaptured: ctx.framesCaptured,
    averageFrameBytes: ctx.framesCaptured ? Math.round(ctx.frameBytes / ctx.framesCaptured) : 0,
    framesEvicted: q.framesEvicted || 0,
    dropped: q.dropped || 0,
    requests: q.requests || 0,
    state: q.state || document.body.dataset.state,
    halted: q.halted || null,
    lastDeliveredAt: q.lastDeliveredAt || null,
    nextRetryAt: q.nextRetryAt || null,
    online: navigator.onLine !== false,
    camera: ctx.cameraState,
    paused: ctx.paused,
    audio: ctx.audioState,
    mode: embedded ? 'embedded' : 'window',
    store: ctx.storeKind,
    nextSequence: ctx.counter ? ctx.counter.peek() : null,
    firstSequence: ctx.firstSequence,
    gaps: ctx.gaps,
    encoding: ctx.budget ? { ...ctx.budget.size(ctx.video.videoWidth || 640, ctx.video.videoHeight || 480),
      quality: ctx.budget.quality } : null,
  };
}

window.invigilMonitor = Object.freeze({
  stats,
  /** Sends everything queued now, ignoring any backoff wait; resolves to stats(). */
  async flush() {
    if (ctx.queue) {
      await ctx.queue.flush({ force: true });
    }
    return stats();
  },
});

// --- events ---

function usesCheck(name) {
  return !ctx.checks || ctx.checks.includes(name);
}

function usesCamera() {
  return usesCheck('camera');
}

function emit(type, data = {}, at = new Date()) {
  if (ctx.paused && type !== 'heartbeat') {
    return; // nothing is noted while monitoring is paused
  }
  if (!ctx.ready) {
    ctx.early.push([type, data, at]);
    return;
  }
  ctx.queue.add({ kind: 'event', sequence: ctx.counter.next(), type, at: at.toISOString(), data });
}

function pageEvent(type, at = new Date()) {
  if (type && usesCheck('browser') && ctx.filter.accept(type)) {
    emit(type, {}, at);
  }
}

function onOwnEvent(event) {
  // The monitor's own focus, and a companion window's own visibility, are not the student's (page-events.js).
  pageEvent(ownEventType(event.type, document, { embedded }));
}

window.addEventListener('message', (event) => {
  if (!embedded || event.source !== window.parent) {
    return;
  }
  const forwarded = forwardedEvent(event.data);
  if (forwarded && forwarded.type === 'quiz-page') {
    reportQuizPage(forwarded.page, forwarded.at);
  } else if (forwarded) {
    pageEvent(forwarded.type, new Date(forwarded.at));
  }
});

// --- quiz pages the agent saw: the quiz's time for the coverage; "submitted" ends the attempt ---

const sightings = { sessionId: null, pending: [], sending: false };

function reportQuizPage(page, at) {
  sightings.pending.push({ page, at });
  sendQuizPages();
}

/** Sends the sightings in order, each retried while the server is unreachable or starting; refused ones are dropped. */
async function sendQuizPages() {
  if (!sightings.sessionId || sightings.sending) {
    return;
  }
  sightings.sending = true;
  try {
    while (sightings.pending.length > 0) {
      const { page, at } = sightings.pending[0];
      if (page === 'submitted' && ctx.queue) {
        await ctx.queue.flush({ force: true }).catch(() => {}); // what was noted before the end reaches it first
      }
      let answer = null;
      for (let failures = 1; failures <= 10; failures += 1) {
        try {
          answer = await ctx.api.quizPage(sightings.sessionId, page, at);
          break;
        } catch (error) {
          const retryable = !(error instanceof ApiError) || error.status >= 500 || error.status === 408
            || error.status === 429 || (error.status === 404 && !error.code);
          if (!retryable) {
            break;
          }
          await new Promise((resolve) => { setTimeout(resolve, backoffDelay(failures)); });
        }
      }
      sightings.pending.shift();
      if (answer && answer.state === 'ended' && page === 'submitted' && ctx.ready) {
        stop('The quiz is submitted: monitoring has ended. You can close this.');
      }
    }
  } finally {
    sightings.sending = false;
  }
}

function listenToPage() {
  document.addEventListener('visibilitychange', onOwnEvent);
  window.addEventListener('blur', onOwnEvent);
  window.addEventListener('focus', onOwnEvent);
  document.addEventListener('fullscreenchange', onOwnEvent);
  for (const type of ['copy', 'cut', 'paste', 'contextmenu']) {
    document.addEventListener(type, onOwnEvent, true);
  }
  window.addEventListener('beforeprint', onOwnEvent);
  window.addEventListener('online', () => {
    ctx.queue.online();
    renderStats();
  });
  window.addEventListener('offline', renderStats);
  if (!embedded) {
    window.addEventListener('beforeunload', (event) => {
      if (document.body.dataset.state === 'monitoring') {
        event.preventDefault();
        event.returnValue = '';
      }
    });
  }
}

async function checkScreens() {
  let screens = null;
  let exact = false;
  try {
    if (window.getScreenDetails && navigator.permissions) {
      const permission = await navigator.permissions.query({ name: 'window-management' });
      if (permission.state === 'granted') {
        screens = (await window.getScreenDetails()).screens.length;
        exact = true;
      }
    }
  } catch {
    // not permitted here: fall back
  }
  if (screens === null && typeof window.screen.isExtended === 'boolean') {
    screens = window.screen.isExtended ? 2 : 1;
  }
  if (screens > 1 && !ctx.multipleScreens) {
    emit('multiple-screens', { screens, exact });
  }
  ctx.multipleScreens = screens > 1;
}

function heartbeat() {
  const s = stats();
  emit('heartbeat', {
    mode: s.mode, camera: s.camera, audio: s.audio, queued: s.queueLength, framesEvicted: s.framesEvicted,
    kbps: Math.round(s.kbps * 10) / 10,
  });
  checkScreens();
}

// --- camera and frames ---

function setCamera(state, text) {
  ctx.cameraState = state;
  $('#monitor-camera').textContent = text;
  $('#monitor-camera-retry').hidden = state === 'on' || state === 'off';
}

async function startCamera() {
  if (!usesCamera()) {
    setCamera('off', 'not used');
    return;
  }
  if (ctx.paused) {
    setCamera('off', 'off while paused');
    return;
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { ...VIDEO_CONSTRAINTS } });
    ctx.stream = stream;
    const [track] = stream.getVideoTracks();
    track.addEventListener('ended', () => {
      emit('camera-ended', { reason: 'track-ended' });
      setCamera('stopped', 'off – select "Turn the camera on"');
      note('Your camera stopped. Turn it back on to go on being monitored.');
    });
    track.addEventListener('mute', () => {
      emit('camera-muted');
      setCamera('muted', 'paused by the system');
    });
    track.addEventListener('unmute', () => {
      emit('camera-unmuted');
      setCamera('on', 'on');
    });
    ctx.video.srcObject = stream;
    await ctx.video.play().catch(() => {});
    await videoReady(ctx.video);
    setCamera('on', 'on');
  } catch (error) {
    emit('camera-ended', { reason: (error && error.name) || 'unavailable' });
    setCamera('failed', 'off – select "Turn the camera on"');
    note('The camera could not start. Select "Turn the camera on"; if your browser asks, allow the camera.');
  }
}

/** Each frame tick: a tick that came late is a gap in monitoring, reported as Invigil's own. */
function frameTick() {
  const gap = ctx.cadence.tick(Date.now());
  if (gap) {
    ctx.gaps += 1;
    const event = gapEvent(gap, document.visibilityState === 'hidden');
    emit(event.type, event.data, event.at);
  }
  captureFrame();
}

async function captureFrame() {
  const video = ctx.video;
  if (ctx.paused || ctx.cameraState !== 'on' || !video.videoWidth || !ctx.ready) {
    return;
  }
  try {
    const size = ctx.budget.size(video.videoWidth, video.videoHeight);
    const blob = await captureJpeg(video, size, ctx.budget.quality);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    ctx.budget.record(bytes.byteLength);
    if (!ctx.budget.fits(bytes.byteLength)) {
      return;
    }
    ctx.framesCaptured += 1;
    ctx.frameBytes += bytes.byteLength;
    await ctx.queue.add({ kind: 'frame', sequence: ctx.counter.next(), capturedAt: new Date().toISOString(), bytes });
  } catch {
    // one lost frame; the next comes at the next interval
  }
}

// --- audio: levels only, never uploaded (see static/js/audio.js for the heuristic) ---

async function startAudio() {
  if (!usesCheck('audio')) {
    $('#monitor-audio').textContent = 'not used';
    return;
  }
  const AudioContextClass = window.AudioContext || window.webkitAudioContext;
  if (!AudioContextClass) {
    $('#monitor-audio').textContent = 'not available';
    return;
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: { ...AUDIO_CONSTRAINTS } });
  } catch {
    ctx.audioState = 'failed';
    $('#monitor-audio').textContent = 'microphone not allowed';
    return;
  }
  const context = new AudioContextClass();
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  analyser.smoothingTimeConstant = 0.2;
  context.createMediaStreamSource(stream).connect(analyser); // never connected to the speakers
  const spectrum = new Float32Array(analyser.frequencyBinCount);
  const samples = new Float32Array(analyser.fftSize);
  const segmenter = new SoundSegmenter();
  const resume = $('#monitor-audio-resume');
  ctx.audioContext = context;
  const showState = () => {
    if (ctx.paused) {
      ctx.audioState = 'off';
      $('#monitor-audio').textContent = 'off while paused';
      resume.hidden = true;
      return;
    }
    ctx.audioState = context.state === 'running' ? 'on' : 'waiting';
    $('#monitor-audio').textContent = context.state === 'running' ? 'level only' : 'waiting';
    resume.hidden = context.state === 'running';
  };
  const tryResume = () => (ctx.paused ? Promise.resolve().then(showState) : context.resume().then(showState, showState));
  resume.addEventListener('click', tryResume);
  document.addEventListener('pointerdown', tryResume, { once: true });
  document.addEventListener('keydown', tryResume, { once: true });
  context.addEventListener('statechange', showState);
  await tryResume();
  every(100, () => {
    if (context.state !== 'running') {
      return;
    }
    analyser.getFloatTimeDomainData(samples);
    analyser.getFloatFrequencyData(spectrum);
    const level = levelFromSamples(samples);
    const kind = classifyTick({ level, ...spectrumFeatures(spectrum, context.sampleRate, analyser.fftSize) });
    const sound = segmenter.push(kind, level, performance.now());
    if (sound) {
      emit(sound.type, { durationMs: sound.durationMs, level: sound.level }, new Date(Date.now() - sound.durationMs));
    }
  });
}

// --- start ---

async function openSession() {
  for (let failures = 1; ; failures += 1) {
    try {
      return await ctx.api.session();
    } catch (error) {
      // a 404 page that is not Invigil's own answer: the server is up but Invigil is not deployed yet (restarting)
      const starting = error instanceof ApiError && error.status === 404 && !error.code;
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && !starting) {
        throw error;
      }
      note(`Cannot reach Invigil yet; trying again. ${error.detail || ''}`);
      await new Promise((resolve) => { setTimeout(resolve, backoffDelay(failures)); });
    }
  }
}

async function startMonitoring(session) {
  ctx.session = session;
  ctx.checks = session.exam && Array.isArray(session.exam.checks) ? session.exam.checks : null;
  const opened = await openQueueStore(session.id);
  ctx.storeKind = opened.kind;
  const counterStore = persistentNumber(`invigil.seq.${session.id}`);
  ctx.queue = new DeliveryQueue({
    store: opened.store,
    send: async (kind, items) => {
      const outcome = await ctx.api.upload(session.id, kind, items);
      followState(outcome && outcome.body && outcome.body.state);
      return outcome;
    },
    isOnline: () => navigator.onLine !== false,
    onChange: renderStats,
    onWarning: (text, { halt }) => {
      warn(text);
      if (halt) {
        stop(halt === 'unauthorized' ? 'Your session has expired: open the exam again from your course page. '
          + 'What the monitor noted is kept and sent then.' : 'Monitoring is not running for this exam any more.');
      }
    },
  });
  await ctx.queue.load();
  let block = null;
  try {
    block = await ctx.api.monitor(session.id);
  } catch {
    // an older server, or offline: the session's next number still works for a single monitor
  }
  ctx.counter = new SequenceCounter({
    start: block && block.sequenceStart ? block.sequenceStart : session.monitoring && session.monitoring.nextSequence,
    persisted: counterStore.read(),
    highestQueued: ctx.queue.highestSequence(),
    persist: (next) => counterStore.write(next),
  });
  ctx.firstSequence = ctx.counter.peek(); // this page numbers its items from here: firstSequence..nextSequence-1
  const interval = Math.max(1, (session.exam && session.exam.frameIntervalSeconds) || 3);
  ctx.budget = new FrameBudget({ intervalSeconds: interval, maxFrameBytes: session.monitoring && session.monitoring.maxFrameBytes });
  ctx.startedAt = Date.now();
  ctx.ready = true;
  setState('monitoring');
  for (const [type, data, at] of ctx.early.splice(0)) {
    emit(type, data, at);
  }
  listenToPage();
  if (embedded && document.visibilityState === 'hidden') {
    pageEvent('page-hidden');
  }
  ctx.queue.flush();
  await startCamera();
  const heartbeatSeconds = Math.max(5, (session.monitoring && session.monitoring.heartbeatSeconds) || 15);
  ctx.cadence = new Cadence({ intervalMs: interval * 1000 });
  every(interval * 1000, frameTick);
  every(heartbeatSeconds * 1000, heartbeat);
  every(1000, renderStats);
  heartbeat();
  try {
    window.screen.addEventListener('change', checkScreens);
  } catch {
    // older browsers
  }
  startAudio();
  renderStats();
}

// --- pause and resume, by staff ---

function stopCamera() {
  if (ctx.stream) {
    ctx.stream.getTracks().forEach((track) => track.stop());
    ctx.stream = null;
  }
}

/** Follows the session's state an upload's answer reports. */
function followState(state) {
  if (state === 'paused' && !ctx.paused) {
    enterPause();
  } else if (state === 'monitoring' && ctx.paused) {
    leavePause();
  }
}

async function enterPause(pause) {
  ctx.paused = true;
  setState('paused');
  stopCamera();
  setCamera('off', 'off while paused');
  if (ctx.audioContext) {
    ctx.audioContext.suspend().catch(() => {});
  }
  note('Your instructor paused monitoring. Nothing is captured until it goes on.');
  let reason = pause && pause.reason;
  if (reason === undefined) {
    try {
      const session = await ctx.api.session();
      reason = session.pause && session.pause.reason;
    } catch {
      // the reason is shown at the next check
    }
  }
  showPauseReason(reason);
  if (ctx.pauseTimer === null) {
    ctx.pauseTimer = setInterval(checkResume, RESUME_CHECK_MS);
  }
}

function showPauseReason(reason) {
  if (ctx.paused && reason) {
    note(`Your instructor paused monitoring: ${reason}. Nothing is captured until it goes on.`);
  }
}

async function checkResume() {
  let session;
  try {
    session = await ctx.api.session();
  } catch {
    return; // offline or busy: ask again later
  }
  if (session.state === 'monitoring') {
    leavePause();
  } else if (session.state === 'paused') {
    showPauseReason(session.pause && session.pause.reason);
  } else {
    clearInterval(ctx.pauseTimer);
    ctx.pauseTimer = null;
    stop('Monitoring has ended for this exam. You can close this.');
  }
}

function leavePause() {
  if (!ctx.paused) {
    return;
  }
  ctx.paused = false;
  if (ctx.pauseTimer !== null) {
    clearInterval(ctx.pauseTimer);
    ctx.pauseTimer = null;
  }
  setState('monitoring');
  note('Monitoring is on again.');
  if (ctx.audioContext) {
    ctx.audioContext.resume().catch(() => {});
  }
  startCamera();
  renderStats();
}

function stop(text) {
  for (const stopTimer of ctx.timers.splice(0)) {
    stopTimer();
  }
  if (ctx.pauseTimer !== null) {
    clearInterval(ctx.pauseTimer);
    ctx.pauseTimer = null;
  }
  ctx.paused = false;
  stopCamera();
  setCamera('off', 'off');
  setState('stopped');
  note(text);
}

async function boot() {
  $('#monitor-toggle').addEventListener('click', (event) => {
    const compact = $('#monitor').classList.toggle('compact');
    event.currentTarget.textContent = compact ? 'Show details' : 'Hide details';
    event.currentTarget.setAttribute('aria-expanded', String(!compact));
    if (embedded) {
      window.parent.postMessage({ subject: SUBJECTS.resize, size: compact ? 'compact' : 'normal' }, '*');
    }
  });
  $('#monitor-camera-retry').addEventListener('click', () => {
    startCamera();
  });
  const token = fragmentToken(window.location.hash);
  if (!token) {
    setState('error');
    note('This monitor needs your exam session: open it from the exam page in your course.');
    return;
  }
  ctx.api = new ProctoringApi({ token });
  try {
    let session = await openSession();
    sightings.sessionId = session.id;
    sendQuizPages();
    while (['consent', 'system-check', 'identity', 'liveness'].includes(session.state)) {
      setState('waiting');
      note('Finish the checks on the exam page first; the monitor starts by itself afterwards.');
      await new Promise((resolve) => { setTimeout(resolve, 10000); });
      session = await openSession();
    }
    if (session.state === 'ready') {
      session = await ctx.api.start(session.id);
    }
    if (session.state === 'monitoring' || session.state === 'paused') {
      note('Monitoring is on.');
      if (session.state === 'paused') {
        ctx.paused = true; // no camera until it resumes
      }
      await startMonitoring(session);
      if (session.state === 'paused') {
        enterPause({ reason: (session.pause && session.pause.reason) || '' });
      }
    } else {
      stop(session.state === 'declined' ? 'You declined proctoring: the monitor does nothing.'
        : 'Monitoring has ended for this exam. You can close this.');
    }
  } catch (error) {
    setState('error');
    note(error instanceof ApiError ? error.detail : 'The monitor could not start. Reload the page to try again.');
  }
}

boot();
