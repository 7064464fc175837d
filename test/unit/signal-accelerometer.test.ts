import { describe, expect, it } from 'vitest';
import { DataFormatError, loadAccelerometer, parseAccelerometerCsv } from '../../src/signal/accelerometer.ts';

describe('accelerometer loader', () => {
  it('loads the shipped series: n = 13800, ‖y‖∞ = 1, y ≥ 0, scaled column agrees', () => {
    const s = loadAccelerometer();
    expect(s.n).toBe(13800);
    expect(s.y.length).toBe(13800);
    let max = 0;
    let min = Infinity;
    for (const v of s.y) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    expect(max).toBe(1);
    expect(min).toBeGreaterThan(0);
    expect(s.raw[0]).toBeCloseTo(4.3, 12);
    expect(Math.abs(s.y[0] - 0.009962929)).toBeLessThan(1e-9);
  });

  const ok = '3,\n1.0,0.5\n2.0,1\n0.5,0.25\n';
  it('parses a small well-formed file, with CRLF too', () => {
    expect(Array.from(parseAccelerometerCsv(ok).y)).toEqual([0.5, 1, 0.25]);
    expect(Array.from(parseAccelerometerCsv(ok.replace(/\n/g, '\r\n')).y)).toEqual([0.5, 1, 0.25]);
  });

  const bad: [string, string, number, RegExp][] = [
    ['missing value', '3,\n1.0,0.5\n,1\n0.5,0.25\n', 3, /missing value in column 1/],
    ['missing second column', '3,\n1.0,0.5\n2.0\n0.5,0.25\n', 3, /missing value in column 2/],
    ['text', '3,\n1.0,0.5\n2.0,1\nabc,0.25\n', 4, /not a number/],
    ['negative', '3,\n1.0,0.5\n-2.0,1\n0.5,0.25\n', 3, /negative/],
    ['too few rows', '4,\n1.0,0.5\n2.0,1\n0.5,0.25\n', 5, /announces 4 rows/],
    ['bad header', 'x,\n1.0,0.5\n', 1, /row count/],
    ['inconsistent scaling', '2,\n1.0,0.5\n2.0,0.9\n', 3, /disagrees/],
    ['extra column', '2,\n1.0,0.5,7\n2.0,1\n', 2, /2 columns/],
    ['all zero', '1,\n0,0\n', 2, /all values are zero/],
    ['empty', '\n\n', 1, /empty/],
  ];
  for (const [what, text, line, re] of bad) {
    it(`rejects ${what} with the line number`, () => {
      try {
        parseAccelerometerCsv(text, 'f.csv');
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(DataFormatError);
        expect((e as DataFormatError).line).toBe(line);
        expect((e as Error).message).toMatch(re);
        expect((e as Error).message).toContain(`f.csv:${line}:`);
      }
    });
  }
  it('reports an unreadable path', () => {
    expect(() => loadAccelerometer('/nonexistent/acc.csv')).toThrow(DataFormatError);
  });
  it('rejects a non-string', () => {
    expect(() => parseAccelerometerCsv(3 as unknown as string)).toThrow(DataFormatError);
  });
});
