import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/typescript-estree';
import { secretPlaceholders } from '../../../shared/skills/http-capability.ts';
import type { Visitor } from './walk.ts';

/** One `{{secret:NAME}}` written in a string literal or a template literal's text. */
export interface PlaceholderSite {
  name: string;
  node: TSESTree.Literal | TSESTree.TemplateElement;
}

export interface PlaceholderCollector extends Visitor {
  result(): readonly PlaceholderSite[];
}

/** Every secret placeholder in the code's literal text, in source order. */
export function createPlaceholderCollector(): PlaceholderCollector {
  const sites: PlaceholderSite[] = [];
  const collect = (node: PlaceholderSite['node'], text: string): void => {
    for (const name of secretPlaceholders(text)) sites.push({ name, node });
  };
  return {
    enter(node) {
      if (node.type === T.Literal && typeof node.value === 'string') collect(node, node.value);
      // A tagged template may hold an invalid escape (no cooked text); its raw text is what the tag sees.
      else if (node.type === T.TemplateElement) collect(node, node.value.cooked ?? node.value.raw);
    },
    result: () => sites,
  };
}
