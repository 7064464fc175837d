/**
 * Write a report set — report.json, report.md, junit.xml, and optionally
 * index.html and compare.md/compare.json — into a directory as ONE set
 * (see {@link writeFileSet}: staged, then moved into place together; files of
 * a previous set that this one lacks are removed).
 */
import { join } from 'node:path';
import type { Report } from '../runner/result.ts';
import { writeFileSet } from './atomic.ts';
import { reportToHtml } from './html.ts';
import { reportToJson } from './json.ts';
import { reportToJunit } from './junit.ts';
import { reportToMarkdown } from './markdown.ts';

/** Paths written. */
export interface WrittenReports {
  json: string;
  markdown: string;
  junit: string;
  /** index.html, when written. */
  html?: string;
}

/** The three base files of a report set, by name. */
export function baseReportFiles(report: Report): Record<string, string> {
  return { 'report.json': reportToJson(report), 'report.md': reportToMarkdown(report), 'junit.xml': reportToJunit(report) };
}

/** The base files plus index.html (unless `html` is false). */
export async function reportSetFiles(report: Report, html = true): Promise<Record<string, string>> {
  const files = baseReportFiles(report);
  if (html) files['index.html'] = await reportToHtml(report);
  return files;
}

/** Write `files` (name → content) as the report set of `dir`; returns the paths of the base reports (and HTML). */
export function writeReportSet(dir: string, files: Record<string, string>): WrittenReports {
  writeFileSet(dir, files);
  return {
    json: join(dir, 'report.json'),
    markdown: join(dir, 'report.md'),
    junit: join(dir, 'junit.xml'),
    ...('index.html' in files ? { html: join(dir, 'index.html') } : {}),
  };
}

/** Write report.json, report.md and junit.xml as the report set of `dir` (no HTML). */
export function writeReports(report: Report, dir: string): WrittenReports {
  return writeReportSet(dir, baseReportFiles(report));
}
