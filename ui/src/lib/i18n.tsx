import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

// A small typed dictionary instead of an i18n framework: the UI has two languages and a few
// hundred strings, and a missing English key is a compile error rather than a runtime blank.
const zh = {
  appTitle: '政策沿革图谱',
  appSubtitle: '政策措施的历年演变',
  skipToContent: '跳到正文',
  navExplorer: '图谱探索',
  navThemes: '主题',
  navDepartments: '部门',
  navDocuments: '文件',
  navImport: '导入',
  navCuration: '更正',
  language: '语言',
  switchLanguage: 'English',
  switchLanguageLabel: '切换到英文界面',
  loading: '加载中…',
  retry: '重试',
  apiDownTitle: '无法连接到服务',
  apiDownBody: '图谱服务（GraphQL API）没有响应。请确认服务已启动（npm start），然后重试。',
  errorTitle: '出错了',
  notFound: '没有找到',
  notFoundBody: '这个地址没有对应的内容。请从上方导航重新开始。',
  // explorer
  searchLabel: '全文检索',
  searchPlaceholder: '搜索措施、文件、部门、主题…（如：津体惠、5G、冷链）',
  searchButton: '搜索',
  searchNoResults: '没有匹配的结果。换个关键词试试，或减少筛选条件。',
  searchResults: '检索结果',
  searchHint: '输入关键词后按回车；用 ↑ ↓ 在结果中移动，回车在图中打开。',
  overview: '总览',
  overviewHint: '文件按年份排列，主题把它们连起来。单击节点查看详情，双击展开相邻节点。',
  overviewEmpty: '图谱中还没有文件。请先导入政策文件（npm run ingest），然后刷新。',
  filters: '筛选',
  nodeTypes: '节点类型',
  yearRange: '年份范围',
  theme: '主题',
  department: '部门',
  any: '全部',
  resetFilters: '清除筛选',
  canvasLabel: '政策关系图',
  fit: '适应窗口',
  zoomIn: '放大',
  zoomOut: '缩小',
  undoExpand: '撤销展开',
  expand: '展开相邻节点',
  exportPng: '导出 PNG',
  exportJson: '导出 JSON',
  backToOverview: '回到总览',
  legend: '图例',
  visibleNodes: '图中节点',
  nodesCount: '{n} 个节点，{e} 条关系',
  filteredOut: '已按筛选隐藏 {n} 个节点',
  // node types
  type_Document: '文件',
  type_Measure: '措施',
  type_Department: '部门',
  type_Theme: '主题',
  type_Initiative: '项目',
  type_Target: '目标',
  type_Requirement: '国家要求',
  // details
  details: '详情',
  closeDetails: '关闭详情',
  detailsEmpty: '在图中或列表里选择一个节点，这里会显示它的详情。',
  fullText: '全文',
  source: '出处',
  sourceLine: '{file} 第 {start}–{end} 行',
  inDocument: '在原文中的位置',
  responsibleDepartments: '责任部门',
  role_lead: '牵头',
  role_joint: '共同负责',
  role_support: '配合',
  writtenAs: '原文写作',
  todayName: '今',
  themes: '主题',
  evidence: '依据',
  targets: '目标',
  implementsClause: '落实的国家要求',
  lineageLinks: '沿革关系',
  evolvesFrom: '演变自',
  evolvesInto: '演变为',
  score: '相似度',
  method: '方法',
  openLineage: '查看沿革',
  openDocument: '打开文件',
  openTheme: '打开主题',
  openDepartment: '打开部门',
  openInExplorer: '在图谱中查看',
  none: '无',
  year: '年份',
  // lineage
  lineageTitle: '措施沿革',
  lineageChain: '历年版本',
  lineageDiff: '相邻版本的差异',
  lineageEmpty: '这条措施没有找到前后版本。可在图谱中搜索相近措施。',
  added: '新增',
  removed: '删去',
  sharedThemes: '共同主题',
  sharedProgrammes: '共同项目',
  diffLegend: '绿色为新增文字，红色删除线为删去文字。',
  versionOf: '{from} → {to}',
  // theme
  themesTitle: '主题 × 年份',
  themesHint: '颜色越深，当年涉及该主题的措施越多。点击格子或主题名查看时间线。',
  themeTimeline: '时间线',
  measuresPerYear: '每年措施数',
  documents: '文件',
  departments: '部门',
  measures: '措施',
  themeEmpty: '这个主题还没有措施。',
  themesEmpty: '还没有主题数据。导入文件后会自动识别主题。',
  // department
  departmentsTitle: '部门',
  departmentsFilter: '按名称筛选',
  responsibilities: '职责',
  lead: '牵头',
  joint: '共同负责',
  role: '角色',
  predecessors: '前身',
  successors: '后继',
  partners: '合作部门',
  partnersHint: '与该部门一同被列为责任单位的部门（线越粗，合作越多）。',
  aliases: '别名',
  formerName: '曾用名',
  responsibilitiesEmpty: '该部门在已导入的文件中没有职责。',
  includePredecessors: '包括前身的职责',
  // document
  documentsTitle: '文件',
  outline: '提纲',
  citedDirectives: '引用的文件',
  citedBy: '被引用',
  nationalRequirement: '国家要求',
  localMeasure: '本地举措',
  issuedOn: '印发日期',
  docNumber: '文号',
  issuer: '发文机关',
  level: '层级',
  level_municipal: '市级',
  level_national: '国家级',
  yearSource: '年份依据',
  measureCount: '措施数',
  documentEmpty: '这份文件没有解析出措施。请检查导入诊断（npm run ingest -- --dry-run --json）。',
  originalText: '原文',
  showMore: '显示更多',
  title: '标题',
  help: '键盘操作',
  helpTitle: '键盘操作说明',
  helpSearch: '聚焦搜索框',
  helpResults: '在检索结果中移动；回车在图中打开',
  helpTabs: '在标签页之间切换',
  helpClose: '关闭详情面板或本窗口',
  helpNodes: '用 Tab 走到“图中节点”列表，回车选中节点',
  close: '关闭',
} as const;

