// What the candidate schema cannot say about a candidate's HTTP parts: each capability is written as
// shared/skills/http-capability.ts says, each sample answer is for an origin the manifest declares
// (an answer for any other would let a dry run pass that the approved skill could never repeat),
// and the sample bodies stay small. Each problem is a technical line for a repair request.
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
import { httpCapabilityOf, parseHttpCapability } from '../../../shared/skills/http-capability.ts';
import { LIMITS } from './candidate-schema.ts';

const CAPABILITY_FORMS = 'api.example.com (HTTPS), api.example.com:8443 (HTTPS on another port) or http://host:port (plain HTTP)';

/** The bytes a sample body is sent as: text as it is, anything else as its JSON text. */
function bodyBytes(body: unknown): number {
  return Buffer.byteLength(typeof body === 'string' ? body : (JSON.stringify(body) ?? ''));
}

export function httpProblems(candidate: SkillCandidate): string[] {
  const problems: string[] = [];
  const declared = candidate.manifest.capabilities.http;
  declared.forEach((entry, index) => {
    if (!parseHttpCapability(entry))
      problems.push(`/manifest/capabilities/http/${index} "${entry}" is not an origin written as ${CAPABILITY_FORMS}`);
  });
  let total = 0;
  candidate.sampleInputs.forEach((sample, index) => {
    (sample.http ?? []).forEach((answer, at) => {
      const where = `/sampleInputs/${index}/http/${at}`;
      const url = URL.parse(answer.url);
      const origin = url && httpCapabilityOf(url);
      if (!origin) problems.push(`${where}/url "${answer.url}" is not an absolute http(s) address with a host`);
      else if (!declared.includes(origin))
        problems.push(`${where}/url answers requests to ${origin}, which is not in /manifest/capabilities/http; declare it or leave the answer out`);
      const bytes = bodyBytes(answer.body);
      total += bytes;
      if (bytes > LIMITS.MAX_HTTP_SAMPLE_BYTES) problems.push(`${where}/body is ${bytes} bytes; at most ${LIMITS.MAX_HTTP_SAMPLE_BYTES} are allowed`);
    });
  });
  if (total > LIMITS.MAX_HTTP_SAMPLES_BYTES)
    problems.push(`/sampleInputs: the sample answers' bodies add up to ${total} bytes; at most ${LIMITS.MAX_HTTP_SAMPLES_BYTES} are allowed`);
  return problems;
}
