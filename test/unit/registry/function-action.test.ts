import { describe, expect, it } from 'vitest';
import { fillFunctionParams, FunctionParamsError } from '../../../main/skills/actions/function-action.ts';

const spec = (params: Record<string, unknown>) => ({ skill: 'custom-water-tracker', action: 'log_water', params });

describe('a function action’s params', () => {
  it('keep a whole-value placeholder’s type: a number stays a number, a list a list', () => {
    expect(fillFunctionParams(spec({ amount_ml: '{{params.ml}}', tags: '{{params.tags}}', nested: { at: ['{{params.ml}}'] } }), { ml: 250, tags: ['a', 'b'] }))
      .toEqual({ amount_ml: 250, tags: ['a', 'b'], nested: { at: [250] } });
  });

  it('put a value inside text as text, and nothing else is evaluated', () => {
    expect(fillFunctionParams(spec({ note: 'drank {{params.ml}} ml {{params.who}}', literal: '{{ params.ml }} ${1+1}' }), { ml: 250, who: '$(rm -rf /)' }))
      .toEqual({ note: 'drank 250 ml $(rm -rf /)', literal: '{{ params.ml }} ${1+1}' });
  });

  it('leave out a key whose whole-value param was not given, so optional params stay optional', () => {
    expect(fillFunctionParams(spec({ amount_ml: '{{params.ml}}', note: '{{params.note}}' }), { ml: 100 })).toEqual({ amount_ml: 100 });
  });

  it('refuse to flatten an object into text, or to fill text with a param not given, saying where', () => {
    const refused = () => fillFunctionParams(spec({ note: 'about {{params.meta}}', other: 'by {{params.missing}}' }), { meta: { a: 1 } });
    expect(refused).toThrow(FunctionParamsError);
    try {
      refused();
    } catch (error) {
      expect((error as FunctionParamsError).problems).toEqual([
        'params.note puts the param meta inside text, but it is not a text, number or true/false',
        'params.other needs the param missing, which was not given',
      ]);
      expect((error as FunctionParamsError).userMessage.pl).toContain('nic nie zostało uruchomione');
    }
  });
});
