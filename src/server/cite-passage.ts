import type { PolicyDocument } from '../types.js';
import { passageUrl } from './view-models.js';

/** The issuing government as a citation names it: 国务院, 南山镇人民政府. */
function issuer(doc: PolicyDocument): string | null {
  if (doc.region === '全国') return '国务院';
  return doc.region ? `${doc.region}人民政府` : null;
}

/** The longest quotation a citation carries before it is shortened with an ellipsis. */
const MAX_QUOTE = 120;

/**
 * A citation in the manner of GB/T 7714 for a report, with the quoted passage and its permalink:
 * 南山镇人民政府. 南山镇2021年政府工作报告[R]. 南山镇第四届人民代表大会第八次会议, 2021-04-02. 报告人: 镇长 詹庆发.
 * 2020年工作回顾, 第3段: “…”. http://…/documents/…#p-9
 */
export function citation(doc: PolicyDocument, index: number, origin: string, paragraph: number | null): string {
  const passage = doc.passages[index];
  const parts: string[] = [];
  const by = issuer(doc);
  if (by) parts.push(`${by}.`);
  parts.push(`${doc.title}[R].`);
  const when = [doc.meeting, doc.date ?? (doc.year !== null ? String(doc.year) : null)].filter((x): x is string => x !== null);
  if (when.length > 0) parts.push(`${when.join(', ')}.`);
  if (doc.speaker) parts.push(`报告人: ${doc.speaker}.`);
  const where = [passage.section.length > 0 && !passage.heading ? passage.section.join(' › ') : null, paragraph !== null ? `第${paragraph}段` : passage.heading ? '标题' : '卷首'].filter(Boolean).join(', ');
  const quote = passage.text.length > MAX_QUOTE ? `${passage.text.slice(0, MAX_QUOTE)}……` : passage.text;
  parts.push(`${where}: “${quote}”.`);
  parts.push(`${origin}${passageUrl(doc.id, index)}`);
  return parts.join(' ');
}
