// Requests honour $/cancelRequest. vscode-jsonrpc cancels a request's token when the notification
// is read: before dispatch if it came in the same read as the request (the handler still runs),
// else while the handler runs; and it answers a thrown ResponseError as the response. What it cannot
// do is interrupt our synchronous core, so handlers yield at the core's boundaries (checkpoints)
// and stop there with RequestCancelled once the token is set.
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';

/** Yields to the event loop, then throws RequestCancelled if the request was cancelled meanwhile. */
export type Checkpoint = () => Promise<void>;

/**
 * Two turns, not one: a $/cancelRequest that reached the pipe while the core was busy is read in
 * the next poll phase, but handed over by the reader in a setImmediate queued after our first one.
 */
const nextTurns = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

export const requestCancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

/**
 * Wraps a request handler. It runs at once (so it can take the document as the request saw it)
 * and calls `checkpoint()` before each expensive step: before starting, and between the analysis
 * and the feature.
 */
export function cancellable<P, R>(handler: (params: P, checkpoint: Checkpoint) => Promise<R>): (params: P, token: CancellationToken) => Promise<R> {
  return (params, token) => {
    // vscode-jsonrpc hands the token first to a request sent without params.
    if (token === undefined && CancellationToken.is(params)) [params, token] = [undefined as P, params];
    return handler(params, async () => {
      await nextTurns();
      if (token.isCancellationRequested) throw requestCancelled();
    });
  };
}
