import type { Engine } from '../engine.ts';
import type { ApiBackend } from './backend.ts';
import { createApiServer, type ApiServer } from './server.ts';
import { createAuthorizer } from '../skills/rbac/authorize.ts';
import { loadRbacPolicy } from '../skills/rbac/roles.ts';

export interface LocalApiOptions {
  backend: ApiBackend;
  tokens: { verify(presented: unknown): boolean };
  port: number;
  onError?: (error: unknown) => void;
}

/** The assistant's API on one engine, as `foundry serve` and the desktop app both run it. */
export function startLocalApi(engine: Engine, options: LocalApiOptions): Promise<ApiServer> {
  return createApiServer({
    backend: options.backend,
    tokens: options.tokens,
    authorize: createAuthorizer(loadRbacPolicy(), engine.store.auditLog).authorize,
    port: options.port,
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
