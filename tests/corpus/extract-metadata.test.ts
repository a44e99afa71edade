import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/corpus/clean-text.js';
import { extractMetadata } from '../../src/corpus/extract-metadata.js';
import { findKind, findMeeting, findSelfNamedPlace, findSpeaker, findTitlePlace } from '../../src/corpus/front-matter.js';
import { isPlaceName, levelOf } from '../../src/corpus/place-names.js';
import { sampleEngine } from '../helpers.js';

/** A report body long enough to be one, speaking in the given voice. */
const body = (voice = '我代表省人民政府') => `各位代表：\n现在，${voice}，向大会报告政府工作，请予审议，并请省政协委员和其他列席人员提出意见。`;
const meta = (text: string, file = 'report.txt', notes: string[] = []) => extractMetadata(cleanText(text), file, notes);

describe('metadata rules', () => {
  it('takes the place a title starts with, also after a leading year, but not a generic word', () => {
    expect(findTitlePlace('南山镇2021年政府工作报告')).toEqual(['南山镇']);
    expect(findTitlePlace('广东省徐闻县南山镇2021年政府工作报告')).toEqual(['广东省', '徐闻县', '南山镇']);
    expect(findTitlePlace('2025年河北省政府工作报告')).toEqual(['河北省']);
    expect(findTitlePlace('1978年中华人民共和国国务院政府工作报告')).toEqual(['全国']);
    expect(findTitlePlace('中华人民共和国乡村振兴促进法')).toEqual(['全国']);
    expect(findTitlePlace('乡镇政府2023工作报告')).toEqual([]);
    expect(findTitlePlace('青岛市胶州湾保护条例')).toEqual(['青岛市']);
    expect(findTitlePlace('延边朝鲜族自治州政府工作报告')).toEqual(['延边朝鲜族自治州']);
    expect(findTitlePlace('政府工作报告')).toEqual([]);
  });

  it('reads a title\'s place chain only as far as it names places: no word after a place, no generic zone', () => {
    // A suffix that begins a word (乡村, 区块) ends no name; 县城 does not stop a chain, as towns start with 城.
    expect(findTitlePlace('临沂市美丽乡村建设工作总结')).toEqual(['临沂市']);
    expect(findTitlePlace('湖州市法治乡村建设条例')).toEqual(['湖州市']);
    expect(findTitlePlace('徐闻县城关镇2022年政府工作报告')).toEqual(['徐闻县', '城关镇']);
    expect(findTitlePlace('徐闻县城郊乡2022年政府工作报告')).toEqual(['徐闻县', '城郊乡']);
    expect(findTitlePlace('上海市促进浦东新区运用区块链赋能电子单证应用若干规定')).toEqual(['上海市']);
    expect(findTitlePlace('徐闻县城市管理工作报告')).toEqual(['徐闻县']);
    expect(findTitlePlace('彭水苗族土家族自治县城乡建设管理条例')).toEqual(['彭水苗族土家族自治县']);
    expect(findTitlePlace('新乡市2024年政府工作报告')).toEqual(['新乡市']);
    // 市 or 省 runs on only after 州 (杭州市, 贵州省): 商丘市市区 is 商丘市 and its 市区.
    expect(findTitlePlace('商丘市市区饮用水水源保护条例')).toEqual(['商丘市']);
    expect(findTitlePlace('杭州市2024年政府工作报告')).toEqual(['杭州市']);
    // Common nouns that end like a place, and the gazetteer's own generic entries, are no region.
    expect(findTitlePlace('济宁市智慧城市建设工作报告')).toEqual(['济宁市']);
    expect(findTitlePlace('许昌市中心城区河湖水系保护条例')).toEqual(['许昌市']);
    expect(findTitlePlace('清远市住宅小区物业管理条例')).toEqual(['清远市']);
    expect(findTitlePlace('河南省开发区条例')).toEqual(['河南省']);
    expect(findTitlePlace('上海市经济技术开发区条例')).toEqual(['上海市']);
    expect(findTitlePlace('重庆市村镇供水条例')).toEqual(['重庆市']);
    expect(findTitlePlace('淄博市油区管理若干规定')).toEqual(['淄博市']);
    expect(findTitlePlace('民族乡行政工作条例')).toEqual([]);
    // A zone is the place of a title that starts with it, not of one that names its city first.
    expect(findTitlePlace('泰山风景名胜区2023年工作总结')).toEqual(['泰山风景名胜区']);
    expect(findTitlePlace('青岛市崂山风景区条例')).toEqual(['青岛市']);
    expect(findTitlePlace('宁波杭州湾新区条例')).toEqual([]);
    // A word run into a county the gazetteer knows is not a new name (促进 + 浦东新区).
    expect(findTitlePlace('上海市促进浦东新区商事调解规定')).toEqual(['上海市']);
    // Named places the gazetteer lacks, and real names that end like a noun, still count.
    expect(findTitlePlace('晋城市2023年政府工作报告')).toEqual(['晋城市']);
    expect(findTitlePlace('北京经济技术开发区2023年工作报告')).toEqual(['北京经济技术开发区']);
    expect(findTitlePlace('徐闻县幸福里镇2030年政府工作报告')).toEqual(['徐闻县', '幸福里镇']);
    expect(findTitlePlace('石门乡2022年政府工作报告')).toEqual(['石门乡']);
  });

  it('gives a town report named after a rural campaign its town, not the campaign', () => {
    expect(meta(`临沂市美丽乡村建设工作总结\n${body('我代表市人民政府')}`)).toMatchObject({ region: '临沂市', level: '市', province: '山东省' });
    expect(meta(`济宁市智慧城市建设工作报告\n${body('我代表市人民政府')}`)).toMatchObject({ region: '济宁市', level: '市' });
  });

  it('reads the meeting line for date, year and place, with or without the dash, in Chinese numerals too', () => {
    expect(findMeeting(['——2022年3月18日在港门镇第十八届人民代表大会第二次会议上'])).toMatchObject({ date: '2022-03-18', year: 2022, place: '港门镇' });
    expect(findMeeting(['2025年1月13日在河北省第十四届人民代表大会第三次会议上'])).toMatchObject({ date: '2025-01-13', place: '河北省' });
    expect(findMeeting(['——2024年3月5日在第十四届全国人民代表大会第二次会议上'])).toMatchObject({ year: 2024, place: '全国' });
    expect(findMeeting(['——一九七八年二月二十六日在第五届全国人民代表大会第一次会议上'])).toMatchObject({ date: '1978-02-26', place: '全国' });
  });

  it('reads a speaker run on after the meeting line', () => {
    const meeting = findMeeting(['2025年1月13日在河北省第十四届人民代表大会第三次会议上河北省人民政府省长王正谱作政府工作报告。']);
    expect(findSpeaker([], meeting?.rest)).toEqual({ region: '河北省', post: '省长', name: '王正谱' });
  });

  it('reads speaker lines with a place, without one, acting, with a transcribed name, and over two lines', () => {
    expect(findSpeaker(['南山镇人民政府镇长   詹庆发'])).toEqual({ region: '南山镇', post: '镇长', name: '詹庆发' });
    expect(findSpeaker(['国务院总理 李强'])).toEqual({ region: '全国', post: '总理', name: '李强' });
    expect(findSpeaker(['省长 李炳军'])).toEqual({ region: null, post: '省长', name: '李炳军' });
    expect(findSpeaker(['代省长 刘捷'])).toEqual({ region: null, post: '代省长', name: '刘捷' });
    expect(findSpeaker(['代理主席 嘎玛泽登'])).toEqual({ region: null, post: '代理主席', name: '嘎玛泽登' });
    expect(findSpeaker(['主席 艾尔肯·吐尼亚孜'])).toEqual({ region: null, post: '主席', name: '艾尔肯·吐尼亚孜' });
    expect(findSpeaker(['国务院总理', '李克强'])).toEqual({ region: '全国', post: '总理', name: '李克强' });
    expect(findSpeaker(['各位代表：'])).toBeNull();
  });

  it('finds the town in the body when the top is anonymised as XX镇, and the nation in 我代表国务院', () => {
    expect(findSelfNamedPlace(['现在,我代表XX镇人民政府,向大会报告工作', '在此,我代表北蔡镇人民政府,向辛勤工作的全镇干部'])).toBe('北蔡镇');
    expect(findSelfNamedPlace(['现在，我代表国务院，向大会报告政府工作'])).toBe('全国');
    expect(findSelfNamedPlace(['我代表中央人民政府向大会报告'])).toBe('全国');
  });

  it('names the kind of text from the title', () => {
    expect(findKind('南山镇2021年政府工作报告')).toBe('政府工作报告');
    expect(findKind('铁石口镇2020年工作总结和2021年工作打算')).toBe('工作总结');
    expect(findKind('中华人民共和国乡村振兴促进法')).toBe('法');
  });

  it('derives the level from the place name; the four municipalities are provincial', () => {
    expect([levelOf('南山镇'), levelOf('徐闻县'), levelOf('广东省'), levelOf('浦东新区'), levelOf('全国')]).toEqual(['镇', '县', '省', '区', '国家']);
    expect([levelOf('北京市'), levelOf('上海市'), levelOf('重庆市'), levelOf('湛江市')]).toEqual(['省', '省', '省', '市']);
    expect(isPlaceName('XX镇')).toBe(false);
    expect(isPlaceName('全镇')).toBe(false);
    expect(isPlaceName('自治区')).toBe(false);
  });
});

