/**
 * The fixed query list of the benchmark: short words, long phrases, multi-word, OR, exclusions, figures, very
 * common words, and filtered queries (filters are added by the runner from the corpus's own regions and years).
 */
const WORDS = [
  '发展', '建设', '工作', '管理', '人民', '政府', '规定', '国家', '法律', '责任', '服务', '安全', '经济', '社会', '企业',
  '乡村振兴', '营商环境', '人居环境', '河长制', '扫黑除恶', '脱贫攻坚', '疫情防控', '招商引资', '生态环境', '安全生产',
  '农村', '土地', '教育', '医疗', '环境保护', '食品安全', '消防', '税收', '财政', '审计', '行政处罚', '行政许可',
  '知识产权', '劳动合同', '社会保险', '最低生活保障', '基本医疗保险', '义务教育', '未成年人', '老年人', '残疾人',
  '退役军人', '村民委员会', '居民委员会', '人民代表大会', '常务委员会', '国务院', '县级以上', '地方各级', '主管部门',
  '民生', '村居', '法', '镇', '村', '罚款', '没收', '拘留', '赔偿', '补偿', '登记', '备案', '审批', '监督检查',
];
const PHRASES = [
  '"依照本法规定"', '"由县级以上人民政府"', '"对直接负责的主管人员和其他直接责任人员"', '"构成犯罪的，依法追究刑事责任"',
  '"统筹推进疫情防控和经济社会发展"', '"全面推进乡村振兴"', '"人居环境整治"', '"六稳"', '“六保”', '"三清三拆三整治"',
  '"中华人民共和国"', '"本办法自发布之日起施行"', '"法律、行政法规"', '"县级以上地方人民政府"', '"国务院有关部门"',
  '"社会主义核心价值观"', '"高质量发展"', '"生态文明建设"', '"基层群众自治"', '"公共安全"',
];
const MULTI = [
  '乡村振兴 人居环境', '退役军人 服务站', '食品 安全 监督', '环境 保护 责任', '土地 承包 经营', '教育 经费 保障',
  '安全 生产 事故', '行政 处罚 听证', '劳动 报酬 支付', '消费者 权益', '河长制 OR 林长制', '罚款 OR 拘留',
  '乡村振兴 -脱贫', '发展 -经济', '政府 人民 国家', '数据 安全 个人信息', '网络 安全', '医疗 保障 基金',
  '乡村振兴战略', '农村人居环境整治', '社会主义现代化国家', '全面建成小康社会', '中国特色社会主义',
  '16.36亿元', '10.6%', '2021年', '第一条', '第十条', '三十日内', '五万元以上', '1+3+6',
];

/** At least 200 queries, the same list on every run. */
export function benchmarkQueries(regions: readonly string[], years: readonly number[]): string[] {
  const base = [...WORDS, ...PHRASES, ...MULTI];
  const filtered: string[] = [];
  for (const [i, word] of WORDS.slice(0, 40).entries()) {
    if (regions.length > 0) filtered.push(`${word} region:${regions[i % regions.length]}`);
    if (years.length > 0) filtered.push(`${word} year:${years[i % years.length]}`);
  }
  const queries = [...base, ...filtered];
  while (queries.length < 200) queries.push(`${WORDS[queries.length % WORDS.length]} ${WORDS[(queries.length * 7) % WORDS.length]}`);
  return queries;
}

/**
 * The benchmark's queries for a corpus, from its documents in corpus order: filters on its first ten regions and its
 * last ten years. The in-process and the HTTP benchmarks both take their list here, so that they compare.
 */
export function benchmarkQueriesFor(documents: readonly { region: string | null; year: number | null }[]): string[] {
  const regions = [...new Set(documents.map((d) => d.region).filter((r): r is string => r !== null))];
  const years = [...new Set(documents.map((d) => d.year).filter((y): y is number => y !== null))].sort();
  return benchmarkQueries(regions.slice(0, 10), years.slice(-10));
}
