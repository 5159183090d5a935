// Reading a big document for the first time (an open, a large paste) allocates a lot: parser
// garbage that outlives a young-generation collection lands in the old generation, V8 grows the
// heap to hold it and then keeps that memory for a long while. One full collection right after
// such a run hands it back (about 70 MB after opening a 1 MB post-mortem).
import v8 from 'node:v8';
import vm from 'node:vm';

/** A run that took this long did enough work to be worth a collection afterwards. */
export const HEAVY_RUN_MS = 500;

let collect: (() => void) | null | undefined;

/** A full garbage collection (the same `gc` that `--expose-gc` gives; a no-op if unavailable). */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
