import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT_TYPES, ownEventType } from '../../../webapp/static/js/page-events.js';

const hidden = { visibilityState: 'hidden', fullscreenElement: null };
const visible = { visibilityState: 'visible', fullscreenElement: null };

test('a companion window\'s own blur, focus and visibility are not the student\'s behaviour', () => {
  for (const type of ['blur', 'focus', 'visibilitychange']) {
    assert.equal(ownEventType(type, hidden, { embedded: false }), null, type);
    assert.equal(ownEventType(type, visible, { embedded: false }), null, type);
  }
});

test('embedded, the monitor\'s focus is not the quiz page\'s, but its visibility is', () => {
  assert.equal(ownEventType('blur', visible, { embedded: true }), null);
  assert.equal(ownEventType('focus', visible, { embedded: true }), null);
  assert.equal(ownEventType('visibilitychange', hidden, { embedded: true }), 'page-hidden');
  assert.equal(ownEventType('visibilitychange', visible, { embedded: true }), 'page-visible');
});

test('what the student does in the monitor window itself still counts in both modes', () => {
  for (const embedded of [true, false]) {
    assert.equal(ownEventType('copy', visible, { embedded }), 'copy');
    assert.equal(ownEventType('paste', visible, { embedded }), 'paste');
    assert.equal(ownEventType('beforeprint', visible, { embedded }), 'print');
    assert.equal(ownEventType('contextmenu', visible, { embedded }), 'context-menu');
    assert.equal(ownEventType('fullscreenchange', visible, { embedded }), 'fullscreen-exit');
    assert.equal(ownEventType('keydown', visible, { embedded }), null);
  }
});

test('the monitor may report a monitoring gap', () => {
  assert.ok(EVENT_TYPES.includes('monitoring-gap'));
});
