/** One file of generated output. */
export interface GeneratedFile {
  /** Path relative to the output folder, posix separators, e.g. "dts/src/v20180330/types.ts". */
  readonly path: string;
  readonly content: string;
}
