// The pipeline's dry run: the candidate's sample inputs, each executed in the sandbox before the
// owner is asked anything. Writes made during a dry run are never kept.
import type { SampleInput } from './candidate.ts';
import type { HttpRequestRecord } from '../contract/records.ts';

export interface DryRunStep {
  input: SampleInput | { method: 'getActions' };
  status: 'succeeded' | 'failed';
  durationMs: number;
  /** The method's return value (succeeded) or what went wrong (failed). */
  result?: unknown;
  error?: string;
  /** What the call sent with foundry.notify: shown in the review, never delivered. */
  notifications?: { title: string; body: string }[];
  /** The HTTP requests the call made, each answered from the sample's declared answers or refused: nothing was sent. */
  http?: HttpRequestRecord[];
}

export interface DryRunReport {
  ok: boolean;
  steps: DryRunStep[];
}
