/**
 * Page events the monitor reports (proctoring API, "Event types"), and how DOM events map to them. The exam-page
 * agent (static/agent.js, a classic script) carries its own copy of the same mapping for the quiz page.
 */
export const EVENT_TYPES = Object.freeze([
  'page-hidden', 'page-visible', 'focus-lost', 'focus-regained', 'fullscreen-exit', 'fullscreen-enter',
  'copy', 'cut', 'paste', 'print', 'context-menu', 'multiple-screens', 'camera-ended', 'camera-muted',
  'camera-unmuted', 'heartbeat', 'audio-voice', 'audio-noise', 'monitoring-gap',
]);

/** The event types an agent may forward from the quiz page. */
export const FORWARDABLE_TYPES = Object.freeze([
  'page-hidden', 'page-visible', 'focus-lost', 'focus-regained', 'fullscreen-exit', 'fullscreen-enter',
  'copy', 'cut', 'paste', 'print', 'context-menu',
]);

/**
 * The kinds of quiz page the agent tells apart (lti-config/agent.md): reported as sightings, which measure the quiz's
 * time for the result's coverage; `submitted` ends the attempt.
 */
export const QUIZ_PAGES = Object.freeze(['quiz', 'attempt', 'summary', 'submitted']);

/** Message subjects between the journey, the agent and the monitor. */
export const SUBJECTS = Object.freeze({
  handoff: 'org.invigil.monitor.handoff',
  handoffReceived: 'org.invigil.monitor.handoff.received',
  pageEvent: 'org.invigil.monitor.event',
  resize: 'org.invigil.monitor.resize',
});

/** The event type for a DOM event, or null. `doc` gives visibilityState and fullscreenElement. */
export function eventTypeFor(domType, doc) {
  switch (domType) {
    case 'visibilitychange':
      return doc && doc.visibilityState === 'hidden' ? 'page-hidden' : 'page-visible';
    case 'blur':
      return 'focus-lost';
    case 'focus':
      return 'focus-regained';
    case 'fullscreenchange':
      return doc && doc.fullscreenElement ? 'fullscreen-enter' : 'fullscreen-exit';
    case 'copy':
    case 'cut':
    case 'paste':
      return domType;
    case 'beforeprint':
      return 'print';
    case 'contextmenu':
      return 'context-menu';
    default:
      return null;
  }
}

/**
 * The event type for a DOM event of the monitor's own document, or null when that event says nothing about the
 * student. Focus of the monitor's own document never counts: embedded, the agent forwards the quiz page's focus;
 * in a companion window, the window losing focus is the student going back to the quiz. A companion window's own
 * visibility does not count either: putting the monitor behind or beside the quiz, or minimising it, is how the
 * companion window is meant to be used (the camera keeps its cadence, see cadence.js). Embedded, the monitor is
 * part of the quiz page, so its visibility is the quiz page's.
 */
export function ownEventType(domType, doc, { embedded }) {
  if (domType === 'blur' || domType === 'focus') {
    return null;
  }
  if (domType === 'visibilitychange' && !embedded) {
    return null;
  }
  return eventTypeFor(domType, doc);
}

const PAIRS = {
  'page-hidden': ['visibility', 'hidden'], 'page-visible': ['visibility', 'visible'],
  'focus-lost': ['focus', 'lost'], 'focus-regained': ['focus', 'regained'],
  'fullscreen-exit': ['fullscreen', 'exit'], 'fullscreen-enter': ['fullscreen', 'enter'],
};

/**
 * Reports a paired state (visibility, focus, fullscreen) only when it changes, so that the same tab switch seen
 * both by the monitor's own document and by the agent in the quiz page is reported once. Other types always pass.
 */
export class TransitionFilter {
  constructor(initial = {}) {
    this.state = { visibility: 'visible', focus: 'regained', fullscreen: 'exit', ...initial };
  }

  accept(type) {
    const pair = PAIRS[type];
    if (!pair) {
      return true;
    }
    const [key, value] = pair;
    if (this.state[key] === value) {
      return false;
    }
    this.state[key] = value;
    return true;
  }
}

/**
 * A page event forwarded by the agent, validated: `{type, at}`, a quiz-page sighting `{type: 'quiz-page', page, at}`,
 * or null. Only the subject, a forwardable type (or a known page kind) and an ISO time (else now) are taken; nothing
 * else from the message is trusted.
 */
export function forwardedEvent(message, now = () => new Date()) {
  if (!message || typeof message !== 'object' || message.subject !== SUBJECTS.pageEvent) {
    return null;
  }
  const sighting = message.type === 'quiz-page' && QUIZ_PAGES.includes(message.page);
  if (!FORWARDABLE_TYPES.includes(message.type) && !sighting) {
    return null;
  }
  const at = typeof message.at === 'string' && !Number.isNaN(Date.parse(message.at))
    ? new Date(Date.parse(message.at)).toISOString() : now().toISOString();
  return sighting ? { type: 'quiz-page', page: message.page, at } : { type: message.type, at };
}
