/** The commented `.fazhi-report.json` written by `fazhiReport.openConfig` when none exists. */

export const CONFIG_FILE = '.fazhi-report.json';

export function configTemplate(profile?: string): string {
  return `// 法治政府建设报告助手的项目配置（JSON，可写注释）。本文件所在文件夹及其子文件夹中的报告使用此配置。
// Project configuration of the law-based government report checker (JSON with comments).
{
  // 检查方案：fazhi-zhengfu（法治政府建设年度报告，默认）或 gongzuo-zongjie（一般工作总结）
  // Profile: "fazhi-zhengfu" (annual report on law-based government, default) or "gongzuo-zongjie"
  "profile": ${JSON.stringify(profile || 'fazhi-zhengfu')},

  // 逐条规则设置："off" 关闭；"error" | "warning" | "info" | "hint" 改级别；
  // 或 ["warning", { 规则选项 }]。规则说明见各规则的文档页（诊断信息中的规则编号可点击）。
  // Per rule: "off", a severity, or [severity, { options }].
  "rules": {
    // "wording/ascii-punctuation": "off",
    // "figures/ratio": "error"
  },

  // 百分比等计算值与所述数字的比较方式："round-or-truncate"（四舍五入或截断均视为一致，默认）
  // 或 "round"（只认四舍五入，如 5553 ÷ 5559 = 99.89% 写成 99.8% 会被指出）。
  // How stated percentages are compared with computed ones: "round-or-truncate" (default) or "round".
  "rounding": "round-or-truncate"
}
`;
}
