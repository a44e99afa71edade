/** Shared data types of the pipeline. All are plain read-only objects; only the engine holds state. */

/** A corpus file after decoding: its text, and where it came from. */
export interface SourceFile {
  /** Path relative to the corpus directory, with forward slashes (e.g. `sub/000_abc.txt`). */
  readonly name: string;
  /** Decoded text (BOM removed, line ends as in the file). */
  readonly text: string;
  /** The encoding it was decoded from (`UTF-8`, `GB18030`, `UTF-16LE`…), or the container (`docx`, `pdf`). */
  readonly encoding: string;
  /** How it was read, from its content: plain text, web page, Word (.docx, .doc) or PDF. */
  readonly format: 'txt' | 'html' | 'docx' | 'doc' | 'pdf';
  /** Lines the file's markup marks as headings (`<h2>`, Word's Heading 2), with their level 1–6. */
  readonly headings: readonly { readonly text: string; readonly level: number }[];
}

/** A file that could not be read as text, with the reason. */
export interface SkippedFile {
  readonly name: string;
  readonly reason: string;
}

/** Administrative level of the issuing government, derived from the region name. */
export type Level = '国家' | '省' | '市' | '县' | '区' | '镇' | '乡' | '街道';

/** Where a metadata value came from: a rule reading the text, the file name, the gazetteer, or the user's file. */
export type MetaSource = 'title' | 'meeting' | 'speaker' | 'body' | 'headings' | 'file-name' | 'composed' | 'gazetteer' | 'metadata.csv';

/** The metadata fields whose source is recorded. */
export type MetaField = 'title' | 'region' | 'level' | 'county' | 'city' | 'province' | 'code' | 'year' | 'date' | 'meeting' | 'speaker' | 'kind';

/** What ingest knows about one report (a `null` is a value the text does not give). */
export interface DocumentMeta {
  /** The report's title line as cleaned (e.g. `南山镇2021年政府工作报告`). */
  readonly title: string;
  /** The issuing government's place name as written (南山镇, 上海市, 徐闻县…). */
  readonly region: string | null;
  readonly level: Level | null;
  /** The county or district above the region (港门镇 → 遂溪县), from the gazetteer or the text. */
  readonly county: string | null;
  /** The prefecture-level city above the region (港门镇 → 湛江市). */
  readonly city: string | null;
  /** The province-level division above the region (港门镇 → 广东省; null for a province itself). */
  readonly province: string | null;
  /** GB/T 2260 code of the region (`440823112`), when the gazetteer knows it unambiguously. */
  readonly code: string | null;
  /** The year the report is for: the meeting year, or the plan year. */
  readonly year: number | null;
  /** Meeting date as `YYYY-MM-DD`. */
  readonly date: string | null;
  /** The meeting the report was made to (南山镇第四届人民代表大会第八次会议). */
  readonly meeting: string | null;
  /** Post and name (e.g. `镇长 詹庆发`). */
  readonly speaker: string | null;
  /** 政府工作报告, 工作总结, 工作报告… */
  readonly kind: string | null;
  /** The corpus file it came from. */
  readonly source: string;
  /** Where each known value came from (`{ region: 'title', year: 'meeting', county: 'gazetteer' }`). */
  readonly sources: Readonly<Partial<Record<MetaField, MetaSource>>>;
}

/** One paragraph (or a sentence-aligned piece of a long one) with the headings above it. */
export interface Passage {
  /** Stable id, e.g. `000_91bac9b46b5f3c10-p12`. */
  readonly id: string;
  readonly docId: string;
  /** Position in its document, counting from 0. */
  readonly index: number;
  /** Heading labels from the top down (`2020年工作回顾`, `一、…`); a heading includes itself. */
  readonly section: readonly string[];
  /** Whether the passage is a heading line. */
  readonly heading: boolean;
  readonly text: string;
  /** Whether the next passage continues the same paragraph (a long paragraph split at a sentence end). */
  readonly continues: boolean;
}

/** A report: its metadata and its passages in order. */
export interface PolicyDocument extends DocumentMeta {
  /** Stable id built from the source file name (and the report's number in a multi-report file). */
  readonly id: string;
  readonly passages: readonly Passage[];
}

/** A word of a passage: its normalised form and where it stands in the passage text (UTF-16 units). */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A `[start, end)` range in a passage text, in UTF-16 units. */
export type Range = readonly [number, number];
