// One palette for both outputs, so a state that is red in the SVG is red in Mermaid too.
// Outcome colours follow the usual traffic-light reading (green fine, amber retried, orange
// caught, red failed, blue still running) with a muted grey for states never reached;
// fills are light so black text stays readable on every one of them.
import type { AslStateType } from '../asl/types.js';
import type { StateOutcome } from './history.js';

/** The colours of one kind of node, as CSS colours. */
export interface Swatch {
  /** The box's background. */
  readonly fill: string;
  /** The box's border. */
  readonly stroke: string;
  /** The label's colour. */
  readonly text: string;
}

/** Colours of each state type when no history is given. */
export const TYPE_COLOURS: Readonly<Record<AslStateType, Swatch>> = {
  Task: { fill: '#e3effc', stroke: '#2f6fb3', text: '#12263f' },
  Pass: { fill: '#f1f2f4', stroke: '#6b7280', text: '#1f2937' },
  Choice: { fill: '#fff4d6', stroke: '#b7860b', text: '#3b2f05' },
  Wait: { fill: '#ece9fd', stroke: '#5b4fcf', text: '#221c55' },
  Succeed: { fill: '#dcf3e4', stroke: '#23894a', text: '#0f3b20' },
  Fail: { fill: '#fde2e2', stroke: '#c62828', text: '#4a0f0f' },
  Parallel: { fill: '#f7f8fa', stroke: '#8a94a3', text: '#1f2937' },
  Map: { fill: '#f7f8fa', stroke: '#8a94a3', text: '#1f2937' },
};

/** Colours of each outcome when a history is given. */
export const OUTCOME_COLOURS: Readonly<Record<StateOutcome, Swatch>> = {
  succeeded: { fill: '#cdeed9', stroke: '#1f7f43', text: '#0c3019' },
  retried: { fill: '#fdeaa7', stroke: '#a87b00', text: '#3a2a00' },
  caught: { fill: '#fed3ab', stroke: '#c25400', text: '#3f1c00' },
  failed: { fill: '#f9c0c0', stroke: '#c01f1f', text: '#420a0a' },
  running: { fill: '#cfe2fb', stroke: '#1d64c4', text: '#0b2447' },
  notReached: { fill: '#f5f6f8', stroke: '#c3c8cf', text: '#7d8591' },
};

/** Legend wording for each outcome. */
export const OUTCOME_LABELS: Readonly<Record<StateOutcome, string>> = {
  succeeded: 'succeeded',
  retried: 'retried, then succeeded',
  caught: 'failed, caught',
  failed: 'failed',
  running: 'running',
  notReached: 'not reached',
};

/** Edge colours. */
export const EDGE_COLOURS = {
  normal: '#5b6472',
  catch: '#c01f1f',
  taken: '#1f2937',
  notTaken: '#c3c8cf',
  label: '#374151',
} as const;
