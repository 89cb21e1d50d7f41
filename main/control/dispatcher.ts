import type { ErrorObject, ValidateFunction } from 'ajv';
import { API_METHODS, API_SCHEMAS, type ApiMethod } from '../../shared/contract/methods.ts';
import type { ApiError, ApiResult } from '../../shared/contract/records.ts';
import type { Handlers } from './handlers.ts';
import { createStrictAjv, describeSchemaErrorsInBoth } from '../json-schema.ts';
import { toApiError } from './control-error.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../skills/sandbox/json-guards.ts';

export type Dispatch = (method: string, request: unknown) => Promise<ApiResult<unknown>>;

export interface DispatchLog {
  rejected(method: string, error: ApiError): void;
  failed(method: string, error: unknown): void;
}

/**
 * The one gate every caller passes: an unknown method or a request that does not match the
 * contract's schema is refused before any handler runs, so it changes nothing.
 */
export function createDispatcher(handlers: Handlers, log: DispatchLog): Dispatch {
  const ajv = createStrictAjv();
  const validators = new Map<string, ValidateFunction>(
    API_METHODS.map((method) => [method, ajv.compile(API_SCHEMAS[method])]),
  );

  return async (method, request) => {
    const validate = validators.get(method);
    if (!validate) {
      const error = unknownMethod(method);
      log.rejected(method, error);
      return { ok: false, error };
    }
    if (nestsDeeperThan(request, MAX_JSON_DEPTH)) {
      const error = nestedTooDeep(method);
      log.rejected(method, error);
      return { ok: false, error };
    }
    if (!validate(request)) {
      const error = badRequest(method, validate.errors ?? []);
      log.rejected(method, error);
      return { ok: false, error };
    }
    try {
      const handler = handlers[method as ApiMethod] as (request: unknown) => unknown;
      return { ok: true, value: await handler(request) };
    } catch (cause) {
      const refusal = toApiError(cause, method);
      if (refusal) {
        log.rejected(method, refusal);
        return { ok: false, error: refusal };
      }
      log.failed(method, cause);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: {
            en: `“${method}” failed inside the app. Details are in the app's log.`,
            pl: `„${method}” nie powiodło się wewnątrz aplikacji. Szczegóły są w dzienniku aplikacji.`,
          },
        },
      };
    }
  };
}

function unknownMethod(method: string): ApiError {
  const shown = method.slice(0, 80);
  return {
    code: 'unknown-method',
    message: { en: `Unknown request “${shown}”.`, pl: `Nieznane żądanie „${shown}”.` },
  };
}

/** Refused before the schema check: ajv and the handlers recurse, and 20,000 levels would overflow the stack. */
function nestedTooDeep(method: string): ApiError {
  return {
    code: 'bad-request',
    message: {
      en: `The request “${method}” nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep; no request needs that many.`,
      pl: `Żądanie „${method}” zagnieżdża tablice lub obiekty głębiej niż na ${MAX_JSON_DEPTH} poziomów; żadne żądanie tego nie potrzebuje.`,
    },
  };
}

function badRequest(method: string, errors: ErrorObject[]): ApiError {
  const { en, pl } = describeSchemaErrorsInBoth(errors, '(request)');
  return {
    code: 'bad-request',
    message: {
      en: `The request “${method}” is malformed: ${en.join('; ')}.`,
      pl: `Żądanie „${method}” ma zły format: ${pl.join('; ')}.`,
    },
    details: en,
  };
}
