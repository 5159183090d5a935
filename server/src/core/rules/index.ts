// Every rule, in the order findings are reported.
import type { Config } from '../template/schema';
import { configuredLevel, type Rule } from './rule';
import { placeholder } from './placeholder';
import { missingSection } from './missingSection';
import { missingField } from './missingField';
import { invalidTime } from './invalidTime';
import { durationMismatch } from './durationMismatch';
import { metricMismatch } from './metricMismatch';
import { emptySection } from './emptySection';
import { sectionOrder } from './sectionOrder';
import { duplicateSection } from './duplicateSection';
import { invalidSeverity } from './invalidSeverity';
import { actionItemOwner } from './actionItemOwner';
import { actionItemDueDate } from './actionItemDueDate';
import { actionItemOverdue } from './actionItemOverdue';
import { actionItemDuplicateId } from './actionItemDuplicateId';
import { blamefulLanguage } from './blamefulLanguage';
import { invalidDate } from './invalidDate';
import { endBeforeStart } from './endBeforeStart';
import { timelineOrder } from './timelineOrder';
import { timelineOutsideWindow } from './timelineOutsideWindow';
import { timezoneMissing } from './timezoneMissing';
import { timezoneMixed } from './timezoneMixed';
import { timelineUnreadEntry } from './timelineUnreadEntry';

export const RULES: Rule[] = [
  missingSection,
  missingField,
  placeholder,
  invalidTime,
  invalidDate,
  endBeforeStart,
  timelineOrder,
  timelineOutsideWindow,
  timelineUnreadEntry,
  timezoneMissing,
  timezoneMixed,
  durationMismatch,
  metricMismatch,
  emptySection,
  sectionOrder,
  duplicateSection,
  invalidSeverity,
  actionItemOwner,
  actionItemDueDate,
  actionItemOverdue,
  actionItemDuplicateId,
  blamefulLanguage,
];

/**
 * The rules that can add to a count of errors and warnings under this config: a finding only
 * lowers its rule's level, so a rule set to information or hint (or off) never can.
 */
export const countingRules = (config: Config): Rule[] =>
  RULES.filter((r) => {
    const level = configuredLevel(r, config);
    return level === 'error' || level === 'warning';
  });
