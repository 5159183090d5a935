// The pure time module: zones, times, durations and phases of a post-mortem timeline.
export * from './zones';
export * from './parse';
export * from './duration';
export * from './phase';
export * from './entryTime';
