// Every content shape of the project, in one import.
export * from './framework.ts';
export * from './common.ts';
export * from './project.ts';
export * from './department.ts';
export * from './site.ts';
