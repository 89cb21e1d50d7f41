// A local stand-in for the Anthropic Messages API (POST /v1/messages) on 127.0.0.1, for tests of
// anything that talks to Claude through @anthropic-ai/sdk (pass `baseURL`). Replies are queued
// in order; every request is recorded with its headers and parsed body.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body, or null if it was not JSON. */
  body: Record<string, unknown> | null;
  rawBody: string;
  /** The credential sent: `x-api-key`, or the token of `authorization: Bearer …` (what SDK 1.x sends). */
  apiKey: string | null;
}

export type MockReply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: string; headers?: Record<string, string> }
  /** Accept the request and never answer: for client timeouts. */
  | { kind: 'hang' };

export type MockReplySource = MockReply | ((request: RecordedRequest) => MockReply);

export interface MockAnthropic {
  baseURL: string;
  requests: RecordedRequest[];
  /** What GET /v1/models lists, newest first, as the Models API does. */
  models: { id: string; display_name: string; line: string; lifecycle?: 'active' | 'deprecated' }[];
  /** Queues replies for the next requests, in order. */
  reply(...replies: MockReplySource[]): void;
  close(): Promise<void>;
}

let sequence = 0;
/** Ids shaped like the real ones (`msg_01…`, `toolu_01…`, `req_011C…`), unique per process. */
function fakeId(prefix: string): string {
  sequence += 1;
  const tail = `${Date.now().toString(36)}${sequence.toString(36)}`.padStart(22, '0').slice(-22);
  return `${prefix}${tail}`;
}

function usage(input: number, output: number) {
  return {
    input_tokens: input,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: output,
    service_tier: 'standard',
  };
}

/** A successful message; `content` blocks as the API returns them. */
export function messageReply(content: unknown[], options: { model?: string; stopReason?: string } = {}): MockReply {
  return {
    kind: 'json',
    status: 200,
    body: {
      id: fakeId('msg_01'),
      type: 'message',
      role: 'assistant',
      model: options.model ?? 'claude-opus-4-5-20251101',
      content,
      stop_reason: options.stopReason ?? 'end_turn',
      stop_sequence: null,
      usage: usage(5214, 1873),
    },
  };
}

/** Claude calling one tool, as a forced `tool_choice` produces (a tool_use block, stop_reason tool_use). */
export function toolUseReply(name: string, input: unknown, options: { model?: string } = {}): MockReply {
  return messageReply([{ type: 'tool_use', id: fakeId('toolu_01'), name, input }], { ...options, stopReason: 'tool_use' });
}

/** A recorded message (a fixture file's JSON), with fresh ids. */
export function recordedReply(message: Record<string, unknown>): MockReply {
  const content = (message.content as Record<string, unknown>[]).map((block) => (block.type === 'tool_use' ? { ...block, id: fakeId('toolu_01') } : block));
  return { kind: 'json', status: 200, body: { ...message, id: fakeId('msg_01'), content } };
}

/** An API error in the documented shape: `{"type":"error","error":{"type",...,"message"}}`. */
export function errorReply(status: number, type: string, message: string, headers: Record<string, string> = {}): MockReply {
  return { kind: 'json', status, body: { type: 'error', error: { type, message }, request_id: fakeId('req_011C') }, headers };
}

export const rateLimitReply = (retryAfterSeconds: number) =>
  errorReply(429, 'rate_limit_error', 'This request would exceed the rate limit for your organization of 50 requests per minute.', {
    'retry-after': String(retryAfterSeconds),
    'anthropic-ratelimit-requests-limit': '50',
    'anthropic-ratelimit-requests-remaining': '0',
    'anthropic-ratelimit-requests-reset': new Date(Date.now() + retryAfterSeconds * 1000).toISOString(),
  });

export const unauthorizedReply = () => errorReply(401, 'authentication_error', 'invalid x-api-key');
export const overloadedReply = () => errorReply(529, 'overloaded_error', 'Overloaded');

/** Reads a JSON fixture from test/fixtures/claude/. */
export function claudeFixture(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'claude', name), 'utf8'));
}

export async function startMockAnthropic(): Promise<MockAnthropic> {
  const queue: MockReplySource[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const mock: MockAnthropic = {
    baseURL: '',
    requests,
    models: [
      { id: 'claude-opus-4-5-20251101', display_name: 'Claude Opus 4.5', line: 'opus' },
      { id: 'claude-opus-4-5', display_name: 'Claude Opus 4.5', line: 'opus' },
      { id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5', line: 'sonnet' },
      { id: 'claude-haiku-4-5', display_name: 'Claude Haiku 4.5', line: 'haiku' },
    ],
    reply: (...replies) => queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> | null = null;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = null;
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const apiKey = (req.headers['x-api-key'] as string | undefined) ?? bearer ?? null;
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, rawBody, apiKey };
      requests.push(recorded);

      let reply: MockReply;
      if (recorded.method === 'GET' && recorded.path.startsWith('/v1/models') && apiKey) reply = modelsReply(mock.models);
      else if (recorded.method !== 'POST' || !recorded.path.startsWith('/v1/messages')) reply = errorReply(404, 'not_found_error', `Not found: ${recorded.path}`);
      else if (!apiKey) reply = errorReply(401, 'authentication_error', 'x-api-key header is required');
      else if (!req.headers['anthropic-version']) reply = errorReply(400, 'invalid_request_error', 'anthropic-version header is required');
      else {
        const next = queue.shift();
        reply = next === undefined ? errorReply(500, 'api_error', 'mock-anthropic: no reply queued for this request') : typeof next === 'function' ? next(recorded) : next;
      }
      if (reply.kind === 'hang') return;
      const text = reply.kind === 'json' ? JSON.stringify(reply.body) : reply.body;
      res.writeHead(reply.status, {
        'content-type': 'application/json',
        'request-id': fakeId('req_011C'),
        'anthropic-organization-id': '6f0c2d4e-1b7a-4c52-9a0e-3d5f8b1c2e47',
        ...reply.headers,
      });
      res.end(text);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  mock.baseURL = `http://127.0.0.1:${port}`;
  return mock;
}

/** A page of the Models API holding every model (`has_more: false`). */
function modelsReply(models: MockAnthropic['models']): MockReply {
  const data = models.map((m) => ({
    type: 'model', id: m.id, display_name: m.display_name, created_at: '2025-11-24T00:00:00Z', line: m.line, lifecycle: m.lifecycle ?? 'active',
    deprecated_at: null, retires_at: null, capabilities: null, max_input_tokens: 200_000, max_tokens: 64_000,
  }));
  return { kind: 'json', status: 200, body: { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null } };
}
