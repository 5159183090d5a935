// Every rule, in the order findings are reported.
import type { Rule } from './rule';
import { placeholder } from './placeholder';
import { missingSection } from './missingSection';
import { missingField } from './missingField';
import { invalidTime } from './invalidTime';
import { durationMismatch } from './durationMismatch';
import { metricMismatch } from './metricMismatch';

export const RULES: Rule[] = [missingSection, missingField, placeholder, invalidTime, durationMismatch, metricMismatch];
