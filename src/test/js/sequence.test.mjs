import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SequenceCounter } from '../../../webapp/static/js/sequence.js';

test('starts at the server nextSequence and never repeats', () => {
  const counter = new SequenceCounter({ start: 7 });
  assert.deepEqual([counter.next(), counter.next(), counter.next()], [7, 8, 9]);
});

test('continues past numbers persisted or still queued by an earlier page', () => {
  assert.equal(new SequenceCounter({ start: 5, persisted: 12 }).next(), 12);
  assert.equal(new SequenceCounter({ start: 5, highestQueued: 20 }).next(), 21);
  assert.equal(new SequenceCounter({ start: 30, persisted: 12, highestQueued: 20 }).next(), 30);
});

test('persists the next free number after each allocation', () => {
  const persisted = [];
  const counter = new SequenceCounter({ start: 1, persist: (n) => persisted.push(n) });
  counter.next();
  counter.next();
  assert.deepEqual(persisted, [1, 2, 3]);
});

test('ignores nonsense starts', () => {
  assert.equal(new SequenceCounter({ start: 'x', persisted: -4 }).next(), 1);
});
