/** Words of the 建议/提案 pages, Chinese first (same keys in both). */
const zh = {} as const;

export const proposals: { zh: Record<keyof typeof zh, string>; en: Record<keyof typeof zh, string> } = {
  zh,
  en: {},
};
