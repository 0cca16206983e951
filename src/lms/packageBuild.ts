/**
 * The file the build writes at its root for the SCORM packager (written by
 * src/cli/buildFiles.ts, read by src/lms/package.ts): the app's version and
 * every file the build made. Imports nothing, so the Vite config can load it.
 */
export const BUILD_FILES = 'build-files.json';

export interface BuildFiles {
  version: string;
  files: string[];
}
