// A small promise wrapper over IndexedDB for the wallet. Falls back to memory where IndexedDB is
// unavailable (some private windows): the wallet then lasts as long as the tab.

export const STORE_NAMES = ['meta', 'tokens', 'receipts', 'seats', 'outbox'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

const NAME = 'greenroom-wallet';
const VERSION = 2;
const KEY_PATHS: Record<StoreName, string | null> = {
  meta: null,
  tokens: 'id',
  receipts: 'receipt',
  seats: 'focusGroupId',
  outbox: 'id',
};

export interface WalletStore {
  all<T>(store: StoreName): Promise<T[]>;
  get<T>(store: StoreName, key: string): Promise<T | undefined>;
  put(store: StoreName, value: unknown, key?: string): Promise<void>;
  remove(store: StoreName, key: string): Promise<void>;
  /** Deletes every record of a store. */
  clear(store: StoreName): Promise<void>;
}

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

function openDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open(NAME, VERSION);
  request.onupgradeneeded = () => {
    for (const [store, keyPath] of Object.entries(KEY_PATHS)) {
      if (!request.result.objectStoreNames.contains(store)) {
        request.result.createObjectStore(store, keyPath ? { keyPath } : undefined);
      }
    }
  };
  return done(request);
}

function indexedDbStore(database: IDBDatabase): WalletStore {
  const objectStore = (store: StoreName, mode: IDBTransactionMode) =>
    database.transaction(store, mode).objectStore(store);
  const write = (request: IDBRequest) =>
    new Promise<void>((resolve, reject) => {
      request.transaction!.oncomplete = () => resolve();
      request.transaction!.onerror = () => reject(request.transaction!.error);
      request.transaction!.onabort = () => reject(request.transaction!.error);
    });
  return {
    all: <T>(store: StoreName) => done(objectStore(store, 'readonly').getAll()) as Promise<T[]>,
    get: <T>(store: StoreName, key: string) =>
      done(objectStore(store, 'readonly').get(key)) as Promise<T | undefined>,
    put: (store, value, key) => write(objectStore(store, 'readwrite').put(value, key)),
    remove: (store, key) => write(objectStore(store, 'readwrite').delete(key)),
    clear: (store) => write(objectStore(store, 'readwrite').clear()),
  };
}

function memoryStore(): WalletStore {
  const stores = new Map<StoreName, Map<string, unknown>>();
  const of = (store: StoreName) => {
    if (!stores.has(store)) stores.set(store, new Map());
    return stores.get(store)!;
  };
  const keyOf = (store: StoreName, value: unknown, key?: string) =>
    key ?? String((value as Record<string, unknown>)[KEY_PATHS[store]!]);
  return {
    all: async <T>(store: StoreName) => [...of(store).values()] as T[],
    get: async <T>(store: StoreName, key: string) => of(store).get(key) as T | undefined,
    put: async (store, value, key) => void of(store).set(keyOf(store, value, key), structuredClone(value)),
    remove: async (store, key) => void of(store).delete(key),
    clear: async (store) => void of(store).clear(),
  };
}

export async function openWalletStore(): Promise<{ store: WalletStore; persistent: boolean }> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    return { store: indexedDbStore(await openDatabase()), persistent: true };
  } catch {
    return { store: memoryStore(), persistent: false };
  }
}
