import { strict as assert } from 'assert';
import { parseDocument, ReportDocument } from '../../server/src/engine/document';
import { seed } from '../helpers/util';

const items = (doc: ReportDocument, part: number) => doc.parts[part].children.map((c) => `${c.heading!.marker}${c.heading!.title}`);
const kinds = (doc: ReportDocument) => doc.parts.map((p) => [p.kind, p.kindSource, p.heading ? p.heading.marker + p.heading.title : undefined]);
const enums = (doc: ReportDocument) => doc.enumerations.map((e) => e.ordinal).join('');
/** Enumeration ordinals grouped by the section they belong to. */
const enumsBySection = (doc: ReportDocument) => {
  const out: string[] = [];
  let sec: unknown = null;
  for (const e of doc.enumerations) {
    if (e.section !== sec) out.push('');
    sec = e.section;
    out[out.length - 1] += e.ordinal;
  }
  return out;
};

describe('outline of the seeds', () => {
  it('haidong-2024-report.txt', () => {
    const text = seed('haidong-2024-report.txt');
    const doc = parseDocument(text);
    assert.equal(doc.title?.text, '海东市 2024 年度法治政府建设 工作情况的报告');
    assert.equal(text.slice(doc.title!.start, doc.title!.end), '海东市 2024 年度法治政府建设 工作情况的报告');
    assert.equal(doc.title?.year, 2024);
    assert.equal(text.slice(doc.title!.yearStart, doc.title!.yearEnd), '2024');
    assert.equal(doc.reportYear, 2024);
    assert.equal(doc.title?.body, '海东市');
    assert.equal(doc.coverLetter, undefined);
    assert.equal(doc.signature, undefined);
    assert.match(doc.paragraphs[doc.bodyStart].text, /^2024 年，海东市坚持/);
    assert.deepEqual(kinds(doc), [
      ['measures', 'heading', '一、主要举措和工作成效'],
      ['problems', 'heading', '二、存在的问题'],
      ['plans', 'heading', '三、2025 年工作计划'],
    ]);
    assert.deepEqual(items(doc, 0), [
      '（一）坚持党的领导，法治建设第一责任人责任落细落实',
      '（二）坚持依法决策，依法行政制度体系不断完善',
      '(三)坚持改革统领，政府机构职能体系加快健全',
      '（四）坚持监督约束，行政执法效能稳步提升',
      '(五)坚持多措并举，法治化社会治理格局日趋成熟',
    ]);
    assert.deepEqual(doc.parts[0].children.map((c) => c.heading!.brackets), ['full', 'full', 'half', 'full', 'half']);
    assert.deepEqual(items(doc, 1), []);
    assert.deepEqual(items(doc, 2), [
      '（一）进一步压实党政主要负责人法治政府建设职责',
      '（二）进一步强化严格规范公正文明执法',
      '（三）进一步完善行政执法监督体系',
      '（四）进一步营造良好法治氛围',
    ]);
    // a page break inside `一是行政权 | 力制约监督` is joined back into one paragraph
    assert.ok(doc.paragraphs.some((p) => p.text.includes('一是行政权力制约监督不断强化')));
    assert.ok(doc.paragraphs.some((p) => p.text.includes('市政府常务会开展会前学法 13 次')));
    assert.deepEqual(enumsBySection(doc), ['123', '123', '1234', '123', '12345']);
  });

  it('huangzhong-2024-report.txt', () => {
    const text = seed('huangzhong-2024-report.txt');
    const doc = parseDocument(text);
    assert.equal(doc.title?.text, '2024年法治政府建设情况报告');
    assert.equal(doc.title?.year, 2024);
    assert.equal(doc.title?.body, '湟中区司法局');
    assert.equal(doc.coverLetter, undefined);
    assert.equal(doc.signature, undefined);
    assert.deepEqual(kinds(doc), [
      ['measures', 'heading', '一、2024年度法治政府建设的主要举措和成效'],
      ['problems', 'heading', '二、存在的问题'],
      ['plans', 'heading', '三、2025年工作安排'],
    ]);
    assert.deepEqual(items(doc, 0), [
      '（一）聚焦法治建设，在高质量发展上发力',
      '（二）聚焦源头治理，在多元解纷新格局上发力',
      '（三）聚焦法律服务，在践行为民宗旨上发力',
      '（四）聚焦平安建设，在维护社会稳定上发力',
    ]);
    // part 三 has no （一）: its first paragraph is not a heading
    assert.deepEqual(items(doc, 2), [
      '（二）强化队伍建设，提升执法质效',
      '（三）创新宣传方式，提升法治意识',
      '（四）健全体系夯基础，持续提升公共法律服务效能',
      '（五）严格管理强监督，持续抓好特殊人群管理',
      '（六）加大调解力度，强化源头化解',
    ]);
    assert.match(doc.parts[2].paragraphs[1].text, /^坚持党建引领，推动责任落实。/);
    assert.deepEqual(enumsBySection(doc), ['12345678', '123', '12345', '123', '123']);
  });

  it('haixi-2020-report.txt', () => {
    const text = seed('haixi-2020-report.txt');
    const doc = parseDocument(text);
    assert.equal(doc.title?.text, '海西州2020年度法治政府建设工作报告');
    assert.equal(doc.title?.year, 2020);
    assert.equal(doc.title?.body, '海西州');
    assert.equal(doc.coverLetter, undefined);
    assert.equal(doc.signature, undefined);
    // the publication metadata under the title is not the body
    assert.match(doc.paragraphs[doc.bodyStart].text, /^一、主要举措及成效/);
    assert.deepEqual(kinds(doc), [
      ['measures', 'heading', '一、主要举措及成效'],
      ['problems', 'heading', '二、存在的问题和短板'],
      ['plans', 'heading', '三、下一步工作计划'],
    ]);
    assert.equal(items(doc, 0).length, 8);
    assert.equal(items(doc, 0)[0], '(一)全面履行法治政府职能,强化工作责任落实');
    // a heading without `。` ends where `一是` begins
    assert.equal(items(doc, 0)[2], '(三)深入推进“放管服”改革,提高政务服务水平');
    assert.equal(items(doc, 0)[7], '(八)深入法治宣传教育,强化全民法治意识观念');
    assert.deepEqual(doc.parts[0].children.map((c) => c.heading!.brackets), Array(8).fill('half'));
    assert.deepEqual(items(doc, 2), [
      '(一)严格落实法治建设第一责任人制度',
      '(二)着力提升重点领域立法工作质量',
      '(三)提升行政决策法治化水平',
      '(四)推动严格规范公正文明执法',
      '(五)不断增强人民群众法治获得感',
      '(六)充分发挥法治对生态保护的引领作用,坚决守住海西的绿水青山',
    ]);
    // (五) lost its `一`: the series there starts at 二
    assert.deepEqual(enumsBySection(doc), ['12345', '1234', '123456', '123', '234', '123', '12345', '1234', '12345']);
  });

  it('pingan-2023-report.txt', () => {
    const text = seed('pingan-2023-report.txt');
    const doc = parseDocument(text);
    assert.equal(doc.title?.text, '关于海东市平安区 2023年法治政府建设工作开展情况的报告');
    assert.equal(text.slice(doc.title!.start, doc.title!.end), '关于海东市平安区 2023年法治政府建设\n\n工作开展情况的报告');
    assert.equal(doc.title?.year, 2023);
    assert.equal(doc.title?.body, '海东市平安区人民政府');
    const cl = doc.coverLetter!;
    assert.ok(cl);
    assert.equal(cl.paragraphs[0].text, '海东市人民政府：');
    assert.match(cl.paragraphs[1].text, /^现将《海东市平安区 2023 年法治政府建设工作开展情况》随文呈报，请审阅。$/);
    assert.equal(text.slice(cl.start, cl.end).split('\n').pop(), '2024年 1月 12日');
    // the repeated title after the cover letter is skipped; the body starts with the opening paragraph
    assert.match(doc.paragraphs[doc.bodyStart].text, /^2023年，平安区法治政府建设工作在市委、市政府的坚强领导和市委依法治市委员会/);
    assert.equal(text.slice(doc.signature!.start, doc.signature!.end), '海东市平安区人民政府办公室 2024年 1月 12日印发');
    assert.deepEqual(doc.signature?.date && [doc.signature.date.year, doc.signature.date.month, doc.signature.date.day], [2024, 1, 12]);
    assert.deepEqual(kinds(doc), [
      ['measures', 'heading', '一、工作开展情况'],
      ['problems', 'heading', '二、存在的问题'],
      ['plans', 'heading', '三、下一步工作打算'],
    ]);
    assert.deepEqual(doc.parts[0].children.map((c) => c.heading!.ordinal), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(items(doc, 0)[0], '（一）加强组织领导，夯实法治政府建设基础');
    assert.equal(items(doc, 0)[9], '（十）筑牢法治信仰，增强法治宣传实效');
    assert.deepEqual(items(doc, 2), [
      '（一）学习贯彻习近平法治思想，明确政治引领',
      '（二）统筹推进决策部署，确保责任落实',
      '（三）完善学法用法制度，带头厉行法治',
      '（四）建立健全制度机制，推进依法行政',
      '（五）加强执法队伍建设，提升执法水平',
    ]);
    // hard-wrapped lines with blank lines between them are joined into paragraphs
    assert.ok(doc.paragraphs.some((p) => p.text.startsWith('（一）加强组织领导，夯实法治政府建设基础。根据省、市、区法治政府建设工作安排部署，制定印发《海东市平安区 2023年法治政府建设工作要点》')));
    assert.equal(enums(doc), '123');
    // the signature is not part of the plans
    assert.ok(doc.parts[2].end <= doc.signature!.start);
  });

  it('haixi-2024-feature-article.txt', () => {
    const text = seed('haixi-2024-feature-article.txt');
    const doc = parseDocument(text);
    assert.equal(doc.title, undefined);
    assert.equal(doc.coverLetter, undefined);
    assert.equal(doc.signature, undefined);
    assert.equal(doc.headings.length, 0);
    // no standard structure: one part of measures inferred from the content, nothing else
    assert.deepEqual(kinds(doc), [['measures', 'content', undefined]]);
    assert.equal(doc.parts[0].inferred, true);
    assert.equal(enums(doc), '');
    // a sentence broken by a blank line in the middle is one paragraph
    assert.ok(doc.paragraphs.some((p) => p.text.includes('被司法部评为全国“八五”普法中期表现突出单位')));
    assert.ok(doc.paragraphs.some((p) => p.text.includes('累计访问量达12.3万余人次')));
  });
});

describe('outline details', () => {
  it('reads a cover letter, the repeated title and a signature', () => {
    const text = 'XX市人民政府\n关于XX市2024年法治政府建设情况的报告\nXX省人民政府：\n现将我市2024年法治政府建设情况报告如下。\nXX市2024年法治政府建设情况\n2024年，我市扎实推进法治政府建设。\n一、主要举措和成效\n全年办理案件12件。\n二、存在的问题和原因\n由于人员不足，工作推进较慢。\n三、2025年工作安排\n加强培训。\nXX市人民政府\n2025年3月1日\n';
    const doc = parseDocument(text);
    assert.equal(doc.title?.text, '关于XX市2024年法治政府建设情况的报告');
    assert.equal(doc.title?.body, 'XX市人民政府');
    assert.equal(doc.coverLetter?.paragraphs[0].text, 'XX省人民政府：');
    assert.equal(doc.paragraphs[doc.bodyStart].text, '2024年，我市扎实推进法治政府建设。');
    assert.equal(text.slice(doc.signature!.start, doc.signature!.end), 'XX市人民政府\n2025年3月1日');
    assert.deepEqual(doc.parts.map((p) => p.kind), ['measures', 'problems', 'plans']);
  });

  it('infers problems and plans from closing paragraphs of a thematic report', () => {
    const text = 'XX县2024年法治政府建设工作总结\n2024年，我县坚持依法行政，全年办理行政复议案件20件，同比增长10%。\n组织执法培训6场，培训执法人员300人次。\n但对照上级要求，我县法治政府建设仍存在一些不足，主要是基层力量薄弱。\n下一步，我县将持续加强执法队伍建设，不断提升依法行政水平。\n';
    const doc = parseDocument(text);
    assert.deepEqual(doc.parts.map((p) => [p.kind, p.inferred]), [['measures', true], ['problems', true], ['plans', true]]);
    assert.match(doc.parts[1].paragraphs[0].text, /^但对照上级要求/);
    assert.match(doc.parts[2].paragraphs[0].text, /^下一步/);
  });

  it('infers problems and plans from the closing paragraph of a report with thematic parts', () => {
    const text = [
      'XX县2024年法治政府建设情况报告',
      '2024年，我县深入学习贯彻习近平法治思想，扎实推进法治政府建设。',
      '一、强化组织领导，夯实法治基础',
      '县委、县政府主要负责同志履行推进法治建设第一责任人职责，全年召开常务会议专题学法6次。',
      '二、规范行政执法，提升执法质效',
      '全年办理行政处罚案件326件，组织案卷评查2次，整改问题18个。',
      '一年来，我县法治政府建设取得了一定成效，但对照上级要求，仍存在基层执法力量薄弱等不足。主要原因是编制不足。下一步，我县将持续加强执法队伍培训，推动法治政府建设再上新台阶。',
    ].join('\n');
    const doc = parseDocument(text);
    assert.deepEqual(doc.parts.map((p) => [p.kind, !!p.inferred]), [['measures', false], ['measures', false], ['problems', true], ['plans', true]]);
    const [, second, problems, plans] = doc.parts;
    assert.equal(text.slice(problems.start, problems.end), '一年来，我县法治政府建设取得了一定成效，但对照上级要求，仍存在基层执法力量薄弱等不足。主要原因是编制不足。');
    assert.equal(text.slice(plans.start, plans.end), '下一步，我县将持续加强执法队伍培训，推动法治政府建设再上新台阶。');
    // the thematic part ends where the closing paragraph begins
    assert.equal(text.slice(second.start, second.end), '二、规范行政执法，提升执法质效\n全年办理行政处罚案件326件，组织案卷评查2次，整改问题18个。');
    assert.equal(second.paragraphs.length, 2);
  });

  it('finds plans in the closing paragraph of a combined problems part', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、主要举措和成效\n全年办理案件12件。\n二、存在的问题及下一步打算\n一是执法力量薄弱，主要原因是编制少。\n下一步，我县将加强执法队伍建设。\n';
    const doc = parseDocument(text);
    assert.deepEqual(doc.parts.map((p) => p.kind), ['measures', 'problems', 'plans']);
    assert.equal(text.slice(doc.parts[2].start, doc.parts[2].end), '下一步，我县将加强执法队伍建设。');
  });

  it('does not take a measure that mentions problems for a problems part', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、主要举措和成效\n（一）加强执法监督。针对执法中还存在的问题，开展专项整改，整改问题18个。\n二、存在的问题\n由于人员少，执法力量薄弱。\n';
    const doc = parseDocument(text);
    assert.deepEqual(doc.parts.map((p) => p.kind), ['measures', 'problems']);
  });

  it('reads a title broken over two lines, with the sender in it and a date under it', () => {
    const text = 'XX县人民政府关于2024年度法治政府建设\n情况的报告\n（2025年1月20日）\n2024年，我县扎实推进法治政府建设。\n一、主要举措和成效\n全年办理案件12件。\n';
    const doc = parseDocument(text);
    assert.equal(doc.title?.text, 'XX县人民政府关于2024年度法治政府建设情况的报告');
    assert.equal(text.slice(doc.title!.start, doc.title!.end), 'XX县人民政府关于2024年度法治政府建设\n情况的报告');
    assert.equal(doc.title?.body, 'XX县人民政府');
    assert.equal(text.slice(doc.title!.yearStart, doc.title!.yearEnd), '2024');
    assert.equal(doc.paragraphs[doc.bodyStart].text, '2024年，我县扎实推进法治政府建设。');
  });

  it('lifts closing sub-sections that are the problems and the plans into parts of their own', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、2024年法治政府建设工作情况\n（一）强化组织领导。全年专题学法6次。\n（二）规范行政执法。全年办理行政处罚案件326件。\n（三）存在的问题。一是执法力量薄弱，主要原因是编制不足。\n（四）2025年工作打算。加强执法队伍培训。\n';
    const doc = parseDocument(text);
    assert.deepEqual(doc.parts.map((p) => [p.kind, p.heading?.marker, !!p.inferred]), [
      ['measures', '一、', false], ['problems', '（三）', true], ['plans', '（四）', true],
    ]);
    assert.deepEqual(doc.parts[0].children.map((c) => c.heading!.marker), ['（一）', '（二）']);
    assert.equal(text.slice(doc.parts[0].start, doc.parts[0].end).split('\n').pop(), '（二）规范行政执法。全年办理行政处罚案件326件。');
    // the sub-sections stay in the heading tree
    assert.deepEqual(doc.sections.filter((s) => s.level === 2).map((s) => s.heading!.marker), ['（一）', '（二）', '（三）', '（四）']);
  });

  it('does not lift a measures item that only mentions a plan', () => {
    const text = 'XX县2024年法治政府建设情况报告\n一、主要举措和成效\n（一）完善制度。全年出台制度3项。\n（二）完善工作计划。制定年度计划。\n二、存在的问题\n由于编制少。\n';
    const doc = parseDocument(text);
    assert.deepEqual(doc.parts.map((p) => p.kind), ['measures', 'problems']);
  });

  it('reads the four heading levels and their markers', () => {
    const text = '一、主要举措和成效\n（一）完善制度。全年出台制度3项。\n1.健全机制。制定办法。\n（1）明确分工。落实到人。\n（2）加强督办。按月通报。\n2.强化落实。开展督查。\n';
    const doc = parseDocument(text);
    assert.deepEqual(doc.headings.map((h) => [h.level, h.ordinal, h.marker, h.title]), [
      [1, 1, '一、', '主要举措和成效'],
      [2, 1, '（一）', '完善制度'],
      [3, 1, '1.', '健全机制'],
      [4, 1, '（1）', '明确分工'],
      [4, 2, '（2）', '加强督办'],
      [3, 2, '2.', '强化落实'],
    ]);
    assert.equal(doc.sections[0].children[0].children.length, 2);
    assert.equal(doc.sections[0].children[0].children[0].children.length, 2);
  });

  it('never throws on odd input', () => {
    for (const t of ['', '\n', '\r', '\ufeff', '**', '一、', '（', '(-)', '一是', '<!-- x -->', '#', '# ', '|a|', '\r\n\r\n', '2024年1月1日', '是。是', 'a'.repeat(5000), '一、\n（一）\n1.\n（1）\n一是二是']) {
      const doc = parseDocument(t);
      assert.ok(Array.isArray(doc.paragraphs));
    }
  });

  it('reads `第一部分　…` as a level-1 heading, with `（一）` and `1.` under it', () => {
    const text = '某市生态环境局2025年度法治政府建设工作情况报告\n\n第一部分　工作举措和成效\n（一）严格执法\n1.开展专项执法行动。立案查处案件217件。\n第二部分：存在的问题\n一是执法力量不足。\n第三部分 2026年工作计划\n1.组织培训3期。\n';
    const doc = parseDocument(text);
    assert.deepEqual(doc.parts.map((p) => [p.kind, p.heading?.ordinal, p.heading?.title]), [
      ['measures', 1, '工作举措和成效'],
      ['problems', 2, '存在的问题'],
      ['plans', 3, '2026年工作计划'],
    ]);
    assert.deepEqual(items(doc, 0), ['（一）严格执法']);
    // a sentence that starts with 第一部分 is not a heading
    const prose = parseDocument('某县2025年法治政府建设情况报告\n\n第一部分是总体情况。全年审核文件12件。\n');
    assert.ok(prose.headings.every((h) => h.level !== 1), JSON.stringify(prose.headings.map((h) => h.marker)));
  });

  it('keeps `一、` as level 1 when `第一部分` stands over `一、` headings (no mixing at one level)', () => {
    const doc = parseDocument('某县2025年法治政府建设情况报告\n\n第一部分　主要举措和成效\n一、依法履职\n办理事项120件。\n二、规范执法\n办理案件46件。\n');
    assert.deepEqual(doc.headings.filter((h) => h.level === 1).map((h) => h.marker), ['一、', '二、']);
  });
});

