/** Write the three base reports (report.json, report.md, junit.xml) atomically into a directory. */
import { join } from 'node:path';
import type { Report } from '../runner/result.ts';
import { writeFileAtomic } from './atomic.ts';
import { reportToJson } from './json.ts';
import { reportToJunit } from './junit.ts';
import { reportToMarkdown } from './markdown.ts';

/** Paths written. */
export interface WrittenReports {
  json: string;
  markdown: string;
  junit: string;
}

/** Write report.json, report.md and junit.xml into `dir`. */
export function writeReports(report: Report, dir: string): WrittenReports {
  const paths = { json: join(dir, 'report.json'), markdown: join(dir, 'report.md'), junit: join(dir, 'junit.xml') };
  writeFileAtomic(paths.json, reportToJson(report));
  writeFileAtomic(paths.markdown, reportToMarkdown(report));
  writeFileAtomic(paths.junit, reportToJunit(report));
  return paths;
}
