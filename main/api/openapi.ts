// The OpenAPI 3.1 document, built from the route table and the very schema objects the server
// validates with. docs/openapi.json is this document, written by `node main/api/write-openapi.ts`;
// a test fails if the two ever differ.
import type { JsonSchema } from '../../shared/skills/json-schema.ts';
import { DEFAULT_API_LIMITS, DEFAULT_API_PORT } from './limits.ts';
import type { ApiRoute } from './routes.ts';
import { ERROR_SCHEMA } from './schemas.ts';
import { requestCheck } from './validation.ts';

export const API_VERSION = '1.0.0';

export type OpenApiDocument = Record<string, unknown>;

const ERRORS: Record<number, string> = {
  400: 'Malformed JSON, a request that does not match the schema (each problem in `error.details`), or one the engine refuses (not a skill request, params the action does not take).',
  401: 'No bearer token, or not the current one.',
  403: 'A browser request (Origin or Sec-Fetch-Site header), or the assistant lacks the permission (RBAC), e.g. to run a skill the owner has not approved.',
  404: 'No such skill or version.',
  409: 'Conflicts with the skill’s state, e.g. already archived, nothing waiting for review, or not active.',
  413: `The body is larger than ${DEFAULT_API_LIMITS.maxBodyBytes} bytes.`,
  415: 'The body is not JSON in UTF-8.',
  421: 'The Host header is not 127.0.0.1 or localhost on the API’s port.',
  422: 'The pipeline could not produce a usable skill (the reason is in the message).',
  429: 'Too many requests with this token, or (generate) the assistant’s proposals for today are used up; `Retry-After` says when to try again.',
  500: 'Something failed inside Skill Foundry; no internals are shown.',
  502: 'The skill ran and failed in the sandbox; nothing it did was kept.',
  503: 'The generator or the sandbox is not available right now.',
};

const header = (description: string) => ({ description, schema: { type: 'string' } });
const ERROR_HEADERS: Record<number, Record<string, unknown>> = {
  401: { 'WWW-Authenticate': header('Bearer realm="skill-foundry"') },
  429: { 'Retry-After': header('Seconds to wait.') },
};

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

/** The statuses an operation can answer with: the server's own refusals and the backend's. */
function errorStatuses(route: ApiRoute): number[] {
  const statuses = new Set([403, 421, 500, ...route.refusals]);
  if (route.auth) [401, 429].forEach((s) => statuses.add(s));
  if (route.params || route.query || route.body) statuses.add(400);
  if (route.body) [413, 415].forEach((s) => statuses.add(s));
  return [...statuses].sort((a, b) => a - b);
}

function operation(route: ApiRoute) {
  const responses: Record<string, unknown> = {
    [route.success.status]: {
      description: route.success.description,
      content: json(route.success.schema),
      ...(route.success.status === 201 ? { headers: { Location: header('Where the skill can be read.') } } : {}),
    },
  };
  for (const status of errorStatuses(route)) {
    responses[status] = { description: ERRORS[status], content: json({ $ref: '#/components/schemas/Error' }), ...(ERROR_HEADERS[status] ? { headers: ERROR_HEADERS[status] } : {}) };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    ...(route.auth ? {} : { security: [] }),
    ...(route.permission ? { 'x-permission': route.permission } : {}),
    ...(route.params || route.query
      ? {
          parameters: [
            ...Object.entries(route.params ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
            ...Object.entries(route.query ?? {}).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
          ],
        }
      : {}),
    ...(route.body
      ? { requestBody: { required: requestCheck(route.body, route.operationId, 'body')({}) !== null, content: json(route.body) } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(routes: readonly ApiRoute[]): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Skill Foundry local API',
      version: API_VERSION,
      description: [
        'For the assistant process on this computer: listens on 127.0.0.1 only, refuses browsers (no CORS) and foreign Host headers.',
        'Every route but /api/health needs the assistant’s bearer token (the owner shows or replaces it with `foundry token show|rotate`).',
        `Limits: bodies up to ${DEFAULT_API_LIMITS.maxBodyBytes} bytes, ${DEFAULT_API_LIMITS.requestsPerMinute} requests a minute per token with bursts of ${DEFAULT_API_LIMITS.burst}.`,
        'Nothing here can approve a skill: approve and rollback only ask the owner, who decides with two factors in the desktop app.',
        '`x-permission` names the RBAC permission checked for the assistant before an operation runs; without it the token alone is enough.',
        'Errors are `{ error: { code, message: { pl, en }, details? }, message }`; a wrong method answers 405 with `Allow`.',
      ].join(' '),
    },
    servers: [{ url: 'http://127.0.0.1:{port}', variables: { port: { default: String(DEFAULT_API_PORT) } } }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The assistant’s API token.' } },
      schemas: { Error: ERROR_SCHEMA },
    },
  };
}
