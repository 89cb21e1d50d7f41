import { describe, expect, it } from 'vitest';
import type { HttpActionSpec } from '../../../shared/skills/actions.ts';
import { fillHttpTemplate } from '../../../main/skills/actions/index.ts';

const spec = (change: Partial<HttpActionSpec> = {}): HttpActionSpec => ({ method: 'POST', url: 'https://hooks.example.com/rooms/{{params.room}}/say?as={{params.name}}&lang=pl', ...change });
const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('an http action’s request from its template', () => {
  it('keeps a param inside its path segment and its query value, whatever it holds', () => {
    const { url } = fillHttpTemplate(spec(), { room: '../admin/x?y#z', name: 'Ala & Ola=1' });
    expect(url).toBe('https://hooks.example.com/rooms/..%2Fadmin%2Fx%3Fy%23z/say?as=Ala%20%26%20Ola%3D1&lang=pl');
    const parsed = new URL(url);
    expect(parsed.pathname.split('/')).toHaveLength(4);
    expect(parsed.searchParams.get('as')).toBe('Ala & Ola=1');
    expect(parsed.searchParams.get('lang')).toBe('pl');
  });

  it('refuses a param that would make a path segment “.” or “..”, however it is spelt', () => {
    expect(refusal(() => fillHttpTemplate(spec(), { room: '..', name: 'a' }))).toBe('a parameter may not make a path segment “.” or “..”');
    expect(refusal(() => fillHttpTemplate(spec({ url: 'https://hooks.example.com/a/%2e{{params.room}}' }), { room: '.' }))).toContain('“..”');
  });

  it('builds a JSON body as a value: strings stay strings, a whole placeholder keeps its type, an absent optional one is left out', () => {
    const request = fillHttpTemplate(spec({ body: { text: 'Hi {{params.name}}', count: '{{params.count}}', tags: ['{{params.tag}}'], note: '{{params.note}}' } }), {
      room: 'r', name: 'x", "admin": true, "y": "', count: 3, tag: { nested: ['a'] },
    });
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body!)).toEqual({ text: 'Hi x", "admin": true, "y": "', count: 3, tags: [{ nested: ['a'] }] });
  });

  it('escapes a text body for its content type, and leaves header values for the guard to check', () => {
    const form = fillHttpTemplate(spec({ headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-room': '{{params.room}}' }, body: 'text={{params.name}}&from=foundry' }), { room: 'a\r\nInjected: 1', name: 'a&admin=1' });
    expect(form.body).toBe('text=a%26admin%3D1&from=foundry');
    expect(form.headers['x-room']).toBe('a\r\nInjected: 1');
  });

  it('refuses a param naming a secret, a missing param, an object where text is needed, and a placeholder in the host', () => {
    expect(refusal(() => fillHttpTemplate(spec({ body: { text: '{{params.name}}' } }), { room: 'r', name: '{{secret:KEY}}' }))).toBe('the parameter name may not contain a secret placeholder');
    expect(refusal(() => fillHttpTemplate(spec(), { room: 'r' }))).toBe('the parameter name has no value');
    expect(refusal(() => fillHttpTemplate(spec(), { room: { a: 1 }, name: 'n' }))).toBe('the parameter room must be text, a number or true/false where the request uses it');
    expect(refusal(() => fillHttpTemplate(spec({ url: 'https://{{params.room}}.example.com/' }), { room: 'evil.com#' }))).toBe('the action’s URL has a placeholder in its host or fragment');
  });
});
