import { statedMetricRule } from './statedMetric';

export const metricMismatch = statedMetricRule(
  'metric-mismatch',
  ['timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'timeToResolve'],
  'A stated MTTD/MTTA/MTTR/TTA/TTM/TTD differs from the one computed from the timeline by more than a minute.',
);
