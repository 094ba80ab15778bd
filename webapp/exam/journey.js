/**
 * The student's journey after a Learner launch (issue 4, item 1): consent, system check, identity, liveness, then
 * the start of monitoring. The server's session `state` decides the step; every call answers the next state.
 * Plain words, never a dead end: each failure says what to do and offers a way on.
 *
 * Test hooks: body[data-state] and #step[data-state] name the step shown (a session state, or loading / error).
 * Stable ids: #consent-accept, #consent-decline, #consent-decline-confirm, #consent-decline-cancel, #camera-start,
 * #camera-preview, #camera-help, #system-check-run, #system-check-result, #upload-speed, #system-check-continue,
 * #identity-capture, #identity-result, #identity-attempts, #identity-continue, #identity-review, #liveness-start,
 * #liveness-instruction, #liveness-result, #liveness-continue, #liveness-retry, #liveness-review, #agent-status,
 * #start-monitoring, #open-companion, #open-quiz, #end-monitoring, #end-confirm, #end-cancel, #retry-load,
 * #status (polite live region), #problem (alert).
 */
import { ApiError, ProctoringApi } from '../static/js/api.js';
import { takeQueryToken } from '../static/js/token.js';
import { fill, h, paragraphs } from '../static/js/dom.js';
import { cameraProblem, openCamera, videoReady } from '../static/js/camera.js';
import { captureWithin } from '../static/js/frames.js';
import { kbps } from '../static/js/bitrate.js';
import { buildHandoff, monitorUrl } from '../static/js/handoff.js';
import { instructionFor } from '../static/js/liveness.js';
import { SUBJECTS } from '../static/js/page-events.js';

const STEPS = [
  { state: 'consent', label: 'Consent' },
  { state: 'system-check', label: 'Camera and connection', check: 'camera' },
  { state: 'identity', label: 'Identity', check: 'identity' },
  { state: 'liveness', label: 'Liveness', check: 'liveness' },
  { state: 'ready', label: 'Ready' },
  { state: 'monitoring', label: 'Exam' },
];
/** Upload Invigil needs at the default settings (see static/js/frames.js). */
const NEEDED_KBPS = 64;

const $ = (selector) => document.querySelector(selector);
const ctx = { api: null, token: null, session: null, stream: null, agentSeen: false, pauseCheck: null };
const wait = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// --- page frame: header, progress, status, problems, step ---

function announce(text) {
  $('#status').textContent = text || '';
}

function clearProblem() {
  const box = $('#problem');
  box.hidden = true;
  box.replaceChildren();
}

/** Shows what went wrong and what to do; `retry` adds a "Try again" button. */
function showProblem(error, retry) {
  const detail = error instanceof ApiError ? error.detail : (error && error.message) || String(error);
  const box = $('#problem');
  box.replaceChildren(h('p', {}, detail));
  if (error instanceof ApiError && error.status === 401) {
    box.append(h('p', {}, 'Go back to your course page and open the exam activity again: your answers so far are kept.'));
  }
  if (retry) {
    box.append(h('button', { type: 'button', id: 'problem-retry', class: 'secondary', onclick: () => { clearProblem(); retry(); } },
        'Try again'));
  }
  box.hidden = false;
  announce('');
}

function renderHeader(session) {
  const exam = (session && session.exam) || {};
  if (exam.title) {
    $('#exam-title').textContent = exam.title;
    document.title = `${exam.title} – Invigil`;
  }
  $('#exam-course').textContent = exam.course || '';
  const checks = Array.isArray(exam.checks) ? exam.checks : null;
  const steps = STEPS.filter((step) => !step.check || !checks || checks.includes(step.check)
      || (step.check === 'camera' && (checks.includes('identity') || checks.includes('liveness'))));
  const state = session.state === 'paused' ? 'monitoring' : session.state;
  const current = steps.findIndex((step) => step.state === state);
  const progress = $('#progress');
  progress.replaceChildren(...steps.map((step, index) => {
    const done = current >= 0 && index < current || session.state === 'ended';
    const isCurrent = index === current;
    return h('li', { class: done ? 'done' : isCurrent ? 'current' : 'todo', 'aria-current': isCurrent ? 'step' : false },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, done ? '✓' : String(index + 1)),
        ` ${step.label}`,
        h('span', { class: 'visually-hidden' }, done ? ' (done)' : isCurrent ? ' (current step)' : ''));
  }));
  progress.closest('nav').hidden = session.state === 'declined';
}

