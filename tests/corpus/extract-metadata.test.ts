import { describe, expect, it } from 'vitest';
import { extractMetadata, findKind, findMeeting, findSelfNamedPlace, findSpeaker, findTitlePlace, findYear, isPlaceName, levelOf } from '../../src/corpus/extract-metadata.js';
import { sampleEngine } from '../helpers.js';

describe('metadata rules', () => {
  it('takes the place a title starts with, but not a generic word', () => {
    expect(findTitlePlace('南山镇2021年政府工作报告')).toEqual(['南山镇']);
    expect(findTitlePlace('铁石口镇2020年工作总结和2021年工作打算')).toEqual(['铁石口镇']);
    expect(findTitlePlace('广东省徐闻县南山镇2021年政府工作报告')).toEqual(['广东省', '徐闻县', '南山镇']);
    expect(findTitlePlace('乡镇政府2023工作报告')).toEqual([]);
    expect(findTitlePlace('政府工作报告')).toEqual([]);
  });

  it('reads the meeting line for date, year and place, also for provinces and the national congress', () => {
    expect(findMeeting(['——2022年3月18日在港门镇第十八届人民代表大会第二次会议上'])).toEqual({ date: '2022-03-18', year: 2022, place: '港门镇' });
    expect(findMeeting(['——2023年1月12日在广东省第十四届人民代表大会第一次会议上'])).toMatchObject({ place: '广东省' });
    expect(findMeeting(['——2024年3月5日在第十四届全国人民代表大会第二次会议上'])).toMatchObject({ year: 2024, place: '全国' });
  });

  it('reads the speaker line with post and name', () => {
    expect(findSpeaker(['南山镇人民政府镇长   詹庆发'])).toEqual({ region: '南山镇', post: '镇长', name: '詹庆发' });
    expect(findSpeaker(['广东省人民政府省长 王伟中'])).toEqual({ region: '广东省', post: '省长', name: '王伟中' });
    expect(findSpeaker(['国务院总理 李强'])).toEqual({ region: '全国', post: '总理', name: '李强' });
  });

  it('finds the town in the body when the top is anonymised as XX镇', () => {
    expect(findSelfNamedPlace(['现在,我代表XX镇人民政府,向大会报告工作', '在此,我代表北蔡镇人民政府,向辛勤工作的全镇干部'])).toBe('北蔡镇');
  });

  it('takes the meeting year, else the plan year of the title, else the year of the headings', () => {
    expect(findYear('政府工作报告', [], 2022)).toBe(2022);
    expect(findYear('铁石口镇2020年工作总结和2021年工作打算', [], null)).toBe(2021);
    expect(findYear('政府工作报告', ['2020年工作回顾'], null)).toBe(2021);
    expect(findYear('政府工作报告', ['二、2022年工作安排'], null)).toBe(2022);
  });

  it('names the kind of text from the title', () => {
    expect(findKind('南山镇2021年政府工作报告')).toBe('政府工作报告');
    expect(findKind('铁石口镇2020年工作总结和2021年工作打算')).toBe('工作总结');
    expect(findKind('中华人民共和国乡村振兴促进法')).toBe('法');
  });

  it('derives the level from the place name', () => {
    expect([levelOf('南山镇'), levelOf('徐闻县'), levelOf('上海市'), levelOf('广东省'), levelOf('浦东新区'), levelOf('全国')]).toEqual(['镇', '县', '市', '省', '区', '国家']);
    expect(isPlaceName('XX镇')).toBe(false);
    expect(isPlaceName('全镇')).toBe(false);
  });

  it('extracts a provincial report end to end', () => {
    const meta = extractMetadata(['广东省政府工作报告', '——2023年1月12日在广东省第十四届人民代表大会第一次会议上', '广东省人民政府省长 王伟中'], 'gd.txt');
    expect(meta).toMatchObject({ region: '广东省', level: '省', year: 2023, date: '2023-01-12', speaker: '省长 王伟中', kind: '政府工作报告' });
  });

  it('extracts the national report end to end', () => {
    const meta = extractMetadata(['政府工作报告', '——2024年3月5日在第十四届全国人民代表大会第二次会议上', '国务院总理 李强'], 'gov.txt');
    expect(meta).toMatchObject({ region: '全国', level: '国家', year: 2024, speaker: '总理 李强' });
  });
});

describe('the sample corpus', () => {
  it('holds seven reports from seven towns, with the right region and year each', async () => {
    const engine = await sampleEngine();
    expect(engine.documents.map((d) => [d.source, d.region, d.year])).toEqual([
      ['000_91bac9b46b5f3c10.txt', '南山镇', 2021],
      ['001_d324ce6e83d8ee29.txt', '关路镇', 2021],
      ['002_d090e128778c2801.txt', '港门镇', 2022],
      ['003_555f7e936fe6323d.txt', '留庄镇', 2023],
      ['003_555f7e936fe6323d.txt', '北蔡镇', 2023],
      ['003_555f7e936fe6323d.txt', '孙岗镇', 2023],
      ['004_d4881d4d3e281476.txt', '铁石口镇', 2021],
    ]);
    expect(engine.documents.every((d) => d.level === '镇')).toBe(true);
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
    expect(extractMetadata(['上海市道路交通管理条例', '第一条　为了加强道路交通管理，根据本市实际，制定本条例。'], 'sh.txt')).toMatchObject({ region: '上海市', level: '市', kind: '条例' });
  });
});
