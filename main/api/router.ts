// Finds the route for a method and path, or the 404 / 405 to answer with. Literal segments win
// over parameters, so /api/skills/generate is never read as a skill called "generate".
import { httpErrors, type HttpError } from './http-error.ts';
import type { ApiRoute } from './routes.ts';

export interface RouteMatch {
  route: ApiRoute;
  params: Record<string, string>;
}

interface Template {
  path: string;
  segments: string[];
  paramCount: number;
}

const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

export function createRouter(routes: readonly ApiRoute[]) {
  const templates = [...new Set(routes.map((r) => r.path))].map((path): Template => {
    const segments = path.split('/');
    return { path, segments, paramCount: segments.filter(isParam).length };
  });
  const matches = (template: Template, segments: string[]) =>
    template.segments.length === segments.length && template.segments.every((s, i) => (isParam(s) ? segments[i] !== '' : s === segments[i]));

  return (method: string, pathname: string): RouteMatch | HttpError => {
    const segments = pathname.split('/');
    const template = templates.filter((t) => matches(t, segments)).sort((a, b) => a.paramCount - b.paramCount)[0];
    if (!template) return httpErrors.unknownRoute(pathname);
    const route = routes.find((r) => r.path === template.path && r.method === method);
    if (!route) return httpErrors.wrongMethod(method, routes.filter((r) => r.path === template.path).map((r) => r.method));
    const params: Record<string, string> = {};
    template.segments.forEach((s, i) => {
      if (isParam(s)) params[s.slice(1, -1)] = segments[i]!;
    });
    return { route, params };
  };
}
