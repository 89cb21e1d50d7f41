// An http action's request, made from its approved template and the caller's params (issue 12 §2).
//
// Threat: whoever runs the action (the assistant, the scheduler, another skill) chooses the params;
// the skill's author chose the template and the owner approved it. A param must never change where
// the request goes nor the structure of what it carries: it cannot reach another host, add a path
// segment, a query field, a header or a JSON member, and it cannot name a secret. So each value is
// escaped for its position:
// - path: percent-encoded (it cannot add `/`, `?` or `#`); a segment that would become `.` or `..`
//   is refused, since URL parsers resolve those (percent-encoded too) as steps up the path;
// - query: percent-encoded (it cannot add `&`, `=` or `#`);
// - header value: as it is; the guard refuses a value a header cannot carry (CR, LF, controls);
// - JSON body: built as a value, never as text. A string that is exactly one placeholder becomes the
//   param's JSON value (the member is left out when the param is absent); a placeholder inside a
//   longer string becomes the value's text;
// - text body: escaped for its content type as secrets are (JSON string, form field, as it is);
// - never in the scheme, host, port or fragment: the audit refuses such a template, and so does this.
// A value holding `{{secret:…}}` is refused: the guard fills secrets after this step, and a caller
// must not steer a secret into a part of the request the server echoes back. Values are text,
// numbers or true/false (any JSON value where a whole JSON string is one placeholder); any other
// placeholder whose param is absent refuses the request. A refused request sends nothing.
import { PARAM_PLACEHOLDER, type HttpActionSpec } from '../../../shared/skills/actions.ts';
import { secretPlaceholders } from '../../../shared/skills/http-capability.ts';
import type { HttpCallRequest } from '../http/index.ts';
import { bodyEscaper } from '../http/secrets.ts';

/** Why the request could not be made from the template and params (English, the caller's). */
export class TemplateRefusal extends Error {
  override name = 'TemplateRefusal';
}

/** A URL template cut where escaping changes: `https://host:port`, path, `?query`, `#fragment`. */
export interface UrlTemplate {
  origin: string;
  path: string;
  query: string;
  fragment: string;
}

const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/s;
const WHOLE_PLACEHOLDER = new RegExp(`^${PARAM_PLACEHOLDER.source}$`);
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

export function splitUrlTemplate(template: string): UrlTemplate | null {
  const match = URL_SHAPE.exec(template);
  return match ? { origin: match[1]!, path: match[2] ?? '', query: match[3] ?? '', fragment: match[4] ?? '' } : null;
}

/** `{{params.x}}` names in a text, in order of first use. */
export function paramPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PARAM_PLACEHOLDER)].map((match) => match[1]!))];
}

/** Every string inside a JSON value. */
function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(jsonStrings);
  return [];
}

/** The texts of a spec that may hold placeholders: URL, header values, body strings. */
export function templateTexts(spec: HttpActionSpec): string[] {
  return [spec.url, ...Object.values(spec.headers ?? {}), ...jsonStrings(spec.body)];
}

/** Where a URL template puts a placeholder that no escaping can make safe, or null. */
export function misplacedPlaceholder(template: string): 'origin' | 'fragment' | null {
  const parts = splitUrlTemplate(template);
  if (parts === null) return null;
  const holds = (text: string) => paramPlaceholders(text).length > 0 || secretPlaceholders(text).length > 0;
  if (holds(parts.origin)) return 'origin';
  return paramPlaceholders(parts.fragment).length > 0 ? 'fragment' : null;
}

function refuse(message: string): never {
  throw new TemplateRefusal(message);
}

function requireNoSecret(name: string, text: string): void {
  if (secretPlaceholders(text).length > 0) refuse(`the parameter ${name} may not contain a secret placeholder`);
}

function scalarText(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  if (value === undefined || value === null) refuse(`the parameter ${name} has no value`);
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    refuse(`the parameter ${name} must be text, a number or true/false where the request uses it`);
  }
  const text = String(value);
  requireNoSecret(name, text);
  return text;
}

function fill(text: string, params: Record<string, unknown>, escape: (value: string) => string): string {
  return text.replace(PARAM_PLACEHOLDER, (_placeholder, name: string) => escape(scalarText(params, name)));
}

function fillPath(path: string, params: Record<string, unknown>): string {
  return path
    .split('/')
    .map((segment) => {
      if (paramPlaceholders(segment).length === 0) return segment;
      const filled = fill(segment, params, encodeURIComponent);
      if (DOT_SEGMENT.test(filled)) refuse('a parameter may not make a path segment “.” or “..”');
      return filled;
    })
    .join('/');
}

const ABSENT = Symbol('absent');

function fillJsonValue(value: unknown, params: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(value);
    if (!whole) return fill(value, params, (text) => text);
    const name = whole[1]!;
    const param = params[name];
    if (param === undefined) return ABSENT;
    requireNoSecret(name, JSON.stringify(param));
    return param;
  }
  if (Array.isArray(value)) return value.map((item) => fillJsonValue(item, params)).map((item) => (item === ABSENT ? null : item));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillJsonValue(item, params)]).filter(([, item]) => item !== ABSENT));
  }
  return value;
}

/**
 * A JSON template filled structurally (a body, a function action's params). A member that is
 * exactly the placeholder of an absent (optional) param is left out; in a list it is null.
 * Throws TemplateRefusal.
 */
export function fillJsonTemplate(value: unknown, params: Record<string, unknown>): unknown {
  const filled = fillJsonValue(value, params);
  return filled === ABSENT ? refuse(`the parameter ${WHOLE_PLACEHOLDER.exec(value as string)![1]!} has no value`) : filled;
}

/** The request to hand to the guard: params filled, `{{secret:…}}` left for the guard. Throws TemplateRefusal. */
export function fillHttpTemplate(spec: HttpActionSpec, params: Record<string, unknown>): HttpCallRequest {
  const parts = splitUrlTemplate(spec.url) ?? refuse('the action’s URL is not an absolute http(s) URL');
  if (misplacedPlaceholder(spec.url) !== null) refuse('the action’s URL has a placeholder in its host or fragment');
  const url = parts.origin + fillPath(parts.path, params) + fill(parts.query, params, encodeURIComponent);
  const headers = Object.fromEntries(Object.entries(spec.headers ?? {}).map(([name, value]) => [name, fill(value, params, (text) => text)]));
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  let body: string | null = null;
  if (typeof spec.body === 'string') {
    body = fill(spec.body, params, bodyEscaper(contentType));
  } else if (spec.body !== undefined && spec.body !== null) {
    body = JSON.stringify(fillJsonTemplate(spec.body, params));
    if (contentType === undefined) headers['content-type'] = 'application/json';
  }
  return { method: spec.method, url, headers, body };
}
