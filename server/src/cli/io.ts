// Where a command writes, and whether it may colour what it writes.

export interface Io {
  out(s: string): void;
  /** Bytes to stdout as they are, no line end added: only when `out` is the process's stdout. */
  bytes?: (chunk: Uint8Array) => void;
  err(s: string): void;
  /** Colours on stdout: only on a terminal, and never when NO_COLOR is set. */
  color: boolean;
  /** The bundled script, run again as each worker thread. */
  script: string;
}

/** https://no-color.org: NO_COLOR set and not empty turns colours off; FORCE_COLOR turns them on off a terminal. */
export function wantsColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR']) return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
  return isTTY === true && env['TERM'] !== 'dumb';
}

const SGR = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4 } as const;
export type Style = keyof typeof SGR;

export const paint = (on: boolean, style: Style, s: string): string => (on ? `\u001b[${SGR[style]}m${s}\u001b[0m` : s);