describe('reports as real publishers shape them', () => {
  it('a title that starts with its year', () => {
    expect(meta(`2025年河北省政府工作报告\n${body()}`)).toMatchObject({ region: '河北省', level: '省', year: 2025, code: '130000', sources: { region: 'title', year: 'title' } });
  });

  it('no title line: the title comes from the file name, never from 各位代表：', () => {
    const m = meta(`\u200b各位代表：\n${body('我代表国务院')}`, '2024年国务院政府工作报告.txt');
    expect(m).toMatchObject({ title: '2024年国务院政府工作报告', region: '全国', level: '国家', year: 2024, sources: { title: 'file-name', region: 'body' } });
  });

  it('no title line and a file name that says nothing: a composed title', () => {
    const m = meta(`各位代表：\n${body('我代表国务院')}\n——1978年2月26日在第五届全国人民代表大会第一次会议上`, '000_abc.txt');
    expect(m.title).toBe('1978年国务院政府工作报告');
    expect(m.sources.title).toBe('composed');
  });

  it('a title broken over two lines', () => {
    expect(meta(`河北省政府工作报\n告\n${body()}`)).toMatchObject({ title: '河北省政府工作报告', region: '河北省' });
  });

  it('a meeting line without the dash, run into the speaker', () => {
    const m = meta(`政府工作报告\n2025年1月13日在河北省第十四届人民代表大会第三次会议上河北省人民政府省长王正谱作政府工作报告。\n${body()}`);
    expect(m).toMatchObject({ region: '河北省', date: '2025-01-13', speaker: '省长 王正谱', sources: { region: 'meeting', speaker: 'speaker' } });
  });

  it('a speaker over two lines in a national report', () => {
    const m = meta(`政府工作报告\n——2015年3月5日在第十二届全国人民代表大会第三次会议上\n国务院总理\n李克强\n${body('我代表国务院')}`);
    expect(m).toMatchObject({ region: '全国', level: '国家', year: 2015, speaker: '总理 李克强' });
  });

  it('我代表自治区人民政府 resolves through the title, the file name or the gazetteer, never to 自治区', () => {
    const text = `政府工作报告\n——2025年1月在自治区第十四届人民代表大会第三次会议上\n代理主席 嘎玛泽登\n${body('我代表自治区人民政府')}\n西藏各族人民团结奋斗，西藏经济持续向好，全面推进西藏长治久安和高质量发展。`;
    expect(meta(text, '2025_西藏自治区_政府工作报告.txt')).toMatchObject({ region: '西藏自治区', level: '省', sources: { region: 'file-name' } });
    expect(meta(text, 'report.txt')).toMatchObject({ region: '西藏自治区', level: '省', code: '540000', sources: { region: 'gazetteer' } });
    expect(meta(`宁夏回族自治区政府工作报告\n${body('我代表自治区人民政府')}`).region).toBe('宁夏回族自治区');
  });

  it('a short place name resolves to the full one', () => {
    expect(meta(`政府工作报告\n${body()}`, '2025年广西政府工作报告.docx')).toMatchObject({ region: '广西壮族自治区', level: '省', year: 2025 });
    expect(meta(`贵州省政府工作报告\n${body()}`)).toMatchObject({ region: '贵州省', level: '省' });
    expect(meta(`北京市政府工作报告\n${body('我代表市人民政府')}`)).toMatchObject({ region: '北京市', level: '省', province: null });
  });

  it('the file name gives region and year when the text does not: 2026_河北省_政府工作报告', () => {
    expect(meta(body(), '2026_河北省_政府工作报告.txt')).toMatchObject({ region: '河北省', year: 2026, title: '2026年河北省政府工作报告', sources: { region: 'file-name', year: 'file-name' } });
  });
});