/** Replaces the step shown and moves the focus to its heading. */
function setStep(state, heading, ...content) {
  const section = $('#step');
  section.dataset.state = state;
  document.body.dataset.state = state;
  const title = h('h2', { id: 'step-heading', tabindex: '-1' }, heading);
  fill(section, title, ...content);
  title.focus();
}

/** Runs an action from a button: the button is busy meanwhile and the problem box says what failed. */
async function act(button, busyLabel, action) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = busyLabel;
  clearProblem();
  try {
    await action();
  } catch (error) {
    showProblem(error);
  } finally {
    if (button.isConnected) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      button.textContent = label;
    }
  }
}

function button(id, text, onclick, className = 'primary') {
  return h('button', { type: 'button', id, class: className, onclick: (event) => onclick(event.currentTarget) }, text);
}

// --- the session ---

async function load() {
  announce('Loading your exam…');
  clearProblem();
  try {
    show(await ctx.api.session());
  } catch (error) {
    setStep('error', 'We could not open your exam',
        h('p', {}, error instanceof ApiError ? error.detail : 'Something went wrong while opening your exam.'),
        h('p', {}, 'Nothing is lost. Try again; if it keeps failing, open the exam again from your course page.'),
        button('retry-load', 'Try again', () => load()));
    announce('');
  }
}

function show(session) {
  ctx.session = session;
  renderHeader(session);
  announce('');
  const render = {
    consent: consentStep, 'system-check': systemCheckStep, identity: identityStep, liveness: livenessStep,
    ready: readyStep, monitoring: monitoringStep, paused: pausedStep, ended: endedStep, declined: declinedStep,
  }[session.state] || unknownStep;
  if (ctx.pauseCheck) {
    clearTimeout(ctx.pauseCheck);
    ctx.pauseCheck = null;
  }
  if (!['system-check', 'identity', 'liveness'].includes(session.state)) {
    stopCamera();
  }
  render(session);
}

async function refresh() {
  show(await ctx.api.session());
}

/** Shows the session an answer carries, else asks for it. */
async function follow(answer) {
  if (answer && typeof answer.state === 'string') {
    show(answer);
  } else if (answer && answer.session && typeof answer.session.state === 'string') {
    show(answer.session);
  } else {
    await refresh();
  }
}

// --- consent ---

function consentStep(session) {
  const consent = session.consent || {};
  const sections = Array.isArray(consent.sections) ? consent.sections : [];
  const declinePanel = h('div', { id: 'consent-decline-panel', class: 'panel', hidden: true },
      h('h3', { id: 'decline-heading', tabindex: '-1' }, 'If you decline'),
      h('p', {}, 'Your decision is recorded and your instructor sees that you declined. Invigil will not use your camera '
        + 'or microphone, and you cannot take this exam with Invigil.'),
      h('p', {}, 'Your instructor decides what happens next, for example another way to sit the exam. '
        + 'Contact them if you have questions or need an accommodation.'),
      h('div', { class: 'actions' },
          button('consent-decline-confirm', 'Decline proctoring', (b) => act(b, 'Saving…', async () => {
            show(await ctx.api.consent(session.id, 'decline', consent.version));
          }), 'danger'),
          button('consent-decline-cancel', 'Go back', () => {
            declinePanel.hidden = true;
            $('#consent-decline').focus();
          }, 'secondary')));
  setStep('consent', 'Before you start: how this exam is proctored',
      h('p', {}, `${session.student && session.student.name ? `${session.student.name}, read` : 'Read'} how Invigil `
        + 'watches this exam, then choose. Nothing is captured before you agree.'),
      h('div', { class: 'consent-text', id: 'consent-sections' },
          sections.length ? sections.map((section) => [h('h3', {}, section.heading || ''), paragraphs(section.text)])
            : h('p', {}, 'Invigil did not send the consent text. Try again, or contact your instructor.')),
      consent.version ? h('p', { class: 'hint' }, `Consent text version ${consent.version}.`) : null,
      h('div', { class: 'actions' },
          button('consent-accept', 'I agree, continue', (b) => act(b, 'Saving…', async () => {
            show(await ctx.api.consent(session.id, 'accept', consent.version));
          })),
          button('consent-decline', 'I do not agree', () => {
            declinePanel.hidden = false;
            $('#decline-heading').focus();
          }, 'secondary')),
      declinePanel);
}

