/**
 * Thrown while a module is laid out when it holds something the layout does not print as
 * prettier would (a node kind, a comment, a string it would re-quote): the module is then
 * formatted by prettier instead, so declining never changes a byte, only the time it takes.
 */
export class OutsideSubset extends Error {
  constructor(what: string) {
    super(`not laid out: ${what}`);
    this.name = "OutsideSubset";
  }
}
