// The sandbox stage: runs skill calls in the host process (several at once, within the
// concurrency limits), answers their queries through the data gateway and their HTTP requests
// through the guarded client, commits each one's writes only if it succeeded, and records every
// execution with the requests it made.
import type { ExecutionRecord, SandboxRuntimeStatus } from '../../../shared/contract/records.ts';
import type { FoundryStore } from '../../store/index.ts';
import { canonicalJson, sha256Hex } from '../registry/content-hash.ts';
import { createSkillDataGateway, type ExecutionDataScope } from './data-gateway.ts';
import { sandboxFailure, type SandboxFailure } from './errors.ts';
import { validateExecutionRequest, type ExecutionRequest, type ValidRequest } from './execution-request.ts';
import { HostSupervisor, type HostRunResult } from './host-supervisor.ts';
import { isJsonValue, parseJson, utf8Bytes, type JsonValue } from './json-guards.ts';
import { resolveLimits, type SandboxLimits } from './limits.ts';
import { createNodeLauncher, type SandboxProcessLauncher } from './process-launcher.ts';
import type { SkillNotification } from './protocol.ts';
import { createExecutionSlots, type ExecutionSlot } from './execution-slots.ts';
import { openExecutionNetwork } from './execution-network.ts';
import { openExecutionSkillCalls } from './execution-skill-calls.ts';
import { createHttpClient, type HttpClient } from '../http/index.ts';

export interface SandboxOptions {
  store: Pick<FoundryStore, 'db' | 'executions' | 'now'>;
  /** Defaults to forking host-entry.ts under this process's Node; the app passes the built host and its runtime. */
  launcher?: SandboxProcessLauncher;
  limits?: Partial<SandboxLimits>;
  /** Performs foundry.http requests; the guarded client by default (tests pass one that may reach their local server). */
  httpClient?: HttpClient;
}

export interface ExecutionOutcome {
  record: ExecutionRecord;
  /** The method's return value, only when the execution succeeded. */
  result?: JsonValue;
  /** Queued for the owner; only from a successful execution of a skill that declares notifications. */
  notifications: SkillNotification[];
  logs: string[];
  error?: SandboxFailure;
  /** Whether the skill's isolate was already warm. */
  warm: boolean;
  /** HTTP requests that reached a server with a method other than GET or HEAD: retrying could repeat their effect. */
  nonIdempotentRequests: number;
}

export interface Sandbox {
  /** Throws SandboxInputError for a malformed request (nothing runs, nothing is recorded). */
  execute(request: ExecutionRequest): Promise<ExecutionOutcome>;
  /** Stops the host process; an execution in progress fails and is recorded. */
  close(): Promise<void>;
  /** The host process's pid, while one runs. */
  readonly hostPid: number | undefined;
  /** Which Node runs skills and whether they can run. */
  readonly runtimeStatus: SandboxRuntimeStatus;
  /** Checks the runtime and starts the host ahead of the first execution; answers the status. */
  start(): Promise<SandboxRuntimeStatus>;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const limits = resolveLimits(options.limits);
  const { store } = options;
  const supervisor = new HostSupervisor({ launcher: options.launcher ?? createNodeLauncher(), limits });
  const gateway = createSkillDataGateway(store.db, { limits, now: store.now });
  const httpClient = options.httpClient ?? createHttpClient();
  const slots = createExecutionSlots();
  const { warmIsolates, maxOutputBytes, maxQueryBytes, maxHostCalls, maxLogEntries, maxLogChars, maxNotifications } = limits;
  const hostLimits = { warmIsolates, maxOutputBytes, maxQueryBytes, maxHostCalls, maxLogEntries, maxLogChars, maxNotifications };
  let closed = false;

