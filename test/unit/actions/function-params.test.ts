// A function action's params for the skill it calls are filled from its own params like an http
// action's JSON body: structurally, never by evaluating text.
import { describe, expect, it } from 'vitest';
import { fillJsonTemplate, TemplateRefusal } from '../../../main/skills/actions/index.ts';

describe('a function action’s params', () => {
  it('keep a whole-value placeholder’s type: a number stays a number, a list a list', () => {
    expect(fillJsonTemplate({ amount_ml: '{{params.ml}}', tags: '{{params.tags}}', nested: { at: ['{{params.ml}}'] } }, { ml: 250, tags: ['a', 'b'] }))
      .toEqual({ amount_ml: 250, tags: ['a', 'b'], nested: { at: [250] } });
  });

  it('put a value inside text as text, and nothing else is evaluated', () => {
    expect(fillJsonTemplate({ note: 'drank {{params.ml}} ml {{params.who}}', literal: '{{ params.ml }} ${1+1}' }, { ml: 250, who: '$(rm -rf /)' }))
      .toEqual({ note: 'drank 250 ml $(rm -rf /)', literal: '{{ params.ml }} ${1+1}' });
  });

  it('leave out a key whose whole-value param was not given, so optional params stay optional', () => {
    expect(fillJsonTemplate({ amount_ml: '{{params.ml}}', note: '{{params.note}}' }, { ml: 100 })).toEqual({ amount_ml: 100 });
  });

  it('refuse to flatten an object into text, or to fill text with a param not given', () => {
    expect(() => fillJsonTemplate({ note: 'about {{params.meta}}' }, { meta: { a: 1 } })).toThrow(TemplateRefusal);
    expect(() => fillJsonTemplate({ other: 'by {{params.missing}}' }, {})).toThrow(/missing has no value/);
  });
});
