import type { Engine } from '../engine.ts';
import type { ApiBackend } from './backend.ts';
import { createApiServer, type ApiServer } from './server.ts';
import type { ApiLimits } from './limits.ts';
import { createAuthorizer } from '../skills/rbac/authorize.ts';
import { loadRbacPolicy } from '../skills/rbac/roles.ts';
import { createMcpHub } from '../mcp/mcp-server.ts';
import { createMcpHttpEndpoint } from '../mcp/http-endpoint.ts';

export interface LocalApiOptions {
  backend: ApiBackend;
  tokens: { verify(presented: unknown): boolean };
  port: number;
  onError?: (error: unknown) => void;
  /** The defaults unless a caller measures without them (the benchmarks). */
  limits?: Partial<ApiLimits>;
}

/** The assistant's API on one engine, REST and MCP (at /mcp), as `foundry serve` and the desktop app both run it. */
export async function startLocalApi(engine: Engine, options: LocalApiOptions): Promise<ApiServer> {
  const onError = options.onError ? { onError: options.onError } : {};
  const hub = createMcpHub({ service: engine.service, backend: options.backend, ...onError });
  let server: ApiServer;
  try {
    server = await createApiServer({
      backend: options.backend,
      tokens: options.tokens,
      authorize: createAuthorizer(loadRbacPolicy(), engine.store.auditLog).authorize,
      port: options.port,
      mcp: createMcpHttpEndpoint(hub),
      ...(options.limits ? { limits: options.limits } : {}),
      ...onError,
    });
  } catch (error) {
    await hub.close();
    throw error;
  }
  return {
    ...server,
    close: async () => {
      await server.close();
      await hub.close();
    },
  };
}