// --- camera, shared by the checks ---

function stopCamera() {
  if (ctx.stream) {
    for (const track of ctx.stream.getTracks()) {
      track.stop();
    }
  }
  ctx.stream = null;
}

function live(stream) {
  return stream && stream.getVideoTracks().some((track) => track.readyState === 'live');
}

/** The preview, a button to turn the camera on and the help shown when the browser refuses it. */
function cameraPanel() {
  const video = h('video', { id: 'camera-preview', autoplay: true, playsinline: true, muted: true,
    'aria-label': 'Your camera preview' });
  video.muted = true;
  const placeholder = h('p', { class: 'preview-off', id: 'camera-off' }, 'Camera off');
  const help = h('div', { id: 'camera-help', class: 'camera-help' });
  const start = button('camera-start', 'Turn on my camera', (b) => act(b, 'Starting the camera…', () => ensure()),
      'secondary');
  const panel = h('div', { class: 'camera' }, h('div', { class: 'preview' }, video, placeholder), start, help);

  const attach = async () => {
    video.srcObject = ctx.stream;
    placeholder.hidden = true;
    start.hidden = true;
    await video.play().catch(() => {});
    await videoReady(video);
  };

  /**
   * Turns the camera on when it is off; shows what to do when it cannot. Asked again while the camera is starting
   * (the check button pressed during "Starting the camera…"), it waits for that start rather than opening a second
   * camera stream.
   */
  let starting = null;
  function ensure() {
    if (!starting) {
      starting = ensureOnce().finally(() => {
        starting = null;
      });
    }
    return starting;
  }

  async function ensureOnce() {
    if (live(ctx.stream)) {
      if (video.srcObject !== ctx.stream || !video.videoWidth) {
        await attach();
      }
      return video;
    }
    const checks = ctx.session && ctx.session.exam && ctx.session.exam.checks;
    const wantAudio = Array.isArray(checks) && checks.includes('audio');
    help.replaceChildren();
    try {
      try {
        ctx.stream = await openCamera({ audio: wantAudio });
      } catch (error) {
        if (!wantAudio) {
          throw error;
        }
        ctx.stream = await openCamera(); // the camera alone, and say the microphone is missing
        help.replaceChildren(h('p', { id: 'microphone-help' }, 'Your microphone is not available. This exam notes the '
          + 'sound level of your room (nothing is recorded): allow the microphone in your browser\'s site settings, '
          + 'or ask your instructor for an accommodation.'));
      }
    } catch (error) {
      const problem = cameraProblem(error);
      start.hidden = false;
      start.textContent = 'Try the camera again';
      help.replaceChildren(h('h3', { id: 'camera-help-heading', tabindex: '-1' }, problem.title),
          h('ol', {}, problem.steps.map((text) => h('li', {}, text))));
      $('#camera-help-heading').focus();
      throw new Error(problem.title);
    }
    await attach();
    announce('Camera on. Check that your face is in the picture.');
    return video;
  }

  if (live(ctx.stream)) {
    attach().catch(() => {});
  }
  return { panel, video, ensure };
}

// --- system check ---

function brightnessWords(value) {
  if (typeof value !== 'number') {
    return null;
  }
  if (value < 60) {
    return 'too dark';
  }
  if (value > 210) {
    return 'very bright';
  }
  return 'fine';
}

