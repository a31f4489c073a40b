// The content collections arranged the way pages need them: units per year, each with its
// department targets and its projects in document order (the order of their file names).
import { getCollection, type CollectionEntry } from 'astro:content';
import { relative, resolve } from 'node:path';
import type { Department } from '../schema/department.ts';
import type { Project } from '../schema/project.ts';
import { CONTENT_DIR } from './content-layout.ts';
import { contentFilePath } from './paths.ts';
import { linkYears, type YearLinks } from './year-over-year.ts';

export interface ProjectEntry {
  data: Project;
  /** The YAML file on disk. */
  file: string;
  /** Site path of the published YAML file. */
  sourcePath: string;
}

export interface UnitYear {
  year: number;
  unit: string;
  unitName: string;
  department?: { data: Department; file: string; sourcePath: string };
  projects: ProjectEntry[];
}

function fileOf(entry: CollectionEntry<'projects'> | CollectionEntry<'departments'>): { file: string; sourcePath: string } {
  const file = resolve(entry.filePath ?? '');
  return { file, sourcePath: contentFilePath(relative(resolve(CONTENT_DIR), file).split('\\').join('/')) };
}

let cache: Promise<UnitYear[]> | undefined;

/** Every unit and year, newest year first, units by code. */
export function unitYears(): Promise<UnitYear[]> {
  cache ??= (async () => {
    const byKey = new Map<string, UnitYear>();
    const get = (year: number, unit: string, unitName: string) => {
      const key = `${year}/${unit}`;
      let uy = byKey.get(key);
      if (!uy) byKey.set(key, (uy = { year, unit, unitName, projects: [] }));
      return uy;
    };
    for (const entry of await getCollection('departments')) {
      get(entry.data.fiscalYear, entry.data.unitCode, entry.data.unitName).department = { data: entry.data, ...fileOf(entry) };
    }
    for (const entry of await getCollection('projects')) {
      get(entry.data.fiscalYear, entry.data.unitCode, entry.data.unitName).projects.push({ data: entry.data, ...fileOf(entry) });
    }
    for (const uy of byKey.values()) uy.projects.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return [...byKey.values()].sort((a, b) => b.year - a.year || a.unit.localeCompare(b.unit));
  })();
  return cache;
}

/** The content files a unit's year is built from: its projects and its department targets. */
export const contentFilesOf = (uy: UnitYear): string[] => [...uy.projects.map((p) => p.file), ...(uy.department ? [uy.department.file] : [])];

/** A county's site (several units) gets a landing page by year and an overview of each year. */
export const isCounty = (all: readonly UnitYear[]) => new Set(all.map((uy) => uy.unit)).size > 1;

let links: Promise<YearLinks<ProjectEntry>> | undefined;

/** Each project's table of the year before, and of the year after (year-over-year.ts). */
export function projectYearLinks(): Promise<YearLinks<ProjectEntry>> {
  links ??= unitYears().then((all) => linkYears(all.flatMap((uy) => uy.projects)));
  return links;
}

/** The source documents bundled for a unit and year (content/<year>/<unit>/source/*). */
export function sourceDocumentPath(uy: UnitYear): string | undefined {
  const document = uy.projects[0]?.data.source?.document ?? uy.department?.data.source?.document;
  return document ? contentFilePath(`${uy.year}/${uy.unit}/source/${document}`) : undefined;
}

/** Sources named in the footer of an overview page: the department file and the downloads. */
export function overviewSources(uy: UnitYear | undefined): { label: string; path: string }[] {
  return [...(uy?.department ? [{ label: '部门整体绩效目标 YAML', path: uy.department.sourcePath }] : []), { label: '全部数据（数据下载）', path: 'data/' }];
}
