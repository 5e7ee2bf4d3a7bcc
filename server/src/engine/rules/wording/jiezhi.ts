import { defineRule } from '../define';
import type { Paragraph } from '../../document';
import { quantitiesIn, Quantity } from '../../figures/quantities';
import { range, replaceLogical, replaceSameLength } from '../../wording/text';
import * as scanning from '../../wording/scan';

/** Bound once (a module namespace member is read through a getter on every use under CommonJS). */
const { HAS_JIE, HAS_JIN, HAS_MU, wordingScans } = scanning;

/**
 * `截止` means "to close, to stop" (`报名于3月1日截止`, `截止日期`); "as of" is `截至`.
 * Matches `截止` (optionally `至`) followed by a point in time; `截止到` is correct (截至 = 截止到).
 */
const RE_JIEZHI = /截止(到|至)?[ \t\u3000]{0,2}(目前|当前|现在|今天|今日|今年|本年|去年|上年|年底|年末|年初|本月|上月|月底|月末|上半年|下半年|发稿|报告期|(?:19|20)\d{2}\s{0,2}年|[0-9０-９]{4}[.\-/年]|\d{1,2}\s{0,2}月|[一二三四五六七八九十]{1,2}月|[０-９]{1,2}月)?/g;
/** "So far" phrasing: the report covers a closed year, so "now" is ambiguous. */
const RE_SO_FAR = /(?:截至|截止到)(?:[ \t\u3000]{0,2})(?:目前|当前|现在|今天|今日|发稿时)|到目前为止|目前为止|迄今为止|今年以来|年初至今|今年年初以来/g;
/** `目前，` opening a clause that states a figure. (These three run only where wording/scan.ts sets HAS_JIE, HAS_MU or HAS_JIN: keep them in step.) */
const RE_MUQIAN = /目前[，,]/g;
const CLAUSE_START = new Set(['，', ',', '。', '；', ';', '：', ':', '！', '？', '\u3000', ' ', '（', '(', '“']);

export default defineRule(
  {
    id: 'wording/jiezhi',
    severity: 'warning',
    description: '“截止目前”应为“截至目前”；年度报告宜写“截至某年底”',
    descriptionEn: '截止 for 截至; “so far” in an annual report',
    fixable: true,
    defaultOptions: { soFar: true },
  },
  (ctx) => {
    const year = ctx.doc.reportYear;
    const yearEnd = year !== undefined ? `${year}年底` : undefined;
    /**
     * Paragraphs of the problems and plans parts (built when first needed): marked by their index in
     * the document (a paragraph whose index does not lead back to it goes to a Set instead).
     */
    let skip: Uint8Array | undefined;
    let skipOther: Set<Paragraph> | undefined;
    const paragraphs = ctx.doc.paragraphs;
    const skipped = (p: Paragraph): boolean => {
      if (!skip) {
        skip = new Uint8Array(paragraphs.length);
        for (const part of ctx.doc.parts) {
          if (part.kind !== 'problems' && part.kind !== 'plans') continue;
          for (const q of part.paragraphs) {
            if (paragraphs[q.index] === q) skip[q.index] = 1;
            else (skipOther ??= new Set<Paragraph>()).add(q);
          }
        }
      }
      return paragraphs[p.index] === p ? skip[p.index] === 1 : skipOther !== undefined && skipOther.has(p);
    };

    const scans = wordingScans(ctx.doc);
    for (let pi = 0; pi < paragraphs.length; pi++) {
      const p = paragraphs[pi];
      const t = p.text;
      // every phrase below holds 截止/截至, 目前，/目前为 or 今年/今为/至今 (wording/scan.ts): other paragraphs are skipped
      const has = scans[pi].has;
      if ((has & (HAS_JIE | HAS_MU | HAS_JIN)) === 0) continue;
      // 1. 截止 used as "as of"
      RE_JIEZHI.lastIndex = 0;
      let m: RegExpExecArray | null;
      // HAS_JIE is 截止 or 截至: a match starts with 截止
      const jie = (has & HAS_JIE) !== 0 && t.includes('截止');
      while (jie && (m = RE_JIEZHI.exec(t))) {
        const via = m[1];
        const when = m[2];
        // 截止 as a verb or in 截止日期/截止时间; 截止到期 (`到期` is a word): no point in time follows
        if (!when) continue;
        // `截止到` is what `截至` means (现代汉语词典: 截至 = 截止到): correct as written
        if (via === '到') continue;
        const wordLen = 2 + (via ? 1 : 0);
        const r = range(p, m.index, m.index + wordLen);
        const soFar = when === '目前' || when === '当前' || when === '现在' || when === '今天' || when === '今日';
        const written = t.slice(m.index, m.index + wordLen);
        let message = `“${written}”应写作“截至”：“截止”指到某时停止（如“截止日期”），表示“到某时为止”用“截至”`;
        if (soFar && yearEnd) message += `；年度报告宜写明“截至${yearEnd}”而非“截至${when}”`;
        ctx.report({
          start: r.start,
          end: r.end,
          message,
          data: { written, expected: '截至', ...(soFar && yearEnd ? { suggestion: `截至${yearEnd}` } : {}) },
          fix: {
            title: `改为“截至”`,
            edits: via ? replaceLogical(p, m.index, m.index + 3, '截至') : replaceSameLength(p, m.index, '截至'),
          },
        });
      }
      if (year === undefined || ctx.options.soFar === false) continue;
      // 2. "so far" in an annual report
      RE_SO_FAR.lastIndex = 0;
      while ((m = RE_SO_FAR.exec(t))) {
        const phrase = m[0];
        const r = range(p, m.index, m.index + phrase.length);
        const isJiezhi = phrase.startsWith('截至');
        const suggestion = isJiezhi ? `截至${year}年底` : phrase.includes('今年') ? `${year}年` : `截至${year}年底`;
        ctx.report({
          start: r.start,
          end: r.end,
          severity: 'info',
          message: `年度报告反映的是${year}年全年情况，“${phrase}”时点不明，宜写“${suggestion}”`,
          data: { phrase, suggestion, year },
          ...(isJiezhi
            ? { fix: { title: `改为“${suggestion}”`, edits: replaceLogical(p, m.index, m.index + phrase.length, suggestion) } }
            : {}),
        });
      }
      if ((has & HAS_MU) === 0 || skipped(p)) continue;
      RE_MUQIAN.lastIndex = 0;
      let qs: Quantity[] | undefined;
      let qi = 0;
      while ((m = RE_MUQIAN.exec(t))) {
        const before = m.index > 0 ? t[m.index - 1] : '';
        if (m.index > 0 && !CLAUSE_START.has(before)) continue;
        // the sentence that follows must state a figure (a stock "as of now")
        let end = m.index + 2;
        const limit = Math.min(t.length, m.index + 200);
        while (end < limit && t[end] !== '。') end++;
        qs ??= quantitiesIn(p);
        while (qi < qs.length && qs[qi].from < m.index) qi++;
        if (!(qi < qs.length && qs[qi].from < end)) continue;
        const r = range(p, m.index, m.index + 2);
        ctx.report({
          start: r.start,
          end: r.end,
          severity: 'info',
          message: `年度报告中的数据应有明确时点，“目前”宜写作“截至${year}年底”`,
          data: { phrase: '目前', suggestion: `截至${year}年底`, year },
        });
      }
    }
  },
);
