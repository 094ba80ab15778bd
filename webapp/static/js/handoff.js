/**
 * The hand-off from the journey (in the LMS's launch iframe) to the exam-page agent (proctoring API, "From the launch
 * to the quiz pages, without third-party cookies").
 */
import { tokenClaims } from './token.js';
import { SUBJECTS } from './page-events.js';

/** The monitor's URL for a token: the token travels in the fragment. */
export function monitorUrl(origin, token) {
  return `${origin}/exam/monitor.html#session=${encodeURIComponent(token)}`;
}

/**
 * The hand-off message, or null when the exam has no quiz URL (then only the companion window can monitor).
 * examId: `session.exam.id`, else the token's `exam` claim, else the session id.
 * expiresAt: `session.expiresAt`, else the token's `exp`.
 */
export function buildHandoff(session, token, origin) {
  const exam = (session && session.exam) || {};
  const quizUrl = typeof exam.quizUrl === 'string' && /^https?:\/\//i.test(exam.quizUrl) ? exam.quizUrl : null;
  if (!quizUrl || !token) {
    return null;
  }
  const claims = tokenClaims(token);
  const examId = String(exam.id || claims.exam || session.id || '');
  const expiresAt = validIso(session.expiresAt)
      || (Number.isFinite(claims.exp) ? new Date(claims.exp * 1000).toISOString() : null)
      || new Date(Date.now() + 4 * 3600 * 1000).toISOString();
  return { subject: SUBJECTS.handoff, examId, quizUrl, monitorUrl: monitorUrl(origin, token), expiresAt };
}

function validIso(value) {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(Date.parse(value)).toISOString()
    : null;
}
