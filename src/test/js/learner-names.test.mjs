import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shareLearnerNames } from '../../../webapp/static/js/learner-names.js';

const ROSTER = 'https://exams.edx.example/lti/exam/7/roster';

/** A fetch that answers from a table of handlers and records every call. */
function fakeFetch(handlers) {
  const calls = [];
  const fetch = async (url, init = {}) => {
    calls.push({ url, init });
    const handler = handlers[url];
    if (!handler) {
      throw new Error(`unexpected call to ${url}`);
    }
    return handler(init);
  };
  return { fetch, calls };
}

function json(status, body) {
  return { ok: status >= 200 && status < 300, status, json: async () => body };
}

const share = (fetch) => shareLearnerNames({ rosterUrl: ROSTER, examId: 'exam 1', token: 'tok', fetch,
  origin: 'https://invigil.example' });

test('reads the roster with the browser session and hands the pairs over as they came', async () => {
  const pairs = [['a1', 'ada'], ['b2', 'bob']];
  const { fetch, calls } = fakeFetch({
    [ROSTER]: () => json(200, pairs),
    '/api/review/exams/exam%201/learner-names': () => json(200, { listed: 2, named: 1, unknown: 0 }),
  });
  const outcome = await share(fetch);
  assert.deepEqual(outcome, { ok: true, named: 1, message: 'Learners\' names read from the platform\'s roster (2 listed).' });
  assert.equal(calls[0].init.credentials, 'include', 'edx-exams answers the instructor\'s own session only');
  assert.equal(calls[1].init.method, 'PUT');
  assert.equal(calls[1].init.headers.Authorization, 'Bearer tok');
  assert.deepEqual(JSON.parse(calls[1].init.body), pairs);
});

test('a roster the browser may not read names the CORS setting and this origin, and sends nothing', async () => {
  const { fetch, calls } = fakeFetch({ [ROSTER]: () => { throw new TypeError('Failed to fetch'); } });
  const outcome = await share(fetch);
  assert.equal(outcome.ok, false);
  assert.match(outcome.message, /CORS_ORIGIN_WHITELIST \(https:\/\/invigil\.example\)/);
  assert.equal(calls.length, 1);
});

test('a refused roster says so with its status', async () => {
  const { fetch, calls } = fakeFetch({ [ROSTER]: () => json(403, { detail: 'x' }) });
  const outcome = await share(fetch);
  assert.equal(outcome.ok, false);
  assert.match(outcome.message, /HTTP 403/);
  assert.equal(calls.length, 1);
});

test('an answer that is not a list of pairs is not handed over', async () => {
  const { fetch, calls } = fakeFetch({ [ROSTER]: () => json(200, { detail: 'Authentication credentials were not provided.' }) });
  const outcome = await share(fetch);
  assert.equal(outcome.ok, false);
  assert.equal(calls.length, 1);
});

test('Invigil\'s refusal is shown with its detail', async () => {
  const { fetch } = fakeFetch({
    [ROSTER]: () => json(200, [['a1', '']]),
    '/api/review/exams/exam%201/learner-names': () => json(400, { detail: 'Item 0 of the roster has a username that is empty.' }),
  });
  const outcome = await share(fetch);
  assert.equal(outcome.ok, false);
  assert.match(outcome.message, /HTTP 400\): Item 0 of the roster/);
});