describe('the gazetteer', () => {
  it('fills county, city, province and code of a town it knows', () => {
    expect(meta(`港门镇政府工作报告\n${body('我代表港门镇人民政府')}`)).toMatchObject({
      region: '港门镇', level: '镇', county: '遂溪县', city: '湛江市', province: '广东省', code: '440823112',
      sources: { region: 'title', county: 'gazetteer', code: 'gazetteer' },
    });
  });

  it('tells namesakes apart by the county the text names, and says so when it cannot', () => {
    expect(meta(`南山镇政府工作报告\n${body('我代表镇人民政府')}\n徐闻县委县政府的坚强领导下`)).toMatchObject({ county: '徐闻县', city: '湛江市', province: '广东省' });
    const notes: string[] = [];
    expect(meta(`南山镇政府工作报告\n${body('我代表镇人民政府')}`, 'r.txt', notes)).toMatchObject({ region: '南山镇', level: '镇', county: null, code: null });
    expect(notes.join()).toMatch(/南山镇: 5 places of that name/);
  });

  it('keeps a clear place name it lacks, with a note', () => {
    const notes: string[] = [];
    expect(meta(`幸福里镇2030年政府工作报告\n${body('我代表幸福里镇人民政府')}`, 'r.txt', notes)).toMatchObject({ region: '幸福里镇', level: '镇', code: null });
    expect(notes.join()).toMatch(/not in the gazetteer/);
  });
});

