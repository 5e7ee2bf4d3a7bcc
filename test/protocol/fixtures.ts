/** Report texts written for the protocol tests, in the style of real reports. */

/** A short report with every prescribed part and a few things a reviewer corrects. */
export const REPORT = [
  '某县2024年度法治政府建设工作情况的报告',
  '',
  '2024年，某县坚持以习近平法治思想为指导，扎实推进法治政府建设。',
  '',
  '一、2024年度法治政府建设的主要举措和成效',
  '（一）强化组织领导。截止目前，召开专题会议4次，听取法治政府建设工作汇报2次。',
  '（二）规范行政执法。审结一审行政案件174件，败诉50件，败诉率28.93%。',
  '(三)化解矛盾纠纷。截止目前，排查矛盾纠纷5569件，化解5533件，化解率99.35%。',
  '二、存在的不足和原因',
  '一是执法人员专业能力不足，原因是培训不够。二是基层法治力量薄弱，原因是编制紧张。',
  '三、2025年度工作安排',
  '（一）加强执法队伍培训。',
  '（二）充实基层法治力量。',
  '',
].join('\n');

/** REPORT with every automatic fix applied. */
export const REPORT_FIXED = REPORT
  .replace(/截止目前/g, '截至目前')
  .replace('败诉率28.93%', '败诉率28.74%')
  .replace('(三)化解', '（三）化解');

/** A report with no problems part and no plans part (one item only). */
export const NO_PLANS = [
  '某区2024年法治政府建设工作情况报告',
  '',
  '一、主要举措和成效',
  '（一）推进严格规范公正文明执法。开展行政执法案卷评查，评查案卷120卷。',
  '',
].join('\n');

/** A Markdown README that is not a report. */
export const README = ['# 工具说明', '', '一、安装', '', '运行 npm install。', '', '二、使用', '', '运行 npm test。', ''].join('\n');
