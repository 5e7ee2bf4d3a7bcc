/**
 * Official titles of central documents a law-based-government report cites, as published (issuer
 * prefixes such as 国务院办公厅 are not part of the title; a period is written `（2021—2025年）`).
 * `until`: the last year a document with a period covers; `successor`: the title that replaced it.
 */
export interface KnownDocument {
  title: string;
  /** Issuing body, for hover text. */
  issuer?: string;
  year?: number;
  until?: number;
  successor?: string;
}

export const DOCUMENTS: readonly KnownDocument[] = [
  // Programmes and plans
  { title: '法治政府建设实施纲要（2021—2025年）', issuer: '中共中央、国务院', year: 2021, until: 2025 },
  { title: '法治政府建设实施纲要（2015—2020年）', issuer: '中共中央、国务院', year: 2015, until: 2020, successor: '法治政府建设实施纲要（2021—2025年）' },
  { title: '法治中国建设规划（2020—2025年）', issuer: '中共中央', year: 2021, until: 2025 },
  { title: '法治社会建设实施纲要（2020—2025年）', issuer: '中共中央', year: 2020, until: 2025 },
  { title: '提升行政执法质量三年行动计划（2023—2025年）', issuer: '国务院办公厅', year: 2023, until: 2025 },
  { title: '全面推进依法行政实施纲要', issuer: '国务院', year: 2004 },
  { title: '关于开展法治宣传教育的第八个五年规划（2021—2025年）', issuer: '中共中央宣传部、司法部', year: 2021, until: 2025 },
  { title: '关于在公民中开展法治宣传教育的第七个五年规划（2016—2020年）', issuer: '中共中央宣传部、司法部', year: 2016, until: 2020, successor: '关于开展法治宣传教育的第八个五年规划（2021—2025年）' },
  { title: '全国人民代表大会常务委员会关于开展第八个五年法治宣传教育的决议', year: 2021 },
  { title: '市县法治政府建设示范指标体系', issuer: '中央全面依法治国委员会办公室' },
  // Regulations on responsibility and procedure
  { title: '法治政府建设与责任落实督察工作规定', issuer: '中共中央办公厅、国务院办公厅', year: 2019 },
  { title: '党政主要负责人履行推进法治建设第一责任人职责规定', issuer: '中共中央办公厅、国务院办公厅', year: 2016 },
  { title: '重大行政决策程序暂行条例', issuer: '国务院', year: 2019 },
  { title: '中共中央关于全面推进依法治国若干重大问题的决定', year: 2014 },
  { title: '关于加强市县政府依法行政的决定', issuer: '国务院', year: 2008 },
  { title: '党政机关公文处理工作条例', issuer: '中共中央办公厅、国务院办公厅', year: 2012 },
  { title: '规章制定程序条例', issuer: '国务院' },
  { title: '行政法规制定程序条例', issuer: '国务院' },
  { title: '法规规章备案条例', issuer: '国务院' },
  { title: '行政执法机关移送涉嫌犯罪案件的规定', issuer: '国务院' },
  { title: '优化营商环境条例', issuer: '国务院', year: 2019 },
  { title: '信访工作条例', issuer: '中共中央、国务院', year: 2022 },
  { title: '中华人民共和国政府信息公开条例', issuer: '国务院', year: 2019 },
  { title: '中华人民共和国行政复议法实施条例', issuer: '国务院', year: 2007 },
  // Opinions and notices of the State Council and the central offices
  { title: '关于全面推行行政规范性文件合法性审核机制的指导意见', issuer: '国务院办公厅', year: 2018 },
  { title: '关于加强行政规范性文件制定和监督管理工作的通知', issuer: '国务院办公厅', year: 2018 },
  { title: '关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见', issuer: '国务院办公厅', year: 2018 },
  { title: '关于建立健全行政裁量权基准制度的指导意见', issuer: '国务院办公厅', year: 2022 },
  { title: '关于加强和改进行政应诉工作的意见', issuer: '国务院办公厅', year: 2016 },
  { title: '关于推行法律顾问制度和公职律师公司律师制度的意见', issuer: '中共中央办公厅、国务院办公厅', year: 2016 },
  { title: '关于健全行政裁决制度加强行政裁决工作的意见', issuer: '中共中央办公厅、国务院办公厅', year: 2018 },
  { title: '关于完善矛盾纠纷多元化解机制的意见', issuer: '中共中央办公厅、国务院办公厅', year: 2015 },
  { title: '关于加快推进公共法律服务体系建设的意见', issuer: '中共中央办公厅、国务院办公厅', year: 2019 },
  { title: '关于加强社会主义法治文化建设的意见', issuer: '中共中央办公厅、国务院办公厅', year: 2021 },
  { title: '关于实行国家机关“谁执法谁普法”普法责任制的意见', issuer: '中共中央办公厅、国务院办公厅', year: 2017 },
  { title: '关于加强法治乡村建设的意见', issuer: '中央全面依法治国委员会', year: 2020 },
  { title: '关于加强人民调解员队伍建设的意见', issuer: '中央政法委等', year: 2018 },
  { title: '关于全面推进政务公开工作的意见', issuer: '中共中央办公厅、国务院办公厅', year: 2016 },
  { title: '关于加强和规范事中事后监管的指导意见', issuer: '国务院', year: 2019 },
  { title: '关于加强数字政府建设的指导意见', issuer: '国务院', year: 2022 },
  { title: '关于加快推进全国一体化在线政务服务平台建设的指导意见', issuer: '国务院', year: 2018 },
  { title: '关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见', issuer: '国务院', year: 2024 },
  // Laws
  { title: '中华人民共和国宪法' },
  { title: '中华人民共和国立法法' },
  { title: '中华人民共和国民法典' },
  { title: '中华人民共和国行政复议法' },
  { title: '中华人民共和国行政诉讼法' },
  { title: '中华人民共和国行政处罚法' },
  { title: '中华人民共和国行政许可法' },
  { title: '中华人民共和国行政强制法' },
  { title: '中华人民共和国国家赔偿法' },
  { title: '中华人民共和国监察法' },
  { title: '中华人民共和国公职人员政务处分法' },
  { title: '中华人民共和国法律援助法' },
  { title: '中华人民共和国人民调解法' },
  { title: '中华人民共和国社区矫正法' },
  { title: '中华人民共和国公证法' },
  { title: '中华人民共和国律师法' },
];

/** Issuers that may precede a central title inside the book-title marks. */
export const CENTRAL_ISSUERS: readonly string[] = [
  '中共中央办公厅国务院办公厅', '中共中央办公厅、国务院办公厅', '中共中央、国务院', '中共中央国务院', '中共中央',
  '国务院办公厅', '国务院', '中央全面依法治国委员会办公室', '中央全面依法治国委员会', '中央依法治国办',
  '中共中央宣传部、司法部', '中宣部、司法部', '司法部', '全国人民代表大会常务委员会', '全国人大常委会',
];
