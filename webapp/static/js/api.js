/**
 * The proctoring API (src/site/proctoring-api.md) as the browser calls it: JSON and JPEG under /api/proctoring, the
 * tool session token as a Bearer header, no cookies. Failures become ApiError with a sentence for the student.
 */

export class ApiError extends Error {
  constructor({ status = 0, code = null, title = null, detail }) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
  }
}

/** What to tell the student when the server gave no `detail`. */
export function fallbackDetail(status) {
  if (status === 0) {
    return 'We could not reach Invigil. Check your internet connection, then try again.';
  }
  if (status === 401) {
    return 'Your session has expired or is not valid. Open the exam again from your course page.';
  }
  if (status === 403) {
    return 'This exam session belongs to someone else. Open the exam again from your own course page.';
  }
  if (status === 404) {
    return 'Invigil could not find this exam session. Open the exam again from your course page.';
  }
  if (status === 409) {
    return 'This step is already done or not available now. Reload the page to see where you are.';
  }
  if (status >= 500) {
    return 'Invigil could not answer just now. Wait a minute, then try again.';
  }
  return `Invigil could not do this (error ${status}). Try again, or contact your instructor if it keeps happening.`;
}

/** Reads an answer's body: JSON when it says so, else null. */
export async function readBody(response) {
  const type = (response.headers && response.headers.get && response.headers.get('Content-Type')) || '';
  if (response.status === 204 || !/json/i.test(type)) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export class ProctoringApi {
  /**
   * @param {object} options
   * @param {string} options.token the tool session token
   * @param {string} [options.base] the origin of Invigil ('' = this page's)
   * @param {typeof fetch} [options.fetch]
   */
  constructor({ token, base = '', fetch: fetchImpl = (...args) => globalThis.fetch(...args) }) {
    this.token = token;
    this.root = `${base}/api/proctoring`;
    this.fetch = fetchImpl;
  }

  headers(extra = {}) {
    return { Authorization: `Bearer ${this.token}`, Accept: 'application/json, application/problem+json', ...extra };
  }

  /** One call; resolves to the JSON answer (or null), rejects with ApiError. */
  async call(method, path, { json, jpeg, headers } = {}) {
    const init = { method, headers: this.headers(headers), credentials: 'omit', cache: 'no-store' };
    if (json !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(json);
    } else if (jpeg !== undefined) {
      init.headers['Content-Type'] = 'image/jpeg';
      init.body = jpeg;
    }
    let response;
    try {
      response = await this.fetch(this.root + path, init);
    } catch {
      throw new ApiError({ status: 0, detail: fallbackDetail(0) });
    }
    const body = await readBody(response);
    if (!response.ok) {
      throw new ApiError({
        status: response.status,
        code: body && body.code,
        title: body && body.title,
        detail: (body && typeof body.detail === 'string' && body.detail) || fallbackDetail(response.status),
      });
    }
    return body;
  }

  session() {
    return this.call('GET', '/session');
  }

  consent(id, decision, version) {
    return this.call('POST', `/sessions/${enc(id)}/consent`, { json: { decision, version } });
  }

  /** The analysis of one frame, plus the upload's size and duration for the speed estimate. */
  async systemCheck(id, jpeg) {
    const started = now();
    const result = await this.call('POST', `/sessions/${enc(id)}/system-check`, { jpeg });
    return { result: result || {}, bytes: jpeg.size ?? jpeg.byteLength ?? 0, ms: Math.max(1, now() - started) };
  }

  identity(id, jpeg) {
    return this.call('POST', `/sessions/${enc(id)}/identity`, { jpeg });
  }

  identityReview(id) {
    return this.call('POST', `/sessions/${enc(id)}/identity/review`);
  }

  livenessStart(id) {
    return this.call('POST', `/sessions/${enc(id)}/liveness`);
  }

  livenessNext(id, challenge) {
    return this.call('POST', `/sessions/${enc(id)}/liveness/${enc(challenge)}/next`);
  }

  livenessFrame(id, challenge, step, jpeg) {
    return this.call('POST', `/sessions/${enc(id)}/liveness/${enc(challenge)}/frames?step=${step}`, { jpeg });
  }

  livenessComplete(id, challenge) {
    return this.call('POST', `/sessions/${enc(id)}/liveness/${enc(challenge)}/complete`);
  }

  start(id) {
    return this.call('POST', `/sessions/${enc(id)}/start`);
  }

  end(id) {
    return this.call('POST', `/sessions/${enc(id)}/end`);
  }

  /** LTI Proctoring Services: the signed LtiStartAssessment message, `{url, jwt}`, to post from the top window. */
  startAssessment(id) {
    return this.call('POST', `/sessions/${enc(id)}/assessment`);
  }

  /** The exam-page agent saw the student on a quiz page of that kind (quiz, attempt, summary, submitted). */
  quizPage(id, page, at) {
    return this.call('POST', `/sessions/${enc(id)}/quiz-pages`, { json: { page, at } });
  }

  /** A block of sequence numbers for one monitor, so that two monitors of one session never reuse a number. */
  monitor(id) {
    return this.call('POST', `/sessions/${enc(id)}/monitors`);
  }

  /**
   * Monitoring uploads for the delivery queue: never throws for an HTTP answer, resolves to
   * `{status, code, detail, retryAfter, body, bytes}`; rejects only when the network failed.
   */
  async upload(id, kind, items) {
    let init;
    let path;
    let bytes;
    if (kind === 'frame') {
      const [frame] = items;
      path = `/sessions/${enc(id)}/frames`;
      bytes = frame.bytes.byteLength;
      init = {
        method: 'POST',
        headers: this.headers({
          'Content-Type': 'image/jpeg',
          'Invigil-Sequence': String(frame.sequence),
          'Invigil-Captured-At': frame.capturedAt,
        }),
        body: frame.bytes,
      };
    } else {
      path = `/sessions/${enc(id)}/events`;
      const body = JSON.stringify({
        events: items.map(({ sequence, type, at, data }) => ({ sequence, type, at, data: data || {} })),
      });
      bytes = new TextEncoder().encode(body).byteLength;
      init = { method: 'POST', headers: this.headers({ 'Content-Type': 'application/json' }), body };
    }
    init.credentials = 'omit';
    init.cache = 'no-store';
    const response = await this.fetch(this.root + path, init);
    const body = await readBody(response);
    return {
      status: response.status,
      code: body && body.code,
      detail: body && body.detail,
      retryAfter: response.headers && response.headers.get ? response.headers.get('Retry-After') : null,
      body,
      bytes,
    };
  }
}

function enc(value) {
  return encodeURIComponent(String(value));
}

function now() {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