describe('the sample corpus', () => {
  it('holds seven reports from seven towns, with region, year and the divisions above each', async () => {
    const engine = await sampleEngine();
    expect(engine.documents.map((d) => [d.source, d.region, d.year, d.county, d.city, d.province])).toEqual([
      ['000_91bac9b46b5f3c10.txt', '南山镇', 2021, '徐闻县', '湛江市', '广东省'],
      ['001_d324ce6e83d8ee29.txt', '关路镇', 2021, '南江县', '巴中市', '四川省'],
      ['002_d090e128778c2801.txt', '港门镇', 2022, '遂溪县', '湛江市', '广东省'],
      ['003_555f7e936fe6323d.txt', '留庄镇', 2023, '微山县', '济宁市', '山东省'],
      ['003_555f7e936fe6323d.txt', '北蔡镇', 2023, '浦东新区', null, '上海市'],
      ['003_555f7e936fe6323d.txt', '孙岗镇', 2023, '金安区', '六安市', '安徽省'],
      ['004_d4881d4d3e281476.txt', '铁石口镇', 2021, '信丰县', '赣州市', '江西省'],
    ]);
    expect(engine.documents.every((d) => d.level === '镇' && /^\d{9}$/.test(d.code ?? ''))).toBe(true);
  });

  it('reads dates and speakers where the reports give them', async () => {
    const [nanshan, , gangmen] = (await sampleEngine()).documents;
    expect(nanshan).toMatchObject({ date: '2021-04-02', speaker: '镇长 詹庆发', title: '南山镇2021年政府工作报告', kind: '政府工作报告' });
    expect(gangmen).toMatchObject({ date: '2022-03-18', speaker: '镇长 罗允升' });
  });
});

describe('region rules on legal texts', () => {
  it('take no clause of a law for a place name', () => {
    expect(findSelfNamedPlace(['由本级人民代表大会常务委员会或者市人民政府决定'])).toBeNull();
    expect(isPlaceName('大会常务委员会或者市')).toBe(false);
    expect(isPlaceName('工作机构或者市')).toBe(false);
    expect(extractMetadata(['上海市道路交通管理条例', '第一条　为了加强道路交通管理，根据本市实际，制定本条例。'], 'sh.txt')).toMatchObject({ region: '上海市', level: '省', kind: '条例' });
  });
});