function systemCheckStep(session) {
  const camera = cameraPanel();
  const result = h('div', { id: 'system-check-result', class: 'result', hidden: true });
  const continueButton = button('system-check-continue', 'Continue', (b) => act(b, 'Loading…', async () => {
    await refresh();
    if (ctx.session.state === 'system-check') {
      announce('Invigil still needs a clear picture. Follow the advice, then check again.');
    }
  }));
  continueButton.hidden = true;
  const run = button('system-check-run', 'Check my camera and connection', (b) => act(b, 'Checking…', async () => {
    const video = await camera.ensure();
    const frame = await captureWithin(video, { maxBytes: maxFrameBytes(session), quality: 0.8 });
    const { result: analysis, bytes, ms } = await ctx.api.systemCheck(session.id, frame);
    const speed = Math.round(kbps(bytes, ms));
    const advice = Array.isArray(analysis.advice) ? analysis.advice : [];
    const light = brightnessWords(analysis.brightness);
    fill(result,
        h('p', { class: analysis.ok ? 'ok' : 'attention' },
            h('strong', {}, analysis.ok ? '✓ Your camera picture looks good.' : '! Your camera picture needs attention.')),
        h('ul', {},
            typeof analysis.faces === 'number' ? h('li', {}, `Faces seen: ${analysis.faces}`
              + (analysis.faces === 1 ? '.' : analysis.faces === 0 ? ' (we could not see your face).'
                : ' (only you should be in the picture).')) : null,
            light ? h('li', {}, `Light: ${light}.`) : null,
            h('li', { id: 'upload-speed' }, `Upload speed: about ${speed} kbps`
              + (speed >= NEEDED_KBPS ? ' — enough (Invigil needs about 64 kbps).'
                : ' — slow. Invigil needs about 64 kbps; it will keep working and catch up, but move closer to '
                  + 'your Wi-Fi or close other uploads if you can.'))),
        advice.length ? h('div', {}, h('h3', {}, 'Advice'), h('ul', { id: 'system-check-advice' },
            advice.map((text) => h('li', {}, text)))) : null,
        h('p', { class: 'hint' }, 'Speed is measured from sending this one picture, so it is a rough estimate.'));
    result.hidden = false;
    b.textContent = 'Check again';
    const latest = await ctx.api.session().catch(() => null);
    if (latest) {
      ctx.session = latest;
      renderHeader(latest);
    }
    const movedOn = latest && latest.state !== 'system-check';
    continueButton.hidden = !(analysis.ok || movedOn);
    announce(analysis.ok ? `Camera check passed. Upload speed about ${speed} kbps. Select Continue.`
      : `Your camera picture needs attention: ${advice[0] || 'make sure your face is visible and well lit'}.`);
    if (!continueButton.hidden) {
      continueButton.focus();
    }
  }));
  setStep('system-check', 'Check your camera and connection',
      h('p', {}, 'Invigil needs your camera during the exam. Turn it on to see what it sees; we then look at one '
        + 'picture to give you advice on light and position, and measure your upload speed.'),
      camera.panel,
      h('div', { class: 'actions' }, run, continueButton),
      result,
      h('p', { class: 'hint' }, 'If you cannot use a camera, ask your instructor for an accommodation: checks can '
        + 'be switched off for you.'));
}

function maxFrameBytes(session) {
  return (session.monitoring && session.monitoring.maxFrameBytes) || 2097152;
}

// --- identity ---

const IDENTITY_WORDS = {
  verified: ['ok', '✓ Confirmed: it is you.'],
  'needs-review': ['ok', '✓ Sent for a person to check.'],
  'enrolment-pending': ['ok', '✓ Photo saved for a person to confirm.'],
  retry: ['attention', '! We could not confirm it is you yet.'],
  failed: ['attention', '! We could not confirm it is you.'],
};

