/** One Markdown page as read from disk. `file` is the path as given, used in every position. */
export interface SourcePage {
  readonly file: string;
  readonly text: string;
}
