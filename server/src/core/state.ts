// The engine's memory: the caches and memos that make analysing a document again after a keystroke
// cheap (blocks, readings of lines and rows, zones, render pieces). Each service owns one EngineState
// and runs every request inside it (`within`). A module declares what it keeps once, at module level,
// with `kept` (or `keptMap`, `keptWeakMap`, `keptTextMemo`, `keptCarried`) and gets the running
// service's own copy: two services never share memory, `dispose()` frees it all, and a new service
// is a cold run. Outside any service (a unit test calling a parser directly) nothing is kept.
//
// This file holds the core's one module-level variable, the state of the request that is running.
// The core is synchronous, so a request's state cannot leak into another's.

/** What one service keeps between requests. */
export class EngineState {
  private readonly values = new Map<object, unknown>();

  /** @internal The value kept for `slot`, made on first use. */
  value<T>(slot: object, make: () => T): T {
    let v = this.values.get(slot) as T | undefined;
    if (v === undefined) this.values.set(slot, (v = make()));
    return v;
  }

  /** Frees everything kept; the next request starts cold. */
  dispose(): void {
    this.values.clear();
  }
}

let running: EngineState | undefined;

/** Runs `work` with `state` as the engine's memory (requests may nest; the outer state comes back). */
export function within<T>(state: EngineState, work: () => T): T {
  const outer = running;
  running = state;
  try {
    return work();
  } finally {
    running = outer;
  }
}

/** Runs later work (a part of a model made when first asked for) in the state running now. */
export function resumable(): <T>(work: () => T) => T {
  const state = running;
  return (work) => (state ? within(state, work) : work());
}

/** Declares something a module keeps: the running service's own value, made by `make` on first use. */
export function kept<T>(make: () => T): () => T {
  const slot = Object.freeze({});
  return () => (running ? running.value(slot, make) : make());
}

/** A Map kept per service (the methods the core uses). */
export interface KeptMap<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  has(key: K): boolean;
  delete(key: K): boolean;
  clear(): void;
  readonly size: number;
  keys(): IterableIterator<K>;
  values(): IterableIterator<V>;
}

export function keptMap<K, V>(): KeptMap<K, V> {
  const map = kept(() => new Map<K, V>());
  return Object.freeze({
    get: (key: K) => map().get(key),
    set: (key: K, value: V) => void map().set(key, value),
    has: (key: K) => map().has(key),
    delete: (key: K) => map().delete(key),
    clear: () => map().clear(),
    get size() {
      return map().size;
    },
    keys: () => map().keys(),
    values: () => map().values(),
  });
}

/** A WeakMap kept per service. */
export interface KeptWeakMap<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  has(key: K): boolean;
}

export function keptWeakMap<K extends object, V>(): KeptWeakMap<K, V> {
  const map = kept(() => new WeakMap<K, V>());
  return Object.freeze({
    get: (key: K) => map().get(key),
    set: (key: K, value: V) => void map().set(key, value),
    has: (key: K) => map().has(key),
  });
}
