// A local stand-in for an OpenAI-compatible server on 127.0.0.1 (what Ollama, LM Studio and
// llama.cpp serve under /v1): POST /v1/chat/completions answers from a queue, GET /v1/models lists
// `models`. Every request is recorded with its headers and parsed body.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { MockReply, RecordedRequest } from './mock-anthropic.ts';

export interface MockOpenAI {
  /** The base URL a client is given: http://127.0.0.1:PORT/v1 */
  baseURL: string;
  requests: RecordedRequest[];
  /** What GET /v1/models lists (ids, in order); a reply queued with `modelsReply` overrides it once. */
  models: string[];
  reply(...replies: MockReply[]): void;
  /** Replies for the next GET /v1/models requests, before `models` is used again. */
  modelsReply(...replies: MockReply[]): void;
  close(): Promise<void>;
}

let sequence = 0;
const fakeId = (prefix: string) => `${prefix}${(++sequence).toString(36).padStart(8, '0')}`;

/** A chat completion whose assistant message calls one function, as `tool_choice` makes a model do. */
export function toolCallReply(name: string, input: unknown, options: { model?: string; rawArguments?: string } = {}): MockReply {
  return completionReply(
    { role: 'assistant', content: null, tool_calls: [{ id: fakeId('call_'), type: 'function', function: { name, arguments: options.rawArguments ?? JSON.stringify(input) } }] },
    'tool_calls',
    options.model,
  );
}

/** A chat completion with a plain text answer (a model that ignored the tools). */
export function textReply(text: string, finishReason = 'stop'): MockReply {
  return completionReply({ role: 'assistant', content: text }, finishReason);
}

function completionReply(message: Record<string, unknown>, finishReason: string, model = 'qwen2.5-coder:7b'): MockReply {
  return {
    kind: 'json',
    status: 200,
    body: {
      id: fakeId('chatcmpl-'),
      object: 'chat.completion',
      created: 1_765_000_000,
      model,
      system_fingerprint: 'fp_ollama',
      choices: [{ index: 0, message, finish_reason: finishReason }],
      usage: { prompt_tokens: 5120, completion_tokens: 1904, total_tokens: 7024 },
    },
  };
}

/** An error in the shape OpenAI and its compatibles use: `{"error":{"message","type","code"}}`. */
export function openAIErrorReply(status: number, message: string, extra: { type?: string; code?: string | null; headers?: Record<string, string> } = {}): MockReply {
  return { kind: 'json', status, body: { error: { message, type: extra.type ?? 'invalid_request_error', param: null, code: extra.code ?? null } }, headers: extra.headers ?? {} };
}

function modelsBody(ids: string[]) {
  return { object: 'list', data: ids.map((id) => ({ id, object: 'model', created: 1_765_000_000, owned_by: 'library' })) };
}

export async function startMockOpenAI(): Promise<MockOpenAI> {
  const queue: MockReply[] = [];
  const modelsQueue: MockReply[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const state = { models: ['qwen2.5-coder:7b', 'llama3.1:8b'] };

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
      const apiKey = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, rawBody, apiKey };
      requests.push(recorded);

      let reply: MockReply;
      if (recorded.method === 'GET' && recorded.path.startsWith('/v1/models')) reply = modelsQueue.shift() ?? { kind: 'json', status: 200, body: modelsBody(state.models) };
      else if (recorded.method === 'POST' && recorded.path === '/v1/chat/completions')
        reply = queue.shift() ?? openAIErrorReply(500, 'mock-openai: no reply queued for this request', { type: 'server_error' });
      else reply = openAIErrorReply(404, `404 page not found: ${recorded.path}`);
      if (reply.kind === 'hang') return;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.kind === 'json' ? JSON.stringify(reply.body) : reply.body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get models() {
      return state.models;
    },
    set models(ids: string[]) {
      state.models = ids;
    },
    reply: (...replies) => queue.push(...replies),
    modelsReply: (...replies) => modelsQueue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}


