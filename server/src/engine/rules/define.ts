import type { Rule, RuleMeta } from '../types';

/** Helper for rule files: fills `category`, `name` and `docs` from the id. */
export function defineRule(meta: Omit<RuleMeta, 'category' | 'name' | 'docs'>, check: Rule['check']): Rule {
  const [category, name] = meta.id.split('/');
  return { meta: { ...meta, category: category as RuleMeta['category'], name, docs: `docs/rules/${category}/${name}.md` }, check };
}
