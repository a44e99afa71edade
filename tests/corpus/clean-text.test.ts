import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, joinMeetingLines } from '../../src/corpus/clean-text.js';

describe('cleanText', () => {
  it('drops web-page chrome lines', () => {
    expect(cleanLine('2021-08-13 15:39 来源: 政府办')).toBe('');
    expect(cleanLine('扫一扫在手机打开当前页')).toBe('');
    expect(cleanLine('来源：县政府办公室')).toBe('');
  });

  it('removes Word bookmarks but keeps the text around them', () => {
    expect(cleanLine('[bookmark: _GoBack]加强普惠性、基础性')).toBe('加强普惠性、基础性');
  });

  it('closes up decorative spacing in titles', () => {
    expect(cleanLine('  政 府 工 作 报 告')).toBe('政府工作报告');
  });

  it('trims full-width and no-break padding but keeps spacing inside a line', () => {
    expect(cleanLine('\u3000\u3000南山镇人民政府镇长   詹庆发\u00a0')).toBe('南山镇人民政府镇长   詹庆发');
  });

  it('joins a meeting line broken over two lines', () => {
    expect(joinMeetingLines(['——2021年4月2日在南山镇第四届', '人民代表大会第八次会议上', '南山镇人民政府镇长 詹庆发'])).toEqual([
      '——2021年4月2日在南山镇第四届人民代表大会第八次会议上',
      '南山镇人民政府镇长 詹庆发',
    ]);
  });

  it('splits CRLF, CR and LF lines and drops blank ones', () => {
    expect(cleanText('一\r\n\r\n二\r三\n\n四')).toEqual(['一', '二', '三', '四']);
  });
});