  async function run(request: ValidRequest, slot: ExecutionSlot): Promise<ExecutionOutcome> {
    const startedAt = store.now().toISOString();
    const started = performance.now();
    const { skill } = request;
    const scope = gateway.open({ skillSlug: request.dataPartition, reads: skill.manifest.capabilities.reads, writes: skill.grantedWrites });
    const deadline = Date.now() + request.timeoutMs;
    const network = openExecutionNetwork({ manifest: skill.manifest, network: request.network, client: httpClient, deadline, whileWaiting: slot });
    const skillCalls = openExecutionSkillCalls({ answer: request.skillCalls, deadline, whileWaiting: slot });
    const host = await supervisor
      .run(
        {
          skillKey: request.skillKey,
          source: skill.code,
          method: request.method,
          args: JSON.stringify(request.args),
          config: JSON.stringify(request.config),
          notifications: skill.manifest.capabilities.notifications,
          limits: { ...hostLimits, timeoutMs: request.timeoutMs, memoryMb: request.memoryMb },
        },
        { query: scope.query, http: network.handle, skill: skillCalls.handle },
      )
      .finally(network.close);
    const output = readOutput(host);
    const base = {
      skillSlug: skill.slug,
      versionId: skill.versionId,
      version: skill.version,
      action: request.actionName,
      trigger: request.trigger,
      triggeredBy: request.triggeredBy,
      actor: request.actor,
      inputSha256: request.inputSha256,
      peakHeapBytes: host.peakHeapBytes,
      startedAt,
      http: [...network.records],
    };
    const durationMs = () => performance.now() - started;
    const nonIdempotentRequests = network.nonIdempotentSent;
    const fail = (failure: SandboxFailure): ExecutionOutcome => ({
      record: store.executions.record({ ...base, status: 'failed', outputSha256: null, error: `${failure.code}: ${failure.detail}`, durationMs: durationMs() }),
      notifications: [],
      logs: host.logs,
      error: failure,
      warm: host.warm,
      nonIdempotentRequests,
    });
    if (!output.ok) return fail(output.failure);
    let record: ExecutionRecord;
    try {
      record = commit(scope, () =>
        store.executions.record({ ...base, status: 'succeeded', outputSha256: sha256Hex(canonicalJson(output.value)), error: null, durationMs: durationMs() }),
      );
    } catch (error) {
      return fail(sandboxFailure('commit-failed', error instanceof Error ? error.message : 'unknown error'));
    }
    const notifications = skill.manifest.capabilities.notifications ? host.notifications : [];
    return { record, result: output.value, notifications, logs: host.logs, warm: host.warm, nonIdempotentRequests };
  }

  /** The execution's writes and its record, in one transaction: all or nothing. */
  function commit(scope: ExecutionDataScope, record: () => ExecutionRecord): ExecutionRecord {
    return store.db.transaction(() => {
      scope.commit();
      return record();
    })();
  }

  function readOutput(host: HostRunResult): { ok: true; value: JsonValue } | { ok: false; failure: SandboxFailure } {
    const { outcome } = host;
    if (outcome.status === 'failed') return { ok: false, failure: sandboxFailure(outcome.code, outcome.detail) };
    if (utf8Bytes(outcome.output) > limits.maxOutputBytes) {
      return { ok: false, failure: sandboxFailure('output-too-large', `larger than ${limits.maxOutputBytes} bytes`) };
    }
    const value = parseJson(outcome.output);
    if (value === undefined || !isJsonValue(value)) return { ok: false, failure: sandboxFailure('invalid-output', 'not JSON data of at most 64 levels') };
    return { ok: true, value };
  }

  return {
    async execute(request) {
      if (closed) throw new Error('The sandbox is closed.');
      const valid = validateExecutionRequest(request, limits);
      const slot = await slots.acquire(valid.skillKey, valid.concurrency);
      try {
        return await run(valid, slot);
      } finally {
        slot.release();
      }
    },
    close() {
      closed = true;
      return supervisor.close();
    },
    get hostPid() {
      return supervisor.pid;
    },
    get runtimeStatus() {
      return supervisor.runtimeStatus;
    },
    start: () => supervisor.start(),
  };
}
