// Which reader a file goes to, decided by its extension.
import { ReadError } from './errors.ts';

export type ReportFormat = 'text' | 'markdown' | 'html' | 'json';

const FORMAT_BY_EXTENSION: Record<string, ReportFormat> = {
  '': 'text',
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
};

export const SUPPORTED_EXTENSIONS = '.txt, .md, .html or .json';

/** The file name's base name without directories or extension, and its lower-cased extension. */
export function splitFileName(fileName: string): { stem: string; extension: string } {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  // A leading dot (".notes") is a hidden file's name, not an extension.
  if (dot <= 0) return { stem: base, extension: '' };
  return { stem: base.slice(0, dot), extension: base.slice(dot + 1).toLowerCase() };
}

export function reportFormat(fileName: string): ReportFormat {
  const { extension } = splitFileName(fileName);
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format) {
    throw new ReadError(
      'UNSUPPORTED_TYPE',
      `${fileName}: unsupported file type '.${extension}' (expected ${SUPPORTED_EXTENSIONS})`,
    );
  }
  return format;
}
