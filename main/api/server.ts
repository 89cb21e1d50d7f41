// The assistant's local HTTP API on 127.0.0.1. Each request passes, in order: Host and browser
// checks → route (404/405) → bearer token (401) → rate limit (429) → path and body checks
// (400/413/415) → RBAC for the assistant (403) → the backend. Every refusal is JSON in Polish and
// English and changes nothing. MCP at /mcp passes the same Host, browser, token, rate and body
// checks before the MCP endpoint sees it (its tools then call this same backend).
import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Authorizer } from '../skills/rbac/authorize.ts';
import type { PrincipalKind } from '../skills/rbac/roles.ts';
import type { ApiBackend } from './backend.ts';
import { hasBody, readJsonBody } from './body.ts';
import { bearerToken, checkHost, checkNotBrowser } from './guards.ts';
import { HttpError, httpErrors, toHttpError } from './http-error.ts';
import { DEFAULT_API_LIMITS, DEFAULT_API_PORT, type ApiLimits } from './limits.ts';
import { createRateLimiter } from './rate-limit.ts';
import { sendError, sendJson } from './respond.ts';
import { createRouter } from './router.ts';
import { API_ROUTES, type ApiRoute, type RouteInput } from './routes.ts';
import { requestCheck, type RequestCheck } from './validation.ts';
import type { McpHttpEndpoint } from '../mcp/http-endpoint.ts';

export interface ApiServerOptions {
  backend: ApiBackend;
  tokens: { verify(presented: unknown): boolean };
  /** The RBAC enforcement point (`createAuthorizer(policy, audit).authorize`). */
  authorize: Authorizer['authorize'];
  /** 0 picks a free port. */
  port?: number;
  /** Only ever the loopback address. */
  host?: '127.0.0.1';
  /** The rate limit's clock. */
  now?: () => Date;
  limits?: Partial<ApiLimits>;
  /** Unexpected failures, answered with a bare 500. */
  onError?: (error: unknown) => void;
  /** MCP over Streamable HTTP, served at its path on this port. */
  mcp?: McpHttpEndpoint;
}

export interface ApiServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Stops accepting connections; resolves when requests in flight have been answered. */
  close(): Promise<void>;
}

/** Whoever holds the API token is the assistant: RBAC lets it create and run, never approve. */
const PRINCIPAL: PrincipalKind = 'assistant';
const HOST = '127.0.0.1';
const MCP_METHODS = ['GET', 'POST', 'DELETE'];

const findRoute = createRouter(API_ROUTES);

const ROUTE_CHECKS = new Map<ApiRoute, { params: RequestCheck | null; query: RequestCheck | null; body: RequestCheck | null }>(
  API_ROUTES.map((route) => {
    const name = `${route.method} ${route.path}`;
    const params = route.params && { type: 'object', required: Object.keys(route.params), properties: route.params };
    const query = route.query && { type: 'object', additionalProperties: false, properties: route.query };
    return [route, {
      params: params ? requestCheck(params, name, 'path') : null,
      query: query ? requestCheck(query, name, 'query') : null,
      body: route.body ? requestCheck(route.body, name, 'body') : null,
    }];
  }),
);

/** The query string as parameters; a name given twice is refused by `duplicated`. */
function queryOf(search: string): { query: Record<string, string>; duplicated: string | null } {
  const query: Record<string, string> = {};
  let duplicated: string | null = null;
  for (const [name, value] of new URLSearchParams(search)) {
    if (Object.hasOwn(query, name)) duplicated ??= name;
    query[name] = value;
  }
  return { query, duplicated };
}

const refuseIf = (error: HttpError | null | undefined) => {
  if (error) throw error;
};

