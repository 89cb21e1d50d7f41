// A real API server on a random port, over a temporary store with the real token service and
// RBAC, in front of the fake backend; and a plain node:http client that sends exactly what it is told.
import http from 'node:http';
import { afterEach, expect } from 'vitest';
import { createStrictAjv } from '../../../main/json-schema.ts';
import type { JsonSchema } from '../../../shared/skills/json-schema.ts';
import { openFoundryStore } from '../../../main/store/index.ts';
import { createApiTokenService } from '../../../main/skills/approval/api-token.ts';
import { createPassphraseSecretBox } from '../../../main/skills/approval/secret-box.ts';
import { createAuthorizer } from '../../../main/skills/rbac/authorize.ts';
import { loadRbacPolicy } from '../../../main/skills/rbac/roles.ts';
import { createApiServer, type ApiServerOptions } from '../../../main/api/server.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { createFakeBackend } from './fake-backend.ts';

// One box for the whole file: scrypt runs once per salt.
const box = createPassphraseSecretBox('correct horse battery staple');

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export interface Send {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Objects are sent as JSON with Content-Type application/json. */
  body?: unknown;
  /** Bearer token; `null` sends none. */
  token?: string | null;
}

export function request(url: string, send: Send, defaultToken: string | null): Promise<Reply> {
  const token = send.token === undefined ? defaultToken : send.token;
  const raw = send.body === undefined ? undefined : typeof send.body === 'string' || Buffer.isBuffer(send.body) ? send.body : JSON.stringify(send.body);
  const headers: Record<string, string> = {
    ...(raw !== undefined && typeof send.body === 'object' && !Buffer.isBuffer(send.body) ? { 'Content-Type': 'application/json' } : {}),
    ...(raw !== undefined ? { 'Content-Length': String(Buffer.byteLength(raw)) } : {}),
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...send.headers,
  };
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${send.path}`, { method: send.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = undefined;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON: the test looks at `text`
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(raw);
  });
}

const ajv = createStrictAjv();
/** The body matches the schema the OpenAPI document publishes for it. */
export function expectSchema(schema: JsonSchema, body: unknown): void {
  const validate = ajv.compile(schema);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

/** Opens one API per test (closed after it): `const api = await start()`. */
export function useApi() {
  const tempDir = useTempDir('foundry-api-');
  const open: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of open.splice(0).reverse()) await close();
  });

  return async function start(options: Partial<Pick<ApiServerOptions, 'authorize' | 'limits' | 'now' | 'onError'>> = {}) {
    const store = openFoundryStore(tempDir());
    const tokens = createApiTokenService({ repo: store.approvalSecurity, box, audit: store.auditLog });
    const token = await tokens.rotate('owner');
    const fake = createFakeBackend();
    const server = await createApiServer({
      backend: fake.backend,
      tokens,
      authorize: options.authorize ?? createAuthorizer(loadRbacPolicy(), store.auditLog).authorize,
      port: 0,
      host: '127.0.0.1',
      onError: options.onError ?? (() => {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    open.push(async () => {
      await server.close();
      store.close();
    });
    return { server, store, tokens, token, fake, call: (send: Send) => request(server.url, send, token) };
  };
}
export type Api = Awaited<ReturnType<ReturnType<typeof useApi>>>;

export function errorOf(reply: Reply): { code: string; message: { pl: string; en: string }; details?: string[] } {
  return (reply.json as { error: { code: string; message: { pl: string; en: string }; details?: string[] } }).error;
}
