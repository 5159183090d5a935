// Every command, in the order `postmortem --help` lists them. A new command is one file and one line here.
import type { Command } from '../command';
import { importTimeline } from './import';
import { lint } from './lint';
import { metrics } from './metrics';
import { newCommand } from './new';
import { render } from './render';
import { report } from './report';

export const COMMANDS: Command[] = [lint, metrics, newCommand, render, importTimeline, report];
