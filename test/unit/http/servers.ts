// Real local servers for the HTTP guard's tests (127.0.0.1, plain or TLS with the committed
// self-signed certificate for localhost / 127.0.0.1), a policy builder, and the test seam.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createHttpClient, DEFAULT_HTTP_LIMITS, type HttpClientOptions, type HttpLimits, type HttpPolicy, type LocalAllowance } from '../../../main/skills/http/index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/http');
export const TEST_CERT = fs.readFileSync(path.join(FIXTURES, 'localhost-cert.pem'));
const TEST_KEY = fs.readFileSync(path.join(FIXTURES, 'localhost-key.pem'));

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** TLS only: the name the client asked for (SNI). */
  servername: string | null;
}

export type Handler = (request: SeenRequest, response: http.ServerResponse) => void;

export interface TestServer {
  port: number;
  /** Connections accepted, whether or not a request followed. */
  connections: number;
  requests: SeenRequest[];
  /** Sockets closed so far (the client gave up, or the answer ended). */
  closedSockets: number;
}

export interface ServerOptions {
  host?: string;
  port?: number;
  tls?: boolean;
}

/** Starts servers that are closed after the current test. */
export function useServers(): (handler: Handler, options?: ServerOptions) => Promise<TestServer> {
  const open: (http.Server | https.Server)[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    })));
  });
  return async (handler, options = {}) => {
    const state: TestServer = { port: 0, connections: 0, requests: [], closedSockets: 0 };
    const listener = (request: http.IncomingMessage, response: http.ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const socket = request.socket as { servername?: string | false };
        const seen: SeenRequest = {
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString(),
          servername: typeof socket.servername === 'string' ? socket.servername : null,
        };
        state.requests.push(seen);
        handler(seen, response);
      });
    };
    const server = options.tls ? https.createServer({ key: TEST_KEY, cert: TEST_CERT }, listener) : http.createServer(listener);
    server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
      state.connections += 1;
      socket.on('close', () => (state.closedSockets += 1));
    });
    open.push(server);
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
    state.port = (server.address() as AddressInfo).port;
    return state;
  };
}

/** Answers JSON. */
export function json(response: http.ServerResponse, status: number, value: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(value));
}

export interface PolicyOptions {
  secrets?: Record<string, { hosts: string[]; value: string | null }>;
  localAllowances?: LocalAllowance[];
  limits?: Partial<HttpLimits>;
  /** From now; 10 s when absent (no test waits for it unless it means to). */
  deadlineMs?: number;
  signal?: AbortSignal;
  /** Every secret name the guard asked a value for. */
  asked?: string[];
}

export function policyFor(origins: string[], options: PolicyOptions = {}): HttpPolicy {
  const secrets = options.secrets ?? {};
  return {
    origins,
    secretHosts: new Map(Object.entries(secrets).map(([name, secret]) => [name, secret.hosts])),
    secretValue: async (name) => {
      options.asked?.push(name);
      return secrets[name]?.value ?? null;
    },
    localAllowances: options.localAllowances ?? [],
    limits: { ...DEFAULT_HTTP_LIMITS, ...options.limits },
    deadline: Date.now() + (options.deadlineMs ?? 10_000),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/** Names resolve as the table says (anything else: not found); counts the questions. */
export function fakeResolver(table: Record<string, string[] | (() => string[])>) {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const answer = table[hostname];
    if (answer === undefined) throw Object.assign(new Error(`not found: ${hostname}`), { code: 'ENOTFOUND' });
    return typeof answer === 'function' ? answer() : answer;
  };
  return { resolve, asked };
}

/** The client the tests use: the test-only seam lets it reach this machine's test servers. */
export function testClient(options: Omit<HttpClientOptions, 'testing'> = {}) {
  return createHttpClient({ ...options, testing: { allowLoopback: true, ca: TEST_CERT } });
}
