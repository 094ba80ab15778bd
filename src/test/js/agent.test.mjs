import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const source = readFileSync(new URL('../../../webapp/static/agent.js', import.meta.url), 'utf8');
const INVIGIL = 'https://invigil.example.edu';

function fakeStorage() {
  const data = new Map();
  return {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k),
    data,
  };
}

/** Loads agent.js in a sandbox that looks like an LMS page. */
function loadAgent({ href = 'https://moodle.example.edu/course/view.php?id=2', storage = fakeStorage() } = {}) {
  const listeners = {};
  const appended = [];
  const element = () => ({
    style: {}, attributes: {}, listeners: {},
    setAttribute(name, value) { this.attributes[name] = value; },
    addEventListener(type, fn) { this.listeners[type] = fn; },
    contentWindow: { posted: [], postMessage(message, target) { this.posted.push([message, target]); } },
  });
  const document = {
    currentScript: { src: `${INVIGIL}/static/agent.js` },
    body: { style: {}, appendChild: (el) => appended.push(el) },
    getElementById: (id) => appended.find((el) => el.id === id) || null,
    createElement: () => element(),
    addEventListener: (type, fn) => { listeners[`doc:${type}`] = fn; },
    visibilityState: 'visible',
  };
  const window = {
    location: new URL(href),
    sessionStorage: storage,
    addEventListener: (type, fn) => { listeners[`win:${type}`] = fn; },
    getComputedStyle: () => ({ paddingBottom: '0px' }),
    setTimeout: (fn) => fn(),
  };
  vm.runInNewContext(source, { window, document, URL, Date, JSON });
  return { agent: window.InvigilAgent, window, document, storage, listeners, appended };
}

const handoff = (overrides = {}) => ({
  subject: 'org.invigil.monitor.handoff',
  examId: 'exam-1',
  quizUrl: 'https://moodle.example.edu/mod/quiz/view.php?id=42',
  monitorUrl: `${INVIGIL}/exam/monitor.html#session=abc.def.ghi`,
  expiresAt: new Date(Date.now() + 3600e3).toISOString(),
  ...overrides,
});

test('derives the Invigil origin from its own script and exposes one namespaced object', () => {
  const { agent } = loadAgent();
  assert.equal(agent.origin, INVIGIL);
  assert.equal(typeof agent.matchesQuiz, 'function');
});

test('keeps a hand-off from the Invigil origin and acknowledges it', () => {
  const { listeners, storage } = loadAgent();
  const replies = [];
  listeners['win:message']({ origin: INVIGIL, data: handoff(), source: { postMessage: (m, o) => replies.push([m, o]) } });
  const kept = JSON.parse(storage.getItem('invigil.handoffs'));
  assert.equal(kept.length, 1);
  assert.equal(kept[0].examId, 'exam-1');
  assert.deepEqual(JSON.parse(JSON.stringify(replies)), [[{ subject: 'org.invigil.monitor.handoff.received', examId: 'exam-1' }, INVIGIL]]);
});

test('ignores hand-offs from other origins, expired ones and foreign monitor URLs', () => {
  const { listeners, storage } = loadAgent();
  listeners['win:message']({ origin: 'https://evil.example', data: handoff() });
  listeners['win:message']({ origin: INVIGIL, data: handoff({ expiresAt: '2000-01-01T00:00:00Z' }) });
  listeners['win:message']({ origin: INVIGIL, data: handoff({ monitorUrl: 'https://evil.example/exam/monitor.html#session=x' }) });
  listeners['win:message']({ origin: INVIGIL, data: handoff({ quizUrl: 'javascript:alert(1)' }) });
  listeners['win:message']({ origin: INVIGIL, data: 'not an object' });
  assert.equal(storage.getItem('invigil.handoffs'), null);
});

