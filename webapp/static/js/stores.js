/**
 * Where the monitor keeps what it has not delivered yet, so that a reload, a new quiz page or a browser that went
 * offline loses nothing: IndexedDB when the browser allows it, else localStorage, else memory only.
 * Each store holds the items of one proctoring session.
 */

export class MemoryStore {
  constructor() {
    this.map = new Map();
  }

  all() {
    return [...this.map.values()];
  }

  put(item) {
    this.map.set(item.sequence, item);
  }

  remove(sequences) {
    for (const sequence of sequences) {
      this.map.delete(sequence);
    }
  }
}

/** localStorage keeps strings only: frame bytes travel as base64. Bounded by the queue's frame limit. */
export class LocalStorageStore {
  constructor(sessionKey, storage) {
    this.key = `invigil.queue.${sessionKey}`;
    this.storage = storage;
  }

  read() {
    try {
      const parsed = JSON.parse(this.storage.getItem(this.key) || '[]');
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }

  write(records) {
    this.storage.setItem(this.key, JSON.stringify(records));
  }

  all() {
    return this.read().map((record) => (record.kind === 'frame'
      ? { ...record, bytes: fromBase64(record.bytes) } : record));
  }

  put(item) {
    const records = this.read().filter((record) => record.sequence !== item.sequence);
    records.push(item.kind === 'frame' ? { ...item, bytes: toBase64(item.bytes) } : item);
    this.write(records);
  }

  remove(sequences) {
    const gone = new Set(sequences);
    this.write(this.read().filter((record) => !gone.has(record.sequence)));
  }
}

export class IndexedDbStore {
  constructor(db, sessionKey) {
    this.db = db;
    this.session = sessionKey;
  }

  transaction(mode, work) {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction('items', mode);
      const result = work(tx.objectStore('items'));
      tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }

  async all() {
    const records = await this.transaction('readonly', (store) => store.index('session').getAll(this.session));
    return (records || []).map(({ id, session, ...item }) => item);
  }

  put(item) {
    return this.transaction('readwrite', (store) => {
      store.put({ ...item, id: `${this.session}|${item.sequence}`, session: this.session });
    });
  }

  remove(sequences) {
    return this.transaction('readwrite', (store) => {
      for (const sequence of sequences) {
        store.delete(`${this.session}|${sequence}`);
      }
    });
  }
}

/** The best store this browser offers for the session. */
export async function openQueueStore(sessionKey, scope = globalThis) {
  try {
    if (scope.indexedDB) {
      const db = await new Promise((resolve, reject) => {
        const request = scope.indexedDB.open('invigil-monitor', 1);
        request.onupgradeneeded = () => {
          const store = request.result.createObjectStore('items', { keyPath: 'id' });
          store.createIndex('session', 'session');
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('IndexedDB blocked'));
      });
      return { store: new IndexedDbStore(db, sessionKey), kind: 'indexeddb' };
    }
  } catch {
    // private windows and some embedded contexts refuse IndexedDB: fall back
  }
  try {
    const storage = scope.localStorage;
    const probe = '__invigil_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return { store: new LocalStorageStore(sessionKey, storage), kind: 'localstorage' };
  } catch {
    return { store: new MemoryStore(), kind: 'memory' };
  }
}

/** A number kept in localStorage when possible (the sequence counter), in memory otherwise. */
export function persistentNumber(key, scope = globalThis) {
  let memory = 0;
  return {
    read() {
      try {
        const value = Number(scope.localStorage.getItem(key));
        return Number.isFinite(value) ? Math.max(value, memory) : memory;
      } catch {
        return memory;
      }
    },
    write(value) {
      memory = value;
      try {
        scope.localStorage.setItem(key, String(value));
      } catch {
        // memory only
      }
    },
  };
}

export function toBase64(bytes) {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes || []);
  if (typeof Buffer !== 'undefined') {
    return Buffer.from(view).toString('base64');
  }
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text) {
  if (typeof text !== 'string') {
    return new Uint8Array(0);
  }
  if (typeof Buffer !== 'undefined') {
    return new Uint8Array(Buffer.from(text, 'base64'));
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}