function referenceText(identity) {
  switch (identity && identity.reference) {
    case 'instructor':
      return 'We compare a photo taken now with the photo your instructor provided.';
    case 'lms':
      return 'We compare a photo taken now with your profile picture in your course site.';
    case 'enrolment':
    case 'none':
      return 'Your course has no photo of you yet. The photo you take now becomes your reference photo, and a person '
        + 'confirms it before anything is decided.';
    default:
      return 'We compare a photo taken now with the reference photo your course has of you.';
  }
}

function attemptsText(n) {
  if (typeof n !== 'number') {
    return '';
  }
  return n === 0 ? 'No automatic tries left: ask for a human review below.'
    : `${n} ${n === 1 ? 'try' : 'tries'} left.`;
}

function reviewBlock(id, explanation) {
  return h('div', { class: 'panel review' },
      h('h3', {}, 'Having trouble?'),
      h('p', {}, explanation),
      button(id, 'Ask for a human review instead', (b) => act(b, 'Asking…', async () => {
        const answer = await ctx.api.identityReview(ctx.session.id);
        await follow(answer);
        announce('A person will review your photo. You can go on.');
      }), 'secondary'));
}

function identityStep(session) {
  const identity = session.identity || {};
  const camera = cameraPanel();
  const result = h('div', { id: 'identity-result', class: 'result', hidden: true });
  const attempts = h('p', { id: 'identity-attempts', class: 'hint' }, attemptsText(identity.attemptsLeft));
  const capture = button('identity-capture', 'Take my photo', (b) => act(b, 'Checking your photo…', async () => {
    const video = await camera.ensure();
    const photo = await captureWithin(video, { maxBytes: maxFrameBytes(session), quality: 0.85 });
    const answer = await ctx.api.identity(session.id, photo);
    const [tone, words] = IDENTITY_WORDS[answer.status] || ['attention', 'Result received.'];
    const next = answer.session && answer.session.state && answer.session.state !== 'identity' ? answer.session : null;
    fill(result, h('p', { class: tone }, h('strong', {}, words)),
        answer.message ? h('p', {}, answer.message) : null,
        next ? button('identity-continue', 'Continue', () => show(next)) : null);
    result.hidden = false;
    attempts.textContent = attemptsText(answer.attemptsLeft);
    b.textContent = 'Try again';
    announce(`${words.replace(/^[✓!] /, '')} ${answer.message || ''} ${next ? 'Select Continue.' : attemptsText(answer.attemptsLeft)}`);
    if (next) {
      $('#identity-continue').focus();
    }
  }));
  setStep('identity', 'Confirm it is you',
      h('p', {}, referenceText(identity)),
      camera.panel,
      h('ul', { class: 'tips' },
          h('li', {}, 'Look at the camera with your whole face in the picture.'),
          h('li', {}, 'Have light in front of you rather than behind you.'),
          h('li', {}, 'Glasses and head coverings are fine.')),
      h('div', { class: 'actions' }, capture),
      attempts,
      result,
      reviewBlock('identity-review', 'If your camera or light makes this hard, or it keeps failing, a person at your '
        + 'school can check your photo instead. This is never held against you.'));
}

// --- liveness ---

