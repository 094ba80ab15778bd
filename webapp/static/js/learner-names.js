/**
 * Names for students the platform launched by an anonymous id only (Open edX). edx-exams gives course staff an exam
 * roster, `custom.roster_url`, answering `[[anonymous_user_id, username], ...]` to the staff member's own edx-exams
 * session and to nobody else: this page reads it in the instructor's browser (a credentialed cross-origin fetch,
 * which edx-exams allows for the origins in its `CORS_ORIGIN_WHITELIST`) and hands the pairs to Invigil, which names
 * the exam's attempts that still carry only the id. Invigil's server never calls the roster URL.
 */

const CORS_HINT = 'the Open edX operator must add this Invigil address to edx-exams\' CORS_ORIGIN_WHITELIST';

/**
 * Reads the roster and hands it over. Resolves to `{ok, named, message}`; never rejects.
 * `fetch` is the browser's (or a test's); `origin` is this page's, named in the hint when the browser refuses.
 */
export async function shareLearnerNames({ rosterUrl, examId, token, fetch, origin }) {
  let roster;
  try {
    const answer = await fetch(rosterUrl, { credentials: 'include', headers: { Accept: 'application/json' } });
    if (!answer.ok) {
      return failed(`The platform refused its roster (HTTP ${answer.status}): open Invigil again from the exam's `
          + 'instructor dashboard, signed in to the platform.');
    }
    roster = await answer.json();
  } catch {
    return failed(`The browser could not read the platform's roster: ${CORS_HINT} (${origin}).`);
  }
  if (!Array.isArray(roster)) {
    return failed('The platform\'s roster is not the list of [anonymous id, username] pairs Open edX answers.');
  }
  let put;
  try {
    put = await fetch(`/api/review/exams/${encodeURIComponent(examId)}/learner-names`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(roster),
    });
  } catch {
    return failed('Invigil could not be reached to take the roster; reload the page to try again.');
  }
  const body = await put.json().catch(() => ({}));
  if (!put.ok) {
    return failed(`Invigil refused the roster (HTTP ${put.status}): ${body.detail || 'no reason given'}`);
  }
  const named = Number(body.named) || 0;
  const listed = Number(body.listed) || 0;
  return {
    ok: true,
    named,
    message: `Learners' names read from the platform's roster (${listed} listed).`,
  };
}

function failed(message) {
  return { ok: false, named: 0, message };
}

/** Runs on the instructor page: shows the outcome and reloads once when attempts were named, so the tables show it. */
export async function start(document, window) {
  const line = document.getElementById('learner-names');
  const token = new URL(window.location.href).searchParams.get('session');
  const outcome = await shareLearnerNames({
    rosterUrl: line.dataset.roster, examId: line.dataset.exam, token, fetch: window.fetch.bind(window),
    origin: window.location.origin,
  });
  line.textContent = outcome.message;
  line.className = outcome.ok ? 'muted' : 'problem';
  line.dataset.named = String(outcome.named);
  if (outcome.named > 0) {
    // the tables below were drawn with the ids: draw them again with the names
    line.dataset.state = 'reloading';
    window.location.reload();
    return;
  }
  line.dataset.state = outcome.ok ? 'done' : 'failed';
}

if (typeof document !== 'undefined' && document.getElementById('learner-names')) {
  start(document, window);
}
