import { randomUUID } from 'node:crypto';
import type { GenerationJob } from '../../shared/contract/records.ts';
import type { PipelineResult } from '../skills/pipeline.ts';
import type { PipelineStepRecord } from '../../shared/contract/records.ts';

/** How many finished runs the window can still ask about. */
const KEPT = 50;

/**
 * Pipeline runs started from the window: the request answers at once with a job id, and the
 * window polls the job for its steps, so the contract stays request/response on every transport.
 */
export function createGenerationJobs() {
  const jobs = new Map<string, GenerationJob>();

  return {
    start(run: (onStep: (step: PipelineStepRecord) => void) => Promise<PipelineResult>): string {
      const job: GenerationJob = { id: randomUUID(), status: 'running', steps: [], versionId: null, reason: null };
      jobs.set(job.id, job);
      for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEPT))) jobs.delete(old);
      run((step) => job.steps.push(step)).then(
        (result) => {
          job.status = result.outcome;
          job.versionId = result.version?.id ?? null;
          job.reason = result.outcome === 'failed' ? result.reason : null;
          job.notice = result.outcome === 'pending' ? (result.replaced?.notice ?? null) : null;
        },
        () => {
          job.status = 'failed';
          job.reason = { en: 'The pipeline stopped unexpectedly; nothing was deployed.', pl: 'Potok nieoczekiwanie się zatrzymał; nic nie zostało wdrożone.' };
        },
      );
      return job.id;
    },
    get(id: string): GenerationJob | null {
      const job = jobs.get(id);
      return job ? structuredClone(job) : null;
    },
  };
}
export type GenerationJobs = ReturnType<typeof createGenerationJobs>;