function livenessStep(session) {
  const camera = cameraPanel();
  const instruction = h('p', { id: 'liveness-instruction', class: 'instruction', 'aria-live': 'assertive' });
  const progress = h('p', { id: 'liveness-progress', class: 'hint' });
  const result = h('div', { id: 'liveness-result', class: 'result', hidden: true });
  let run;

  const perform = async (b) => {
    result.hidden = true;
    const video = await camera.ensure();
    const challenge = await ctx.api.livenessStart(session.id);
    // The server hands out one step at a time and times it from its own clock: a step's pictures must reach it
    // within the step's window, so each step's uploads finish before the next step is asked for.
    const count = Math.max(1, challenge.stepCount || 1);
    const frames = Math.max(1, challenge.framesPerStep || 8);
    const interval = Math.max(50, challenge.frameIntervalMs || 150);
    let step = challenge.step;
    for (let k = 0; step; k += 1) {
      progress.textContent = `Movement ${k + 1} of ${count}`;
      instruction.textContent = `Get ready: ${instructionFor(step.action)}`;
      await wait(1500);
      instruction.textContent = `${instructionFor(step.action)} — now`;
      let uploads = Promise.resolve();
      for (let i = 0; i < frames; i += 1) {
        const started = performance.now();
        const frame = await captureWithin(video, { maxBytes: maxFrameBytes(session), quality: 0.7 });
        const index = step.index;
        uploads = uploads.then(() => ctx.api.livenessFrame(session.id, challenge.challenge, index, frame));
        await wait(Math.max(0, interval - (performance.now() - started)));
      }
      await uploads;
      step = k + 1 < count ? await ctx.api.livenessNext(session.id, challenge.challenge) : null;
    }
    instruction.textContent = 'Thank you. Checking…';
    progress.textContent = '';
    const answer = await ctx.api.livenessComplete(session.id, challenge.challenge);
    instruction.textContent = '';
    const next = answer.session && answer.session.state && answer.session.state !== 'liveness' ? answer.session : null;
    const left = answer.attemptsLeft;
    fill(result,
        h('p', { class: answer.passed ? 'ok' : 'attention' },
            h('strong', {}, answer.passed ? '✓ Done: you are there in person.' : '! The movements were not recognised.')),
        answer.message ? h('p', {}, answer.message) : null,
        !answer.passed ? h('p', { class: 'hint', id: 'liveness-attempts' }, attemptsText(left)) : null,
        next ? button('liveness-continue', 'Continue', () => show(next)) : null,
        !answer.passed && left !== 0 && !next ? button('liveness-retry', 'Try the movements again',
            (again) => act(again, 'Follow the instructions…', () => perform(again)), 'secondary') : null);
    result.hidden = false;
    run.hidden = true;
    announce(answer.passed ? 'Done. Select Continue.' : `The movements were not recognised. ${answer.message || ''}`);
    (next ? $('#liveness-continue') : $('#liveness-retry') || $('#liveness-review'))?.focus();
  };

  run = button('liveness-start', 'Start the movements', (b) => act(b, 'Follow the instructions…', () => perform(b)));
  setStep('liveness', 'Show that you are there in person',
      h('p', {}, 'You will be asked to make a few small movements, one at a time, such as blinking or turning your head. '
        + 'Each instruction appears below and is read out by screen readers; you then have about two seconds.'),
      camera.panel,
      instruction,
      progress,
      h('div', { class: 'actions' }, run),
      result,
      reviewBlock('liveness-review', 'If you cannot make these movements, for example because of a disability, or '
        + 'the check keeps failing, a person at your school can check instead.'));
}

// --- ready, monitoring and the hand-off ---

function postHandoff(session) {
  const message = buildHandoff(session, ctx.token, location.origin);
  const target = window.parent !== window ? window.parent : window.opener;
  if (message && target) {
    try {
      target.postMessage(message, '*');
    } catch {
      // no agent: the companion window remains
    }
  }
  return message;
}

function agentText(message) {
  if (ctx.agentSeen) {
    return 'Your course site will show a small Invigil window in a corner of the quiz pages. Keep it there until you '
      + 'finish.';
  }
  if (!message) {
    return 'This exam is not linked to a quiz page, so open the monitor in its own window (below) and keep it open '
      + 'until you finish.';
  }
  return 'If the quiz page does not show a small Invigil window in a corner, open the monitor in its own window '
    + '(below) and keep it open until you finish.';
}

function companionBlock(session) {
  const url = monitorUrl(location.origin, ctx.token);
  const blocked = h('p', { id: 'companion-blocked', hidden: true },
      'Your browser blocked the new window. ',
      h('a', { href: url, target: '_blank', rel: 'opener', id: 'companion-link' }, 'Open the monitor here'),
      ' instead.');
  return h('div', { class: 'panel' },
      h('h3', {}, 'Monitor in its own window'),
      h('p', {}, 'Keep the monitor window open beside the quiz until you finish. In its own window Invigil sees your '
        + 'camera and the sound level, but not whether you leave the quiz tab, copy and paste, or leave full screen '
        + 'there; your instructor\'s report says so.'),
      button('open-companion', 'Open the monitor in a new window', () => {
        const opened = window.open(url, `invigil-monitor-${session.id}`, 'popup,width=380,height=360');
        blocked.hidden = Boolean(opened);
        announce(opened ? 'The monitor window is open.' : 'Your browser blocked the new window.');
      }, 'secondary'),
      blocked);
}

