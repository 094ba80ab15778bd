/*
 * Invigil exam-page agent (see lti-config/agent.md). An LMS administrator loads it once on every LMS page:
 *   <script src="https://INVIGIL/static/agent.js" defer></script>
 * 1. On the page that frames an Invigil launch it receives the journey's hand-off message (only from the origin this
 *    script was loaded from) and keeps it in this LMS origin's own sessionStorage: first-party, no cookies.
 * 2. On a page whose URL starts with a kept quizUrl (before its expiresAt) it embeds the Invigil monitor, small, in
 *    the bottom-left corner, and forwards the quiz page's events to it (visibility, focus, fullscreen,
 *    copy/cut/paste, print, context menu) by postMessage targeted at the Invigil origin. It also tells the monitor
 *    which kind of quiz page this is (quiz, attempt, summary, submitted): the result's coverage is measured over the
 *    quiz's time, and the page that shows the quiz submitted ends the attempt.
 * It never breaks the page: everything runs inside try/catch, and its only global is window.InvigilAgent.
 */
(function () {
  'use strict';
  var w = typeof window !== 'undefined' ? window : null;
  var d = typeof document !== 'undefined' ? document : null;
  try {
    if (!w || w.InvigilAgent) {
      return;
    }
    var HANDOFF = 'org.invigil.monitor.handoff';
    var HANDOFF_RECEIVED = 'org.invigil.monitor.handoff.received';
    var PAGE_EVENT = 'org.invigil.monitor.event';
    var RESIZE = 'org.invigil.monitor.resize';
    var STORAGE_KEY = 'invigil.handoffs';
    var QUIZ_STATE_KEY = 'invigil.quiz';
    var MAX_KEPT = 10;
    var FRAME_ID = 'invigil-monitor-frame';
    var SIZES = { normal: [280, 196], compact: [280, 92] };

    var scriptOrigin = function (doc) {
      var src = doc && doc.currentScript && doc.currentScript.src;
      if (!src && doc && doc.querySelector) {
        var found = doc.querySelector('script[src*="/static/agent.js"]');
        src = found && found.src;
      }
      return src ? new URL(src).origin : null;
    };

    var isHttpUrl = function (value) {
      try {
        return typeof value === 'string' && /^https?:$/.test(new URL(value).protocol);
      } catch (e) {
        return false;
      }
    };

    /** The hand-off in a message, checked, or null. */
    var validHandoff = function (data, invigilOrigin, nowMs) {
      if (!data || typeof data !== 'object' || data.subject !== HANDOFF || !invigilOrigin) {
        return null;
      }
      var expires = Date.parse(data.expiresAt);
      var monitorPrefix = invigilOrigin + '/exam/monitor.html#';
      if (!isHttpUrl(data.quizUrl) || typeof data.monitorUrl !== 'string'
          || data.monitorUrl.indexOf(monitorPrefix) !== 0 || !(expires > nowMs)
          || data.examId === undefined || data.examId === null || String(data.examId) === '') {
        return null;
      }
      return { examId: String(data.examId), quizUrl: data.quizUrl, monitorUrl: data.monitorUrl,
        expiresAt: new Date(expires).toISOString() };
    };

    /** The kept hand-offs that have not expired. */
    var readHandoffs = function (storage, nowMs) {
      try {
        var list = JSON.parse(storage.getItem(STORAGE_KEY) || '[]');
        return Array.isArray(list) ? list.filter(function (h) {
          return h && Date.parse(h.expiresAt) > nowMs && typeof h.quizUrl === 'string';
        }) : [];
      } catch (e) {
        return [];
      }
    };

    /** Keeps a hand-off, replacing an earlier one for the same exam; at most 10 are kept. */
    var storeHandoff = function (storage, handoff, nowMs) {
      var list = readHandoffs(storage, nowMs).filter(function (h) {
        return h.examId !== handoff.examId;
      });
      list.push(handoff);
      list = list.slice(-MAX_KEPT);
      try {
        storage.setItem(STORAGE_KEY, JSON.stringify(list));
      } catch (e) {
        // storage full or refused: the companion window remains
      }
      return list;
    };

    /**
     * True when the page belongs to the quiz: its URL starts with quizUrl (followed by nothing, "/", "?", "&" or
     * "#"). For a Moodle quiz (quizUrl …/mod/quiz/view.php?id=N) the attempt pages of the same quiz
     * (…/mod/quiz/attempt.php?attempt=A&cmid=N, summary.php, review.php) match too.
     */
    var matchesQuiz = function (pageUrl, quizUrl) {
      try {
        var page = new URL(pageUrl);
        var quiz = new URL(quizUrl);
        if (page.origin !== quiz.origin) {
          return false;
        }
        var q = quiz.href.split('#')[0];
        if (page.href.indexOf(q) === 0) {
          var next = page.href.charAt(q.length);
          if (next === '' || '/?&#'.indexOf(next) >= 0 || /[\/?&=]$/.test(q)) {
            return true;
          }
        }
        var cm = /\/mod\/quiz\/view\.php$/.test(quiz.pathname) && quiz.searchParams.get('id');
        if (cm) {
          var dir = quiz.pathname.replace(/view\.php$/, '');
          return page.pathname.indexOf(dir) === 0 && /^[a-z]+\.php$/.test(page.pathname.slice(dir.length))
              && (page.searchParams.get('cmid') === cm || page.searchParams.get('id') === cm);
        }
        return false;
      } catch (e) {
        return false;
      }
    };

    /** The most recent kept hand-off for this page, or null. */
    var handoffFor = function (pageUrl, list, nowMs) {
      for (var i = list.length - 1; i >= 0; i -= 1) {
        if (Date.parse(list[i].expiresAt) > nowMs && matchesQuiz(pageUrl, list[i].quizUrl)) {
          return list[i];
        }
      }
      return null;
    };

    /**
     * The kind of quiz page by its address: 'submitted' for Moodle's review.php (where "Submit all and finish" leads
     * when the quiz lets students review at once), 'summary' (Moodle's summary.php), 'attempt' (Moodle's attempt.php,
     * Canvas Classic Quizzes' …/quizzes/N/take), else 'quiz'.
     */
    var pageKind = function (pageUrl) {
      try {
        var path = new URL(pageUrl).pathname;
        if (/\/mod\/quiz\/review\.php$/.test(path)) {
          return 'submitted';
        }
        if (/\/mod\/quiz\/summary\.php$/.test(path)) {
          return 'summary';
        }
        if (/\/mod\/quiz\/attempt\.php$/.test(path) || /\/quizzes\/[^\/]+\/take(\/.*)?$/.test(path)) {
          return 'attempt';
        }
        return 'quiz';
      } catch (e) {
        return 'quiz';
      }
    };

    /**
     * True for the form that submits the whole attempt: Moodle's "Submit all and finish" (processattempt.php with
     * finishattempt=1) and Canvas Classic Quizzes' "Submit Quiz" (a POST to …/quizzes/N/submissions).
     */
    var submitsAttempt = function (form) {
      try {
        var action = String(form.getAttribute ? form.getAttribute('action') || '' : form.action || '');
        if (/\/quizzes\/[^\/]+\/submissions(\?|$)/.test(action)) {
          return true;
        }
        var finish = form.querySelector && form.querySelector('input[name="finishattempt"]');
        return /\/mod\/quiz\/processattempt\.php/.test(action) && !!finish && finish.value === '1';
      } catch (e) {
        return false;
      }
    };

    /**
     * The kind of this quiz page, knowing what the agent saw before in this tab: the quiz's own page reached right
     * after the attempt was submitted (Canvas always goes back to it; Moodle does when review is off) is 'submitted'.
     */
    var sightingKind = function (pageUrl, previous) {
      var kind = pageKind(pageUrl);
      if (kind === 'quiz' && previous && previous.submitting) {
        return 'submitted';
      }
      return kind;
    };

    /** The Invigil event type of a DOM event on the quiz page, or null. */
    var eventTypeFor = function (domType, doc) {
      switch (domType) {
        case 'visibilitychange': return doc && doc.visibilityState === 'hidden' ? 'page-hidden' : 'page-visible';
        case 'blur': return 'focus-lost';
        case 'focus': return 'focus-regained';
        case 'fullscreenchange': return doc && doc.fullscreenElement ? 'fullscreen-enter' : 'fullscreen-exit';
        case 'copy': case 'cut': case 'paste': return domType;
        case 'beforeprint': return 'print';
        case 'contextmenu': return 'context-menu';
        default: return null;
      }
    };

    var origin = scriptOrigin(d);
    var agent = {
      version: 1,
      origin: origin,
      validHandoff: validHandoff,
      readHandoffs: readHandoffs,
      storeHandoff: storeHandoff,
      matchesQuiz: matchesQuiz,
      handoffFor: handoffFor,
      pageKind: pageKind,
      submitsAttempt: submitsAttempt,
      sightingKind: sightingKind,
      eventTypeFor: eventTypeFor,
      embedded: null,
    };
    w.InvigilAgent = agent;

    var storage = function () {
      try {
        return w.sessionStorage;
      } catch (e) {
        return null;
      }
    };

    var frame = null;
    var frameLoaded = false;
    var pending = [];

    var post = function (message) {
      try {
        if (frame && frame.contentWindow) {
          frame.contentWindow.postMessage(message, origin);
        }
      } catch (e) {
        // never break the quiz page
      }
    };

    var forward = function (domEvent) {
      try {
        var type = eventTypeFor(domEvent.type, d);
        if (!type) {
          return;
        }
        var message = { subject: PAGE_EVENT, type: type, at: new Date().toISOString() };
        // Sent after the current task, in order: by then a blur that only moved the focus into the monitor itself
        // (not the student leaving the quiz) shows as the monitor frame being the active element.
        w.setTimeout(function () {
          try {
            if (type !== 'focus-lost' || d.activeElement !== frame) {
              send(message);
            }
          } catch (e) {
            // ignore
          }
        }, 0);
      } catch (e) {
        // ignore
      }
    };

    var send = function (message) {
      if (frameLoaded) {
        post(message);
      } else if (pending.length < 200) {
        pending.push(message);
      }
    };

    var reserveSpace = function (height) {
      try {
        var body = d.body;
        var current = parseFloat(w.getComputedStyle(body).paddingBottom) || 0;
        body.style.paddingBottom = (current + height + 16) + 'px';
      } catch (e) {
        // cosmetic only
      }
    };

    var embed = function (handoff) {
      if (d.getElementById(FRAME_ID)) {
        return;
      }
      frame = d.createElement('iframe');
      frame.id = FRAME_ID;
      frame.src = handoff.monitorUrl;
      frame.title = 'Invigil exam monitor: camera and connection status';
      frame.setAttribute('allow', 'camera; microphone; autoplay; window-management');
      frame.setAttribute('data-invigil-exam', handoff.examId);
      frame.style.cssText = 'position:fixed;left:12px;bottom:12px;width:' + SIZES.normal[0] + 'px;height:'
          + SIZES.normal[1] + 'px;border:1px solid #5b6478;border-radius:8px;background:#fff;'
          + 'box-shadow:0 2px 8px rgba(0,0,0,.25);z-index:2147483000;margin:0;padding:0;';
      frame.addEventListener('load', function () {
        frameLoaded = true;
        var queued = pending;
        pending = [];
        for (var i = 0; i < queued.length; i += 1) {
          post(queued[i]);
        }
      });
      d.body.appendChild(frame);
      reserveSpace(SIZES.normal[1]);
      var store = storage();
      var quizState = {};
      try {
        quizState = JSON.parse((store && store.getItem(QUIZ_STATE_KEY)) || '{}') || {};
      } catch (e) {
        quizState = {};
      }
      var kind = sightingKind(w.location.href, quizState[handoff.examId]);
      var remember = function (submitting) {
        try {
          quizState[handoff.examId] = { last: kind, submitting: submitting };
          if (store) {
            store.setItem(QUIZ_STATE_KEY, JSON.stringify(quizState));
          }
        } catch (e) {
          // the next page is then seen by its address only
        }
      };
      remember(false);
      send({ subject: PAGE_EVENT, type: 'quiz-page', page: kind, at: new Date().toISOString() });
      d.addEventListener('submit', function (event) {
        if (event && event.target && submitsAttempt(event.target)) {
          remember(true);
        }
      }, true);
      agent.embedded = handoff.examId;
      var listen = function (target, type) {
        target.addEventListener(type, forward, true);
      };
      listen(d, 'visibilitychange');
      listen(w, 'blur');
      listen(w, 'focus');
      listen(d, 'fullscreenchange');
      listen(d, 'copy');
      listen(d, 'cut');
      listen(d, 'paste');
      listen(w, 'beforeprint');
      listen(d, 'contextmenu');
    };

    var onMessage = function (event) {
      try {
        var data = event.data;
        if (!data || typeof data !== 'object' || event.origin !== origin) {
          return;
        }
        if (data.subject === HANDOFF) {
          var handoff = validHandoff(data, origin, Date.now());
          var store = storage();
          if (handoff && store) {
            storeHandoff(store, handoff, Date.now());
            if (event.source && event.source.postMessage) {
              event.source.postMessage({ subject: HANDOFF_RECEIVED, examId: handoff.examId }, event.origin);
            }
          }
        } else if (data.subject === RESIZE && frame && event.source === frame.contentWindow) {
          var size = SIZES[data.size] || SIZES.normal;
          frame.style.height = size[1] + 'px';
        }
      } catch (e) {
        // ignore
      }
    };

    var start = function () {
      try {
        if (!origin || w.location.origin === origin) {
          return;
        }
        var store = storage();
        var handoff = store ? handoffFor(w.location.href, readHandoffs(store, Date.now()), Date.now()) : null;
        if (handoff) {
          embed(handoff);
        }
      } catch (e) {
        // the quiz page stays as it was
      }
    };

    w.addEventListener('message', onMessage);
    if (d && d.body) {
      start();
    } else if (d) {
      d.addEventListener('DOMContentLoaded', start);
    }
  } catch (e) {
    // never break the LMS page
  }
}());
