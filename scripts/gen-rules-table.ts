/**
 * Generated documentation, from the rule metadata (so it cannot drift):
 *
 *   node -r esbuild-register scripts/gen-rules-table.ts            the README rules table (Markdown)
 *   node -r esbuild-register scripts/gen-rules-table.ts --schema   schemas/fazhi-report.schema.json
 *   node -r esbuild-register scripts/gen-rules-table.ts --readme   rewrites README.md between the markers
 *
 * README.md carries the table between `<!-- rules:start -->` and `<!-- rules:end -->`;
 * test/unit/docs.test.ts fails when either output differs from what is committed.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { allRuleMetas } from '../server/src/engine/check';
import { BUILTIN_PROFILES } from '../server/src/engine/profile';
import { PART_KINDS } from '../server/src/engine/profile';
import type { RuleMeta } from '../server/src/engine/types';
import { CATEGORIES } from '../server/src/engine/types';

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };

function sorted(): RuleMeta[] {
  return allRuleMetas().sort((a, b) =>
    CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The Markdown table of every rule: id, default severity, fixable, Chinese description, doc page. */
export function rulesTable(): string {
  const rows = [
    '| 规则 Rule | 默认级别 Severity | 可自动修复 Fix | 说明 | 文档 Docs |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const m of sorted()) {
    rows.push(`| \`${m.id}\` | ${SEVERITY_ZH[m.severity]} ${m.severity} | ${m.fixable ? '是' : ''} | ${cell(m.description)} | [${m.name}](${m.docs}) |`);
  }
  return rows.join('\n') + '\n';
}

const SETTING = { $ref: '#/definitions/setting' };

/** The schema of one option, from the type of its default value. */
function optionSchema(key: string, v: unknown): Record<string, unknown> {
  if (key === 'rounding') return { enum: ['round-or-truncate', 'round'] };
  if (Array.isArray(v)) {
    if (v.length && v.every((x) => typeof x === 'string')) return { type: 'array', items: { type: 'string' } };
    if (v.length && v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) return { type: 'array', items: { type: 'object' } };
    return { type: 'array' };
  }
  if (v === null || v === undefined) return {};
  return { type: typeof v === 'object' ? 'object' : typeof v };
}

/** A rule's setting: the generic one, or with the rule's own options when it declares some. */
function ruleSetting(m: RuleMeta): Record<string, unknown> {
  const opts = m.defaultOptions ?? {};
  const keys = Object.keys(opts);
  if (!keys.length) return SETTING;
  const properties: Record<string, unknown> = {};
  for (const k of keys) properties[k] = optionSchema(k, opts[k]);
  return {
    oneOf: [
      { $ref: '#/definitions/severity' },
      {
        type: 'array',
        items: [{ $ref: '#/definitions/severity' }, { type: 'object', description: '规则的选项（见规则文档）', properties }],
        minItems: 1,
        additionalItems: false,
      },
    ],
  };
}

/** The JSON Schema of `.fazhi-report.json`. */
export function configSchema(): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const m of sorted()) {
    rules[m.id] = {
      description: `${m.description}（默认：${m.severity}）\n${m.descriptionEn}`,
      markdownDescription: `${m.description}（默认：\`${m.severity}\`）\n\n${m.descriptionEn}\n\n[文档](${m.docs})`,
      ...ruleSetting(m),
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://fazhi-report.github.io/schemas/fazhi-report.schema.json',
    title: 'fazhi-report 项目配置（.fazhi-report.json）',
    description: '法治政府建设报告助手的项目配置：报告类型、规则级别与选项、取整方式。',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      profile: {
        description: '报告类型（profile）：内置的或 profiles 中定义的名称。',
        type: 'string',
        examples: Object.keys(BUILTIN_PROFILES),
      },
      profiles: {
        description: '项目自定义的报告类型：名称 → 定义。',
        type: 'object',
        additionalProperties: { $ref: '#/definitions/profile' },
      },
      rules: {
        description: '各规则的级别与选项："off" | "hint" | "info" | "warning" | "error"，或 [级别, { 选项 }]。',
        type: 'object',
        additionalProperties: false,
        properties: rules,
      },
      rounding: {
        description: '百分比与计算值的取整方式：round-or-truncate（四舍五入或截断均算一致，默认）或 round（只认四舍五入）。',
        enum: ['round-or-truncate', 'round'],
      },
    },
    definitions: {
      severity: { enum: ['off', 'hint', 'info', 'warning', 'error'] },
      setting: {
        oneOf: [
          { $ref: '#/definitions/severity' },
          {
            type: 'array',
            items: [{ $ref: '#/definitions/severity' }, { type: 'object', description: '规则的选项（见规则文档）' }],
            minItems: 1,
            additionalItems: false,
          },
        ],
      },
      part: { enum: [...PART_KINDS] },
      indicator: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'terms'],
        properties: {
          id: { type: 'string', minLength: 1, description: '指标编号，如 chuting-yingsu' },
          name: { type: 'string', minLength: 1, description: '指标名称（用于提示信息）' },
          terms: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description: '出现任一词语（纯文本，非正则）即视为提到该指标' },
          figure: { type: 'boolean', description: '是否要求同一句中有数字（默认 true）' },
          scope: { enum: ['any', 'government'], description: 'government：只要求政府（而非部门）的报告给出' },
        },
      },
      profile: {
        type: 'object',
        additionalProperties: false,
        properties: {
          extends: { type: 'string', description: '继承的报告类型（内置或自定义）' },
          description: { type: 'string' },
          requiredParts: { type: 'array', items: { $ref: '#/definitions/part' } },
          optionalParts: { type: 'array', items: { $ref: '#/definitions/part' } },
          indicators: { type: 'array', items: { $ref: '#/definitions/indicator' }, description: '核心指标（替换继承的列表）' },
          addIndicators: { type: 'array', items: { $ref: '#/definitions/indicator' }, description: '追加的指标（同 id 则替换）' },
          removeIndicators: { type: 'array', items: { type: 'string' }, description: '移除的指标 id' },
        },
      },
    },
  };
}

export function schemaText(): string {
  return JSON.stringify(configSchema(), null, 2) + '\n';
}

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

/** README text with the table between the markers replaced; undefined when the markers are missing. */
export function withTable(readme: string): string | undefined {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) return undefined;
  return readme.slice(0, a + START.length) + '\n' + rulesTable() + readme.slice(b);
}

if (require.main === module) {
  if (process.argv.includes('--schema')) process.stdout.write(schemaText());
  else if (process.argv.includes('--readme')) {
    const file = join(__dirname, '..', 'README.md');
    const next = withTable(readFileSync(file, 'utf8'));
    if (next === undefined) {
      process.stderr.write(`README.md 中没有 ${START} … ${END} 标记。\n`);
      process.exitCode = 1;
    } else writeFileSync(file, next);
  } else process.stdout.write(rulesTable());
}