/**
 * LTI Proctoring Services: the platform runs the test. One press opens the monitor in its own window (a popup needs
 * the press) and then sends the student back to the platform's assessment with Invigil's signed LtiStartAssessment,
 * posted from the top window: a platform such as Open edX needs its own session cookie there, which a browser does
 * not send from inside a third-party frame.
 */
function assessmentBlock(session) {
  const url = monitorUrl(location.origin, ctx.token);
  const blocked = h('p', { id: 'assessment-blocked', class: 'problem', hidden: true },
      'Your browser blocked the monitor window, and the assessment needs it. ',
      h('a', { href: url, target: '_blank', rel: 'opener', id: 'assessment-companion-link' }, 'Open the monitor here'),
      ', then select the button again.');
  return h('div', { class: 'panel' },
      h('h3', {}, 'Start your assessment'),
      h('p', {}, 'Your course site runs this test. The button opens the Invigil monitor in a small window of its own '
        + 'and takes you back to the test. Keep the monitor window open until you finish; at the end your course '
        + 'site brings you back here.'),
      button('start-assessment', 'Open the monitor and start the assessment', (b) => {
        const opened = window.open(url, `invigil-monitor-${session.id}`, 'popup,width=380,height=360');
        blocked.hidden = Boolean(opened);
        if (!opened) {
          announce('Your browser blocked the monitor window.');
          return undefined;
        }
        return act(b, 'Taking you to the assessment…', async () => {
          const form = await ctx.api.startAssessment(session.id);
          postFromTop(form.url, form.jwt);
        });
      }),
      blocked);
}

/** Posts the one field `JWT` to the platform as a top-level navigation. */
function postFromTop(url, jwt) {
  const form = h('form', { method: 'post', action: url, target: '_top', id: 'start-assessment-form', hidden: true },
      h('input', { type: 'hidden', name: 'JWT', value: jwt }));
  document.body.appendChild(form);
  form.submit();
}

function watchedList(session) {
  const checks = (session.exam && session.exam.checks) || ['camera', 'audio', 'browser'];
  const seconds = (session.exam && session.exam.frameIntervalSeconds) || 3;
  return h('ul', {},
      checks.includes('camera') ? h('li', {}, `A picture from your camera every ${seconds} seconds. Each picture is `
        + 'analysed and then deleted, unless it shows something your instructor needs to review.') : null,
      checks.includes('audio') ? h('li', {}, 'The sound level of your room. Nothing is recorded or uploaded: only '
        + 'that someone spoke, or that there was loud noise, for 2 seconds or more.') : null,
      checks.includes('browser') ? h('li', {}, 'Whether you leave the quiz page, copy or paste, print, or leave '
        + 'full screen.') : null,
      h('li', {}, 'A person reviews anything flagged and decides; the software does not.'));
}

function readyStep(session) {
  const message = postHandoff(session);
  setStep('ready', 'You are ready to start',
      h('p', {}, 'Your checks are done. During the exam Invigil notes:'),
      watchedList(session),
      h('p', {}, 'Monitoring starts when you select Start, or when you open the quiz, whichever comes first.'),
      h('p', { id: 'agent-status' }, agentText(message)),
      h('div', { class: 'actions' }, button('start-monitoring', 'Start monitoring', (b) => act(b, 'Starting…', async () => {
        show(await ctx.api.start(session.id));
        announce('Monitoring is on.');
      }))),
      companionBlock(session));
}