export type MessageKey = keyof typeof zh;
type Dictionary = Record<MessageKey, string>;

const en: Dictionary = {
  appTitle: 'Policy Lineage Explorer',
  appSubtitle: 'How policy measures evolve across years',
  skipToContent: 'Skip to content',
  navExplorer: 'Explorer',
  navThemes: 'Themes',
  navDepartments: 'Departments',
  navDocuments: 'Documents',
  navImport: 'Import',
  navCuration: 'Corrections',
  language: 'Language',
  switchLanguage: '中文',
  switchLanguageLabel: 'Switch to Chinese',
  loading: 'Loading…',
  retry: 'Retry',
  apiDownTitle: 'Cannot reach the service',
  apiDownBody: 'The graph service (GraphQL API) is not answering. Check that it is running (npm start), then retry.',
  errorTitle: 'Something went wrong',
  notFound: 'Not found',
  notFoundBody: 'Nothing lives at this address. Start again from the navigation above.',
  searchLabel: 'Full-text search',
  searchPlaceholder: 'Search measures, documents, departments, themes… (e.g. 津体惠, 5G, 冷链)',
  searchButton: 'Search',
  searchNoResults: 'No matches. Try another word, or loosen the filters.',
  searchResults: 'Results',
  searchHint: 'Press Enter to search; ↑ ↓ move through results, Enter opens one in the graph.',
  overview: 'Overview',
  overviewHint: 'Documents sit by year; themes connect them. Click a node for details, double-click to expand its neighbours.',
  overviewEmpty: 'The graph holds no documents yet. Ingest policy documents (npm run ingest), then reload.',
  filters: 'Filters',
  nodeTypes: 'Node types',
  yearRange: 'Years',
  theme: 'Theme',
  department: 'Department',
  any: 'Any',
  resetFilters: 'Clear filters',
  canvasLabel: 'Policy graph',
  fit: 'Fit',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  undoExpand: 'Undo expansion',
  expand: 'Expand neighbours',
  exportPng: 'Export PNG',
  exportJson: 'Export JSON',
  backToOverview: 'Back to overview',
  legend: 'Legend',
  visibleNodes: 'Nodes in view',
  nodesCount: '{n} nodes, {e} relationships',
  filteredOut: '{n} nodes hidden by the filters',
  type_Document: 'Document',
  type_Measure: 'Measure',
  type_Department: 'Department',
  type_Theme: 'Theme',
  type_Initiative: 'Initiative',
  type_Target: 'Target',
  type_Requirement: 'Requirement',
  details: 'Details',
  closeDetails: 'Close details',
  detailsEmpty: 'Select a node in the graph or in the list to see its details here.',
  fullText: 'Full text',
  source: 'Source',
  sourceLine: '{file}, lines {start}–{end}',
  inDocument: 'In its document',
  responsibleDepartments: 'Responsible departments',
  role_lead: 'lead',
  role_joint: 'joint',
  role_support: 'support',
  writtenAs: 'written as',
  todayName: 'today',
  themes: 'Themes',
  evidence: 'Evidence',
  targets: 'Targets',
  implementsClause: 'Implements (national requirement)',
  lineageLinks: 'Lineage',
  evolvesFrom: 'Evolves from',
  evolvesInto: 'Evolves into',
  score: 'score',
  method: 'method',
  openLineage: 'Open lineage',
  openDocument: 'Open document',
  openTheme: 'Open theme',
  openDepartment: 'Open department',
  openInExplorer: 'Show in explorer',
  none: 'None',
  year: 'Year',
  lineageTitle: 'Measure lineage',
  lineageChain: 'Versions by year',
  lineageDiff: 'What changed between versions',
  lineageEmpty: 'No earlier or later version of this measure was found. Search the explorer for similar measures.',
  added: 'added',
  removed: 'dropped',
  sharedThemes: 'Shared themes',
  sharedProgrammes: 'Shared programmes',
  diffLegend: 'Green text was added; red struck-through text was dropped.',
  versionOf: '{from} → {to}',
  themesTitle: 'Themes × years',
  themesHint: 'Darker cells: more measures on the theme that year. Click a cell or a theme for its timeline.',
  themeTimeline: 'Timeline',
  measuresPerYear: 'Measures per year',
  documents: 'Documents',
  departments: 'Departments',
  measures: 'Measures',
  themeEmpty: 'No measures on this theme yet.',
  themesEmpty: 'No themes yet. Themes are recognised when documents are ingested.',
  departmentsTitle: 'Departments',
  departmentsFilter: 'Filter by name',
  responsibilities: 'Responsibilities',
  lead: 'lead',
  joint: 'joint',
  role: 'Role',
  predecessors: 'Predecessors',
  successors: 'Successors',
  partners: 'Partner departments',
  partnersHint: 'Departments assigned to the same measures (thicker line: more shared measures).',
  aliases: 'Aliases',
  formerName: 'former name',
  responsibilitiesEmpty: 'This department has no responsibilities in the ingested documents.',
  includePredecessors: 'Include predecessors’ responsibilities',
  documentsTitle: 'Documents',
  outline: 'Outline',
  citedDirectives: 'Cited documents',
  citedBy: 'Cited by',
  nationalRequirement: 'National requirement',
  localMeasure: 'Local measure',
  issuedOn: 'Issued on',
  docNumber: 'Document number',
  issuer: 'Issuer',
  level: 'Level',
  level_municipal: 'municipal',
  level_national: 'national',
  yearSource: 'Year source',
  measureCount: 'Measures',
  documentEmpty: 'No measures were parsed from this document. Check the ingest diagnostics (npm run ingest -- --dry-run --json).',
  originalText: 'Original text',
  showMore: 'Show more',
  title: 'Title',
  help: 'Keyboard',
  helpTitle: 'Keyboard shortcuts',
  helpSearch: 'Focus the search box',
  helpResults: 'Move through results; Enter opens one in the graph',
  helpTabs: 'Switch between tabs',
  helpClose: 'Close the details panel or this window',
  helpNodes: 'Tab to the “Nodes in view” list, Enter selects a node',
  close: 'Close',
};

export type Lang = 'zh' | 'en';
const dictionaries: Record<Lang, Dictionary> = { zh, en };

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18nValue | null>(null);
const STORAGE_KEY = 'policy-lineage.lang';

function initialLang(): Lang {
  if (typeof window === 'undefined') return 'zh'; // server-side rendering (component tests)
  // ?lang= wins so a shared link opens in the sender's language; then the reader's last choice.
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh') return stored;
  } catch {
    // storage can be blocked (private mode); Chinese is the default anyway
  }
  return 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not fatal: the choice just will not survive a reload
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18nValue>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