test('replaces the hand-off of the same exam and keeps at most ten', () => {
  const { agent } = loadAgent();
  const storage = fakeStorage();
  const now = Date.now();
  for (let i = 0; i < 12; i += 1) {
    agent.storeHandoff(storage, { ...handoff({ examId: `e${i}` }) }, now);
  }
  agent.storeHandoff(storage, { ...handoff({ examId: 'e11', quizUrl: 'https://moodle.example.edu/x' }) }, now);
  const kept = agent.readHandoffs(storage, now);
  assert.equal(kept.length, 10);
  assert.equal(kept.filter((h) => h.examId === 'e11').length, 1);
  assert.equal(kept.at(-1).quizUrl, 'https://moodle.example.edu/x');
  assert.equal(agent.readHandoffs(storage, now + 7200e3).length, 0, 'expired hand-offs are not read');
});

test('matches quiz pages by URL prefix on a path boundary', () => {
  const { agent } = loadAgent();
  const canvas = 'https://canvas.example.edu/courses/1/quizzes/5';
  assert.equal(agent.matchesQuiz(`${canvas}/take`, canvas), true);
  assert.equal(agent.matchesQuiz(`${canvas}?module_item_id=3`, canvas), true);
  assert.equal(agent.matchesQuiz(canvas, canvas), true);
  assert.equal(agent.matchesQuiz('https://canvas.example.edu/courses/1/quizzes/50', canvas), false);
  assert.equal(agent.matchesQuiz('https://other.example.edu/courses/1/quizzes/5', canvas), false);
});

test('matches the attempt pages of a Moodle quiz by its course module id', () => {
  const { agent } = loadAgent();
  const quiz = 'https://moodle.example.edu/mod/quiz/view.php?id=42';
  assert.equal(agent.matchesQuiz('https://moodle.example.edu/mod/quiz/view.php?id=42', quiz), true);
  assert.equal(agent.matchesQuiz('https://moodle.example.edu/mod/quiz/attempt.php?attempt=7&cmid=42', quiz), true);
  assert.equal(agent.matchesQuiz('https://moodle.example.edu/mod/quiz/summary.php?attempt=7&cmid=42', quiz), true);
  assert.equal(agent.matchesQuiz('https://moodle.example.edu/mod/quiz/attempt.php?attempt=7&cmid=43', quiz), false);
  assert.equal(agent.matchesQuiz('https://moodle.example.edu/mod/quiz/view.php?id=420', quiz), false);
  assert.equal(agent.matchesQuiz('https://moodle.example.edu/mod/forum/view.php?id=42', quiz), false);
});

test('embeds the monitor on a matching quiz page and forwards page events to the Invigil origin', () => {
  const storage = fakeStorage();
  const first = loadAgent({ storage });
  first.agent.storeHandoff(storage, first.agent.validHandoff(handoff(), INVIGIL, Date.now()), Date.now());
  const quizPage = loadAgent({ href: 'https://moodle.example.edu/mod/quiz/attempt.php?attempt=9&cmid=42', storage });
  assert.equal(quizPage.appended.length, 1);
  const frame = quizPage.appended[0];
  assert.equal(frame.src, handoff().monitorUrl);
  assert.match(frame.attributes.allow, /camera/);
  assert.match(frame.attributes.allow, /microphone/);
  assert.ok(frame.title.length > 10);
  assert.match(frame.style.cssText, /position:fixed/);
  quizPage.listeners['doc:copy']({ type: 'copy' });
  assert.equal(frame.contentWindow.posted.length, 0, 'held until the monitor has loaded');
  frame.listeners.load();
  quizPage.document.visibilityState = 'hidden';
  quizPage.listeners['doc:visibilitychange']({ type: 'visibilitychange' });
  quizPage.listeners['win:blur']({ type: 'blur' });
  const posted = frame.contentWindow.posted.map(([message, target]) => [message.subject, message.type, target]);
  assert.deepEqual(posted, [
    ['org.invigil.monitor.event', 'quiz-page', INVIGIL],
    ['org.invigil.monitor.event', 'copy', INVIGIL],
    ['org.invigil.monitor.event', 'page-hidden', INVIGIL],
    ['org.invigil.monitor.event', 'focus-lost', INVIGIL],
  ]);
  assert.equal(frame.contentWindow.posted[0][0].page, 'attempt', 'the monitor learns which quiz page this is');
});