export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  if ((options.host ?? HOST) !== HOST) throw new Error(`The local API listens on ${HOST} only.`);
  const limits: ApiLimits = { ...DEFAULT_API_LIMITS, ...options.limits };
  const rateLimiter = createRateLimiter({ perMinute: limits.requestsPerMinute, burst: limits.burst }, options.now ?? (() => new Date()));
  const onError = options.onError ?? ((error: unknown) => console.error('[foundry api] request failed:', error));
  let port = 0;

  const eventLimit = { perMinute: limits.eventsPerMinute, burst: limits.eventsBurst };
  const ownLimiters = new Map(API_ROUTES.filter((r) => r.rateLimit === 'own').map((r) => [r, createRateLimiter(eventLimit, options.now ?? (() => new Date()))]));

  /** The bearer token, then the rate limit: the route's own bucket when it has one, else the shared one (REST and /mcp). */
  function authenticate(req: IncomingMessage, route?: ApiRoute): void {
    const token = bearerToken(req.headers);
    if (token instanceof HttpError) throw token;
    if (!options.tokens.verify(token)) throw httpErrors.tokenInvalid();
    const rate = ((route && ownLimiters.get(route)) ?? rateLimiter).take(createHash('sha256').update(token).digest('base64'));
    if (!rate.allowed) throw httpErrors.rateLimited(rate.retryAfterSeconds);
  }

  async function readBody(req: IncomingMessage, route: ApiRoute): Promise<unknown> {
    if (!route.body) {
      if (hasBody(req)) throw httpErrors.bodyNotAllowed(route.method, route.path);
      return {};
    }
    const body = hasBody(req) ? await readJsonBody(req, limits.maxBodyBytes) : {};
    refuseIf(ROUTE_CHECKS.get(route)!.body?.(body));
    return body;
  }

  /** GET opens the notification stream, POST carries JSON-RPC, DELETE ends the session. */
  async function serveMcp(req: IncomingMessage, res: ServerResponse, mcp: McpHttpEndpoint): Promise<void> {
    const method = req.method ?? '';
    if (!MCP_METHODS.includes(method)) throw httpErrors.wrongMethod(method, MCP_METHODS);
    authenticate(req);
    if (method !== 'POST' && hasBody(req)) throw httpErrors.bodyNotAllowed(method, mcp.path);
    const body = method === 'POST' ? await readJsonBody(req, limits.maxBodyBytes) : undefined;
    await mcp.handle(req, res, body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    refuseIf(checkHost(req.headers, port) ?? checkNotBrowser(req.headers));
    const url = req.url ?? '';
    const pathname = url.split('?', 1)[0]!;
    if (options.mcp && pathname === options.mcp.path) return serveMcp(req, res, options.mcp);
    const search = url.slice(pathname.length + 1);
    const match = findRoute(req.method ?? '', pathname);
    if (match instanceof HttpError) throw match;
    const { route, params } = match;
    if (route.auth) authenticate(req, route);
    const checks = ROUTE_CHECKS.get(route)!;
    refuseIf(checks.params?.(params));
    const { query, duplicated } = route.query ? queryOf(search) : { query: {}, duplicated: null };
    if (duplicated !== null) throw httpErrors.duplicateQuery(duplicated);
    refuseIf(checks.query?.(query));
    const input: RouteInput = { backend: options.backend, principal: PRINCIPAL, params, query, body: await readBody(req, route) };
    if (route.permission) {
      const decision = options.authorize(PRINCIPAL, route.permission, (await route.accessContext?.(input)) ?? {});
      if (!decision.allowed) throw httpErrors.forbidden(decision);
    }
    const output = await route.handle(input);
    sendJson(res, route.success.status, output.body, output.headers);
  }

  const server = http.createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      maxHeaderSize: limits.maxHeaderBytes,
      // How often slow requests are looked for (Node's default is 30 s).
      connectionsCheckingInterval: 1000,
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        const refusal = toHttpError(error);
        if (!refusal) onError(error);
        if (res.headersSent) res.destroy();
        else sendError(req, res, refusal ?? httpErrors.internal());
      });
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_API_PORT, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}`,
    port,
    close: async () => {
      // Open MCP streams would keep the server from closing: end them first.
      await options.mcp?.close();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
