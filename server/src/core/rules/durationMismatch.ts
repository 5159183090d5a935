import { statedMetricRule } from './statedMetric';

export const durationMismatch = statedMetricRule('duration-mismatch', ['duration'], 'A stated duration differs from the one computed from the timeline by more than a minute.');
