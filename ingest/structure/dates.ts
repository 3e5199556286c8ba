// Dates as official documents write them: 2021年8月11日, 2021 年 8 月 11 日, 2021-08-11, and
// in Chinese numerals (二〇一七年十一月二十日, also with ○ or 零 for zero), which documents
// signed before GB/T 9704-2012 use. Deadlines (2023年底前, 2024年6月底前) give the last day.
import { chineseNumber } from '../segment.js';

const DIGIT: Record<string, string> = { '〇': '0', '○': '0', '零': '0', 'Ｏ': '0', O: '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };
const CN_YEAR = '[〇○零Ｏ一二三四五六七八九]{4}';
const CN_SMALL = '[一二三四五六七八九十]{1,3}';

export function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1949 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

const ARABIC = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const DASHED = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/u;
const CHINESE = new RegExp(`^(${CN_YEAR})\\s*年\\s*(${CN_SMALL})\\s*月\\s*(${CN_SMALL})\\s*日`, 'u');

/** The ISO date a string starts with, and the length it takes; undefined when it starts with none. */
export function dateAt(s: string): { iso: string; length: number } | undefined {
  const t = s.normalize('NFKC');
  let m = ARABIC.exec(t) ?? DASHED.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? { iso: iso(y, mo, d), length: m[0].length } : undefined;
  }
  m = CHINESE.exec(s);
  if (m) {
    const y = Number([...m[1]!].map((c) => DIGIT[c]).join(''));
    const mo = chineseNumber(m[2]!);
    const d = chineseNumber(m[3]!);
    if (mo !== undefined && d !== undefined && valid(y, mo, d)) return { iso: iso(y, mo, d), length: m[0].length };
  }
  return undefined;
}

/** A line that is only a date (a signature date, 成文日期), possibly in brackets or followed by 印发. */
export function dateLine(line: string): { iso: string; printed: boolean } | undefined {
  const t = line.replace(/[\s\u3000]+/gu, '').replace(/^[(（]|[)）]$/gu, '');
  const d = dateAt(t);
  if (!d) return undefined;
  const rest = t.slice(d.length);
  if (rest === '') return { iso: d.iso, printed: false };
  if (rest === '印发') return { iso: d.iso, printed: true };
  return undefined;
}

const LAST_DAY = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A deadline as written, when it is one: 2023年底前 → 2023-12-31, 2024年6月底前 → 2024-06-30,
 * 2023年9月30日前, 2023年上半年, 长期坚持 / 持续推进 (no date). `date` only where it names a day.
 */
export function readDeadline(s: string): { date?: string } | undefined {
  const t = s.normalize('NFKC').replace(/\s+/gu, '').replace(/[。.;；,，]$/u, '');
  if (/^(长期坚持|持续推进|持续实施|长期|持续开展|常态化推进|持续|逐年推进|分年度实施|分步实施)$/u.test(t)) return {};
  const m = /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?(底|末|年底|上半年|下半年|第[一二三四1-4]季度)?(?:前|以前|之前|完成|启动|底前)?(?:完成|取得阶段性成果|基本完成|见效)?$/u.exec(t);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (y < 1990 || y > 2100) return undefined;
  if (m[2]) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    return { date: iso(y, mo, m[3] ? Number(m[3]) : LAST_DAY(y, mo)) };
  }
  const part = m[4] ?? '';
  if (part === '上半年') return { date: iso(y, 6, 30) };
  const q = /第([一二三四1-4])季度/u.exec(part);
  if (q) {
    const n = chineseNumber(q[1]!)!;
    return { date: iso(y, n * 3, LAST_DAY(y, n * 3)) };
  }
  return { date: iso(y, 12, 31) };
}
