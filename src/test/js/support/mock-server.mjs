/**
 * A stand-in for Invigil's proctoring API (src/site/proctoring-api.md) and for an LMS, to try the browser client by
 * hand or from a browser test before the real server exists. Not a test itself (node --test does not pick it up).
 *
 *   node src/test/js/support/mock-server.mjs            # Invigil on 127.0.0.1:8765, "LMS" on localhost:8766
 *   open http://localhost:8766/course/launch            # the launch page: journey in an iframe + agent
 *   open http://localhost:8766/mod/quiz/view.php?id=42  # the quiz page: the agent embeds the monitor
 *   GET  http://127.0.0.1:8765/mock/log                 # what the API received
 *   POST http://127.0.0.1:8765/mock/fail?status=503&times=3   # the next uploads fail
 *
 * Everything is in memory; one session, state consent → system-check → identity → liveness → ready → monitoring.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEBAPP = fileURLToPath(new URL('../../../../webapp/', import.meta.url));
const INVIGIL_PORT = Number(process.env.INVIGIL_PORT || 8765);
const LMS_PORT = Number(process.env.LMS_PORT || 8766);
const INVIGIL = `http://127.0.0.1:${INVIGIL_PORT}`;
const LMS = `http://localhost:${LMS_PORT}`;
const QUIZ_URL = `${LMS}/mod/quiz/view.php?id=42`;

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
export const TOKEN = `${b64({ alg: 'HS256' })}.${b64({ exam: 'exam-1', exp: Math.floor(Date.now() / 1000) + 4 * 3600, sub: '3' })}.sig`;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

const state = {
  session: null,
  log: { frames: [], events: [], liveness: [], calls: [] },
  failures: { status: 0, times: 0 },
  identityTries: 0,
};

function freshSession() {
  return {
    id: 'sess-1',
    state: 'consent',
    exam: { id: 'exam-1', title: 'Final exam', course: 'Chemistry 101', frameIntervalSeconds: 3, quizUrl: QUIZ_URL,
      checks: ['camera', 'identity', 'liveness', 'browser', 'audio'] },
    consent: { version: '2026-11-1', sections: [
      { heading: 'What is captured', text: 'A camera picture every 3 seconds, the sound level of your room (never the sound itself) and whether you leave the quiz page.' },
      { heading: 'Who sees it', text: 'Your instructor, only for moments flagged for review.' },
      { heading: 'How long it is kept', text: 'Pictures are deleted after analysis unless they are evidence; evidence is deleted after 90 days.' },
      { heading: 'How to respond or appeal', text: 'You see your report and can respond before your instructor decides.' },
      { heading: 'If you decline', text: 'Your instructor is told and arranges another way.' },
    ] },
    identity: { required: true, reference: 'lms', status: 'pending', attemptsLeft: 3 },
    monitoring: { heartbeatSeconds: 15, nextSequence: 1, maxFrameBytes: 2097152 },
    student: { name: 'Stu Dent' },
    expiresAt: new Date(Date.now() + 4 * 3600e3).toISOString(),
  };
}
state.session = freshSession();

function send(res, status, body, headers = {}) {
  const json = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(json);
}

const problem = (res, status, code, detail, headers) => send(res, status, { status, code, title: code, detail }, headers);

async function body(req) {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function api(req, res, url) {
  const path = url.pathname.replace(/^\/api\/proctoring/, '');
  state.log.calls.push(`${req.method} ${path}`);
  if (req.headers.authorization !== `Bearer ${TOKEN}`) {
    return problem(res, 401, 'session_invalid', 'The session token is not valid. Open the activity again from your course page.');
  }
  const s = state.session;
  const data = await body(req);
  if (req.method === 'GET' && path === '/session') {
    return send(res, 200, s);
  }
  const m = path.match(/^\/sessions\/([^/]+)\/(.+)$/);
  if (!m || m[1] !== s.id) {
    return problem(res, 404, 'not_found', 'No such session.');
  }
  const action = m[2];
  if ((action === 'frames' || action === 'events') && state.failures.times > 0) {
    state.failures.times -= 1;
    return problem(res, state.failures.status, 'mock_failure', 'Failing on purpose.', { 'Retry-After': '1' });
  }
  switch (action) {
    case 'consent': {
      const { decision } = JSON.parse(data.toString() || '{}');
      s.state = decision === 'accept' ? 'system-check' : 'declined';
      return send(res, 200, s);
    }
    case 'system-check':
      if (s.state === 'system-check') {
        s.state = 'identity';
      }
      return send(res, 200, { ok: true, faces: 1, brightness: 128, sharpness: 42, advice: ['Keep your face in the middle of the picture.'] });
    case 'identity': {
      state.identityTries += 1;
      if (state.identityTries === 1) {
        s.identity.attemptsLeft = 2;
        return send(res, 200, { status: 'retry', message: 'Your face was too dark to compare. Face a light and try again.', attemptsLeft: 2, session: s });
      }
      s.identity.status = 'verified';
      s.state = 'liveness';
      return send(res, 200, { status: 'verified', message: 'Your photo matches.', attemptsLeft: 1, session: s });
    }
    case 'identity/review':
      s.identity.status = 'needs-review';
      s.state = s.state === 'identity' ? 'liveness' : 'ready';
      return send(res, 200, s);
    case 'liveness':
      return send(res, 200, { challenge: 'c1', steps: ['blink', 'turn-left'], framesPerStep: 4, frameIntervalMs: 150 });
    case 'start':
      s.state = 'monitoring';
      return send(res, 200, s);
    case 'end':
      s.state = 'ended';
      return send(res, 200, s);
    case 'frames': {
      const sequence = Number(req.headers['invigil-sequence']);
      if (data[0] !== 0xff || data[1] !== 0xd8) {
        return problem(res, 415, 'not_jpeg', 'The frame is not a JPEG.');
      }
      if (state.log.frames.some((f) => f.sequence === sequence)) {
        return problem(res, 409, 'sequence_replayed', 'Already received.');
      }
      state.log.frames.push({ sequence, bytes: data.length, capturedAt: req.headers['invigil-captured-at'] });
      s.monitoring.nextSequence = Math.max(s.monitoring.nextSequence, sequence + 1);
      return send(res, 202, { sequence });
    }
    case 'events': {
      const { events } = JSON.parse(data.toString());
      const accepted = [];
      const duplicates = [];
      for (const e of events) {
        if (state.log.events.some((x) => x.sequence === e.sequence)) {
          duplicates.push(e.sequence);
        } else {
          accepted.push(e.sequence);
          state.log.events.push(e);
          s.monitoring.nextSequence = Math.max(s.monitoring.nextSequence, e.sequence + 1);
        }
      }
      if (!accepted.length) {
        return problem(res, 409, 'sequence_replayed', 'All duplicates.');
      }
      return send(res, 200, { accepted, duplicates });
    }
    default: {
      const live = action.match(/^liveness\/([^/]+)\/(frames|complete)$/);
      if (live && live[2] === 'frames') {
        state.log.liveness.push({ step: url.searchParams.get('step'), bytes: data.length });
        res.writeHead(204);
        return res.end();
      }
      if (live && live[2] === 'complete') {
        s.state = 'ready';
        return send(res, 200, { passed: true, message: 'Well done.', attemptsLeft: 2, session: s });
      }
      return problem(res, 404, 'not_found', 'No such call.');
    }
  }
}

async function serveFile(res, path) {
  const file = normalize(join(WEBAPP, decodeURIComponent(path)));
  if (!file.startsWith(WEBAPP)) {
    res.writeHead(403);
    return res.end();
  }
  try {
    const content = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
    return res.end(content);
  } catch {
    res.writeHead(404);
    return res.end('not found');
  }
}

const invigil = createServer(async (req, res) => {
  const url = new URL(req.url, INVIGIL);
  try {
    if (url.pathname.startsWith('/api/proctoring/')) {
      return await api(req, res, url);
    }
    if (url.pathname === '/mock/log') {
      return send(res, 200, { state: state.session.state, ...state.log });
    }
    if (url.pathname === '/mock/reset') {
      state.session = freshSession();
      state.log = { frames: [], events: [], liveness: [], calls: [] };
      state.identityTries = 0;
      return send(res, 200, { ok: true });
    }
    if (url.pathname === '/mock/fail') {
      state.failures = { status: Number(url.searchParams.get('status') || 503), times: Number(url.searchParams.get('times') || 1) };
      return send(res, 200, state.failures);
    }
    if (url.pathname === '/mock/state') {
      state.session.state = url.searchParams.get('state');
      return send(res, 200, state.session);
    }
    return await serveFile(res, url.pathname);
  } catch (error) {
    return problem(res, 500, 'mock_error', String(error));
  }
});

const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1>${body}<script src="${INVIGIL}/static/agent.js" defer></script></body></html>`;

const lms = createServer((req, res) => {
  const url = new URL(req.url, LMS);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  if (url.pathname === '/course/launch') {
    return res.end(page('Proctored exam (LMS launch page)',
        `<iframe id="lti" title="Invigil" style="width:100%;height:900px" allow="camera ${INVIGIL}; microphone ${INVIGIL}" src="${INVIGIL}/exam/journey.html?session=${TOKEN}"></iframe>`));
  }
  if (url.pathname.startsWith('/mod/quiz/')) {
    return res.end(page('Quiz', '<p>Question 1</p><label>Answer <input id="answer"></label><button id="finish">Finish attempt</button>'));
  }
  return res.end(page('Course', `<a href="/course/launch">Exam</a> <a href="${QUIZ_URL}">Quiz</a>`));
});

invigil.listen(INVIGIL_PORT, '127.0.0.1', () => lms.listen(LMS_PORT, 'localhost', () => {
  process.stdout.write(`Invigil mock ${INVIGIL}, LMS mock ${LMS}\njourney: ${INVIGIL}/exam/journey.html?session=${TOKEN}\n`);
}));
