import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TransitionFilter, eventTypeFor, forwardedEvent } from '../../../webapp/static/js/page-events.js';
import { fragmentToken, takeQueryToken, tokenClaims } from '../../../webapp/static/js/token.js';
import { buildHandoff, monitorUrl } from '../../../webapp/static/js/handoff.js';
import { ApiError, ProctoringApi } from '../../../webapp/static/js/api.js';
import { instructionFor } from '../../../webapp/static/js/liveness.js';
import { kbps } from '../../../webapp/static/js/bitrate.js';

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const TOKEN = `${b64({ alg: 'HS256' })}.${b64({ exam: 'exam-7', exp: 1900000000, name: 'Zoë' })}.sig`;

test('maps DOM events to the contract event types', () => {
  assert.equal(eventTypeFor('visibilitychange', { visibilityState: 'hidden' }), 'page-hidden');
  assert.equal(eventTypeFor('visibilitychange', { visibilityState: 'visible' }), 'page-visible');
  assert.equal(eventTypeFor('blur'), 'focus-lost');
  assert.equal(eventTypeFor('fullscreenchange', { fullscreenElement: {} }), 'fullscreen-enter');
  assert.equal(eventTypeFor('beforeprint'), 'print');
  assert.equal(eventTypeFor('paste'), 'paste');
  assert.equal(eventTypeFor('click'), null);
});

test('a state change seen twice (monitor and agent) is reported once', () => {
  const filter = new TransitionFilter();
  assert.deepEqual(['page-hidden', 'page-hidden', 'page-visible', 'page-visible', 'copy', 'copy']
      .map((type) => filter.accept(type)), [true, false, true, false, true, true]);
  assert.equal(filter.accept('focus-regained'), false, 'already focused');
});

test('accepts only forwardable events from the agent', () => {
  assert.deepEqual(forwardedEvent({ subject: 'org.invigil.monitor.event', type: 'copy', at: '2026-11-01T10:00:00Z' }),
      { type: 'copy', at: '2026-11-01T10:00:00.000Z' });
  assert.equal(forwardedEvent({ subject: 'org.invigil.monitor.event', type: 'heartbeat' }), null);
  assert.deepEqual(forwardedEvent({ subject: 'org.invigil.monitor.event', type: 'quiz-page', page: 'submitted',
    at: '2026-11-01T10:00:00Z', extra: 'ignored' }), { type: 'quiz-page', page: 'submitted', at: '2026-11-01T10:00:00.000Z' });
  assert.equal(forwardedEvent({ subject: 'org.invigil.monitor.event', type: 'quiz-page', page: 'grades' }), null);
  assert.equal(forwardedEvent({ subject: 'org.invigil.monitor.event', type: 'quiz-page' }), null);
  assert.equal(forwardedEvent({ subject: 'other', type: 'copy' }), null);
  assert.equal(forwardedEvent('copy'), null);
  const now = () => new Date('2026-11-01T11:00:00Z');
  assert.equal(forwardedEvent({ subject: 'org.invigil.monitor.event', type: 'paste', at: 'nonsense' }, now).at,
      '2026-11-01T11:00:00.000Z');
});

test('takes the token from the query and removes it from the address bar', () => {
  const calls = [];
  const history = { state: null, replaceState: (...args) => calls.push(args) };
  const token = takeQueryToken({ href: `https://invigil.example/exam/journey.html?session=${TOKEN}&lang=fr#top` }, history);
  assert.equal(token, TOKEN);
  assert.deepEqual(calls, [[null, '', '/exam/journey.html?lang=fr#top']]);
  assert.equal(takeQueryToken({ href: 'https://invigil.example/exam/journey.html' }, history), null);
});

test('reads the monitor token from the fragment and the token claims without trusting them', () => {
  assert.equal(fragmentToken(`#session=${TOKEN}`), TOKEN);
  assert.equal(fragmentToken('#other=1'), null);
  assert.equal(tokenClaims(TOKEN).exam, 'exam-7');
  assert.equal(tokenClaims(TOKEN).name, 'Zoë');
  assert.deepEqual(tokenClaims('garbage'), {});
});

