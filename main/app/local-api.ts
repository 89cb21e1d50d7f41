import type { Engine } from '../engine.ts';
import { createApiTokenService } from '../skills/approval/api-token.ts';
import { createServiceBackend } from '../api/service-backend.ts';
import { startLocalApi } from '../api/local-api.ts';
import { DEFAULT_API_PORT } from '../api/limits.ts';
import type { ApiServer } from '../api/server.ts';

/**
 * While the window runs, the app serves the assistant's API itself (FOUNDRY_API_PORT, default
 * 47321). Without protected secret storage there can be no token, so no API; a busy port is
 * reported and the app goes on without it.
 */
export async function startAppLocalApi(engine: Engine, env: NodeJS.ProcessEnv): Promise<ApiServer | null> {
  const box = engine.secretBox;
  if (!box) return null;
  const port = Number(env.FOUNDRY_API_PORT ?? DEFAULT_API_PORT);
  try {
    return await startLocalApi(engine, {
      backend: createServiceBackend(engine.service),
      tokens: createApiTokenService({ repo: engine.store.approvalSecurity, box, audit: engine.store.auditLog }),
      port: Number.isInteger(port) && port >= 0 && port <= 65_535 ? port : DEFAULT_API_PORT,
    });
  } catch (error) {
    console.warn('[foundry] the local API could not start:', error instanceof Error ? error.message : error);
    return null;
  }
}