function monitoringStep(session) {
  const message = postHandoff(session);
  const quizUrl = session.exam && session.exam.quizUrl;
  const confirm = h('div', { id: 'end-panel', class: 'panel', hidden: true },
      h('h3', { id: 'end-heading', tabindex: '-1' }, 'Stop monitoring?'),
      h('p', {}, 'Do this only after you have submitted your quiz. Invigil stops using your camera and microphone.'),
      h('div', { class: 'actions' },
          button('end-confirm', 'Yes, stop monitoring', (b) => act(b, 'Stopping…', async () => {
            show(await ctx.api.end(session.id));
          }), 'danger'),
          button('end-cancel', 'Go back', () => {
            confirm.hidden = true;
            $('#end-monitoring').focus();
          }, 'secondary')));
  setStep('monitoring', 'Monitoring is on',
      session.assessment ? null : h('p', { id: 'agent-status' }, agentText(message)),
      quizUrl && !session.assessment ? h('p', {}, h('a', { href: quizUrl, target: '_top', id: 'open-quiz',
        class: 'button-link' }, 'Go to the quiz')) : null,
      session.assessment ? assessmentBlock(session) : companionBlock(session),
      h('div', { class: 'panel' },
          h('h3', {}, 'When you have finished'),
          h('p', {}, 'Monitoring stops by itself when the exam closes. You can also stop it after you submit.'),
          button('end-monitoring', 'I have finished: stop monitoring', () => {
            confirm.hidden = false;
            $('#end-heading').focus();
          }, 'secondary')),
      confirm);
}

const PAUSE_CHECK_MS = 10000;

function pausedStep(session) {
  const reason = session.pause && session.pause.reason;
  const text = reason ? `Your instructor paused monitoring: ${reason}` : 'Your instructor paused monitoring.';
  if ($('#step').dataset.state === 'paused' && $('#pause-reason')) {
    $('#pause-reason').textContent = text; // checked again: keep the reader's place
  } else {
    setStep('paused', 'Monitoring is paused',
        h('p', { id: 'pause-reason' }, text),
        h('p', {}, 'Invigil captures nothing and raises no incident until your instructor lets it go on. '
          + 'This page notices by itself when it does.'));
  }
  ctx.pauseCheck = setTimeout(() => refresh().catch(() => {
    ctx.pauseCheck = setTimeout(() => load(), PAUSE_CHECK_MS);
  }), PAUSE_CHECK_MS);
}

function endedStep() {
  setStep('ended', 'Monitoring has ended',
      h('p', {}, 'Invigil is no longer using your camera or microphone.'),
      h('p', {}, 'Camera pictures that show nothing to review have been deleted. If something was flagged, a person '
        + 'reviews it before anything is decided, and you can respond in your report.'),
      h('p', {}, h('a', { id: 'report-link', class: 'button-link',
        href: `/report/index.xhtml?session=${encodeURIComponent(ctx.token)}` },
      'Read your report and respond')));
}

function declinedStep() {
  setStep('declined', 'You declined proctoring',
      h('p', {}, 'Your decision is recorded and your instructor can see it. Invigil did not capture anything.'),
      h('p', {}, 'Contact your instructor to arrange another way to sit this exam, or if you declined by mistake.'));
}

function unknownStep(session) {
  setStep(session.state || 'unknown', 'Your exam is in a state this page does not know',
      h('p', {}, 'Reload the page; if this stays, open the exam again from your course page.'),
      button('retry-load', 'Reload', () => load()));
}

// --- start ---

window.addEventListener('message', (event) => {
  const data = event.data;
  if (data && typeof data === 'object' && data.subject === SUBJECTS.handoffReceived
      && (event.source === window.parent || event.source === window.opener)) {
    ctx.agentSeen = true;
    const status = $('#agent-status');
    if (status) {
      status.textContent = agentText(true);
    }
  }
});

function boot() {
  ctx.token = takeQueryToken(window.location, window.history);
  if (!ctx.token) {
    setStep('error', 'This page needs your exam session',
        h('p', {}, 'Open the exam from your course page: the link there starts your session. '
          + 'If you reloaded this page, that is why: go back to the course page and open the exam again.'));
    return;
  }
  ctx.api = new ProctoringApi({ token: ctx.token });
  load();
}

boot();