test('builds the hand-off from the session, falling back on the token claims', () => {
  const session = { id: 's1', exam: { quizUrl: 'https://moodle.example/mod/quiz/view.php?id=4' } };
  const message = buildHandoff(session, TOKEN, 'https://invigil.example');
  assert.deepEqual(message, {
    subject: 'org.invigil.monitor.handoff',
    examId: 'exam-7',
    quizUrl: 'https://moodle.example/mod/quiz/view.php?id=4',
    monitorUrl: `https://invigil.example/exam/monitor.html#session=${TOKEN}`,
    expiresAt: new Date(1900000000 * 1000).toISOString(),
  });
  const explicit = buildHandoff({ ...session, exam: { ...session.exam, id: 'e1' }, expiresAt: '2030-01-01T00:00:00Z' },
      TOKEN, 'https://invigil.example');
  assert.equal(explicit.examId, 'e1');
  assert.equal(explicit.expiresAt, '2030-01-01T00:00:00.000Z');
  assert.equal(buildHandoff({ id: 's1', exam: {} }, TOKEN, 'https://invigil.example'), null, 'no quiz, no hand-off');
  assert.equal(buildHandoff({ id: 's1', exam: { quizUrl: 'javascript:x' } }, TOKEN, 'x'), null);
  assert.equal(monitorUrl('https://i.example', 'a.b.c'), 'https://i.example/exam/monitor.html#session=a.b.c');
});

function fakeFetch(answers) {
  const calls = [];
  const fn = async (url, init) => {
    calls.push({ url, init });
    const answer = answers.shift();
    if (answer instanceof Error) {
      throw answer;
    }
    const { status = 200, body, headers = {} } = answer;
    const h = new Headers({ 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: h });
  };
  fn.calls = calls;
  return fn;
}

test('calls the API with the Bearer token and no cookies', async () => {
  const fetch = fakeFetch([{ body: { id: 's1', state: 'consent' } }, { body: { id: 's1', state: 'system-check' } }]);
  const api = new ProctoringApi({ token: 't0k', base: 'https://i.example', fetch });
  assert.equal((await api.session()).state, 'consent');
  await api.consent('s1', 'accept', 'v1');
  assert.equal(fetch.calls[0].url, 'https://i.example/api/proctoring/session');
  assert.equal(fetch.calls[0].init.headers.Authorization, 'Bearer t0k');
  assert.equal(fetch.calls[0].init.credentials, 'omit');
  assert.equal(fetch.calls[1].url, 'https://i.example/api/proctoring/sessions/s1/consent');
  assert.deepEqual(JSON.parse(fetch.calls[1].init.body), { decision: 'accept', version: 'v1' });
});

test('turns problems into ApiError with the server detail, or plain words', async () => {
  const fetch = fakeFetch([
    { status: 401, body: { status: 401, code: 'session_expired', detail: 'Your session has expired.' } },
    { status: 502 },
    new TypeError('Failed to fetch'),
  ]);
  const api = new ProctoringApi({ token: 't', fetch });
  await assert.rejects(api.session(), (e) => e instanceof ApiError && e.status === 401 && e.code === 'session_expired'
      && e.detail === 'Your session has expired.');
  await assert.rejects(api.session(), (e) => e.status === 502 && /try again/i.test(e.detail));
  await assert.rejects(api.session(), (e) => e.status === 0 && /internet connection/i.test(e.detail));
});

test('uploads a frame with its sequence and capture time, and events as one batch', async () => {
  const fetch = fakeFetch([
    { status: 202, body: { sequence: 5 } },
    { status: 409, body: { code: 'sequence_replayed', detail: 'dup' }, headers: {} },
    { status: 503, body: { code: 'busy' }, headers: { 'Retry-After': '4' } },
  ]);
  const api = new ProctoringApi({ token: 't', fetch });
  const frame = { kind: 'frame', sequence: 5, capturedAt: '2026-11-01T10:00:00.000Z', bytes: new Uint8Array([0xff, 0xd8]) };
  const sent = await api.upload('s1', 'frame', [frame]);
  assert.deepEqual([sent.status, sent.bytes], [202, 2]);
  assert.equal(fetch.calls[0].init.headers['Invigil-Sequence'], '5');
  assert.equal(fetch.calls[0].init.headers['Invigil-Captured-At'], '2026-11-01T10:00:00.000Z');
  assert.equal(fetch.calls[0].init.headers['Content-Type'], 'image/jpeg');
  const events = [{ kind: 'event', sequence: 6, type: 'copy', at: '2026-11-01T10:00:01Z', data: {} }];
  const replayed = await api.upload('s1', 'event', events);
  assert.deepEqual([replayed.status, replayed.code], [409, 'sequence_replayed']);
  assert.deepEqual(JSON.parse(fetch.calls[1].init.body), { events: [{ sequence: 6, type: 'copy', at: '2026-11-01T10:00:01Z', data: {} }] });
  const busy = await api.upload('s1', 'frame', [frame]);
  assert.deepEqual([busy.status, busy.retryAfter], [503, '4']);
});

test('liveness steps read as plain instructions', () => {
  assert.equal(instructionFor('blink'), 'Blink twice');
  assert.match(instructionFor('turn-left'), /left/);
  assert.equal(instructionFor('raise_eyebrows'), 'Raise eyebrows');
});

test('kbps is bits per millisecond', () => {
  assert.equal(kbps(15000, 3000), 40);
  assert.equal(kbps(100, 0), 0);
});