test('tells the quiz pages apart by their address', () => {
  const { agent } = loadAgent({});
  const moodle = 'https://moodle.example.edu/mod/quiz';
  assert.equal(agent.pageKind(`${moodle}/view.php?id=42`), 'quiz');
  assert.equal(agent.pageKind(`${moodle}/attempt.php?attempt=7&cmid=42&page=2`), 'attempt');
  assert.equal(agent.pageKind(`${moodle}/summary.php?attempt=7&cmid=42`), 'summary');
  assert.equal(agent.pageKind(`${moodle}/review.php?attempt=7&cmid=42`), 'submitted');
  const canvas = 'https://canvas.example.edu/courses/1/quizzes/5';
  assert.equal(agent.pageKind(canvas), 'quiz');
  assert.equal(agent.pageKind(`${canvas}/take?user_id=3`), 'attempt');
  assert.equal(agent.pageKind(`${canvas}/take/questions/9`), 'attempt', 'one question at a time');
  assert.equal(agent.pageKind('not a url'), 'quiz');
});

const form = (action, finish) => ({
  getAttribute: (name) => (name === 'action' ? action : null),
  querySelector: (css) => (finish !== undefined && css === 'input[name="finishattempt"]' ? { value: finish } : null),
});

test('knows the forms that submit the whole attempt', () => {
  const { agent } = loadAgent({});
  assert.equal(agent.submitsAttempt(form('/courses/1/quizzes/5/submissions')), true, 'Canvas "Submit Quiz"');
  assert.equal(agent.submitsAttempt(form('https://moodle.example.edu/mod/quiz/processattempt.php?cmid=42', '1')),
    true, 'Moodle "Submit all and finish"');
  assert.equal(agent.submitsAttempt(form('https://moodle.example.edu/mod/quiz/processattempt.php?cmid=42', '0')),
    false, 'Moodle\'s next page');
  assert.equal(agent.submitsAttempt(form('https://moodle.example.edu/mod/quiz/processattempt.php?cmid=42')), false);
  assert.equal(agent.submitsAttempt(form('/courses/1/quizzes/5/take')), false);
});

test('the quiz page reached right after submitting is the submitted page (Canvas, Moodle without review)', () => {
  const storage = fakeStorage();
  const first = loadAgent({ storage });
  const quiz = 'https://canvas.example.edu/courses/1/quizzes/5';
  first.agent.storeHandoff(storage, first.agent.validHandoff(handoff({ quizUrl: quiz }), INVIGIL, Date.now()),
    Date.now());
  const take = loadAgent({ href: `${quiz}/take`, storage });
  take.appended[0].listeners.load();
  assert.equal(take.appended[0].contentWindow.posted[0][0].page, 'attempt');
  take.listeners['doc:submit']({ target: form('/courses/1/quizzes/5/submissions') });
  const after = loadAgent({ href: quiz, storage });
  after.appended[0].listeners.load();
  assert.equal(after.appended[0].contentWindow.posted[0][0].page, 'submitted');
  const again = loadAgent({ href: quiz, storage });
  again.appended[0].listeners.load();
  assert.equal(again.appended[0].contentWindow.posted[0][0].page, 'quiz', 'only the first page after the submit');
});

test('does nothing on pages that are not the quiz', () => {
  const storage = fakeStorage();
  const page = loadAgent({ storage });
  page.agent.storeHandoff(storage, page.agent.validHandoff(handoff(), INVIGIL, Date.now()), Date.now());
  const other = loadAgent({ href: 'https://moodle.example.edu/course/view.php?id=2', storage });
  assert.equal(other.appended.length, 0);
});

test('maps DOM events to Invigil event types', () => {
  const { agent } = loadAgent();
  assert.equal(agent.eventTypeFor('visibilitychange', { visibilityState: 'hidden' }), 'page-hidden');
  assert.equal(agent.eventTypeFor('fullscreenchange', { fullscreenElement: null }), 'fullscreen-exit');
  assert.equal(agent.eventTypeFor('beforeprint', {}), 'print');
  assert.equal(agent.eventTypeFor('contextmenu', {}), 'context-menu');
  assert.equal(agent.eventTypeFor('keydown', {}), null);
});

test('never throws, even without a DOM', () => {
  assert.doesNotThrow(() => vm.runInNewContext(source, {}));
  assert.doesNotThrow(() => vm.runInNewContext(source, { window: {}, document: null }));
});
