import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStrictAjv } from '../../../main/json-schema.ts';
import { API_ROUTES, openApiDocument } from '../../../main/api/routes.ts';
import { ERROR_SCHEMA } from '../../../main/api/schemas.ts';
import { OPENAPI_FILE, openApiJson } from '../../../main/api/write-openapi.ts';

interface Operation {
  operationId: string;
  security?: unknown[];
  'x-permission'?: string;
  parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { required: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }>; headers?: Record<string, unknown> }>;
}

const doc = openApiDocument() as {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
};
const operation = (path: string, method: string) => doc.paths[path]?.[method.toLowerCase()];

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with a bearer scheme and every route of the table, nothing more', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    expect(documented).toEqual(
      expect.arrayContaining([
        'POST /api/skills/generate',
        'GET /api/skills/{id}',
        'PATCH /api/skills/{id}',
        'DELETE /api/skills/{id}',
        'POST /api/skills/{id}/approve',
        'POST /api/skills/{id}/rollback',
        'POST /api/skills/execute',
        'GET /api/openapi.json',
        'GET /api/health',
      ]),
    );
    const ids = API_ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('publishes the very schemas the server validates with', () => {
    for (const route of API_ROUTES) {
      const op = operation(route.path, route.method)!;
      expect(op.operationId).toBe(route.operationId);
      expect(op.requestBody?.content['application/json']?.schema).toBe(route.body);
      for (const [name, schema] of Object.entries(route.params ?? {})) {
        expect(op.parameters?.find((p) => p.name === name)).toEqual({ name, in: 'path', required: true, schema });
        expect(op.parameters?.find((p) => p.name === name)?.schema).toBe(schema);
      }
      expect(op.responses[route.success.status]?.content?.['application/json']?.schema).toBe(route.success.schema);
      expect(op['x-permission']).toBe(route.permission ?? undefined);
      expect(op.security).toEqual(route.auth ? undefined : []);
    }
    expect(doc.components.schemas.Error).toBe(ERROR_SCHEMA);
  });

  it('documents each operation’s refusals, and marks which bodies are required', () => {
    const generate = operation('/api/skills/generate', 'POST')!;
    expect(Object.keys(generate.responses)).toEqual(['201', '400', '401', '403', '409', '413', '415', '421', '422', '429', '500', '503']);
    expect(generate.responses['201']?.headers).toHaveProperty('Location');
    expect(generate.responses['429']?.headers).toHaveProperty('Retry-After');
    expect(generate.requestBody?.required).toBe(true);
    expect(operation('/api/skills/{id}/approve', 'POST')!.requestBody?.required).toBe(false);
    expect(Object.keys(operation('/api/health', 'GET')!.responses)).toEqual(['200', '403', '421', '500']);
    for (const op of Object.values(doc.paths).flatMap((m) => Object.values(m))) {
      for (const [status, response] of Object.entries(op.responses)) {
        expect(response.description, `${op.operationId} ${status}`).toBeTruthy();
        if (Number(status) >= 400) expect(response.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
  });

  it('has schemas that compile in ajv’s strict mode', () => {
    const ajv = createStrictAjv();
    for (const route of API_ROUTES) {
      for (const schema of [route.body, route.success.schema, ...Object.values(route.params ?? {})]) if (schema) expect(() => ajv.compile(schema)).not.toThrow();
    }
    expect(() => ajv.compile(ERROR_SCHEMA)).not.toThrow();
  });

  it('is what docs/openapi.json holds (regenerate with `node main/api/write-openapi.ts`)', () => {
    expect(fs.readFileSync(OPENAPI_FILE, 'utf8'), 'docs/openapi.json is out of date: run node main/api/write-openapi.ts').toBe(openApiJson());
  });
});
