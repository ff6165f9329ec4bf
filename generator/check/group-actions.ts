/**
 * Groups action pages by service and version and settles two pages for one action.
 *
 * Rule for duplicates (documented in TCG051): the page with more content wins, counted as input
 * and output parameters plus error codes plus examples; on a tie, the page whose file name sorts
 * first wins. The warning names both files. The dropped page's examples are examples of the same
 * action and version, so they join the kept page's (after its own): every example of every page
 * is typed, widens the contract if it must, and is tested.
 */
import { compareCodeUnits } from "../code-unit-order.js";
import { diagnose } from "../diagnostics/catalogue.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { ExampleDraft, ParsedActionPage } from "../parse/parsed-page.js";
import { contentSize } from "./page-facts.js";

export interface ActionGroup {
  readonly service: string;
  readonly version: string;
  readonly host: string;
  /** One page per action, sorted by action name. */
  readonly pages: readonly ParsedActionPage[];
}

export function groupActions(
  pages: readonly ParsedActionPage[],
  diagnostics: Diagnostic[],
): ActionGroup[] {
  const byKey = new Map<string, ParsedActionPage[]>();
  for (const page of [...pages].sort((a, b) => compareCodeUnits(a.file, b.file))) {
    const key = `${page.service}\u0000${page.version}`;
    const list = byKey.get(key) ?? [];
    list.push(page);
    byKey.set(key, list);
  }
  const groups: ActionGroup[] = [];
  for (const list of byKey.values()) {
    const first = list[0];
    if (first === undefined) continue;
    const droppedExamples = new Map<string, ExampleDraft[]>();
    const kept = settleDuplicates(list, {
      name: (page) => page.action.name,
      size: contentSize,
      onDuplicate: (winner, loser) => {
        const extra = droppedExamples.get(loser.action.name) ?? [];
        droppedExamples.set(loser.action.name, [...extra, ...loser.action.examples]);
        diagnostics.push(
          diagnose("TCG051", loser.action.position, {
            action: loser.action.name,
            version: loser.version,
            kept: winner.file,
            dropped: loser.file,
          }),
        );
      },
    });
    const chosen = [...kept.values()]
      .map((page) => withExamples(page, droppedExamples.get(page.action.name) ?? []))
      .sort((a, b) => compareCodeUnits(a.action.name, b.action.name));
    groups.push({
      service: first.service,
      version: first.version,
      host: chooseHost(chosen, diagnostics),
      pages: chosen,
    });
  }
  return groups.sort(
    (a, b) => compareCodeUnits(a.service, b.service) || compareCodeUnits(a.version, b.version),
  );
}

function withExamples(page: ParsedActionPage, more: readonly ExampleDraft[]): ParsedActionPage {
  if (more.length === 0) return page;
  return { ...page, action: { ...page.action, examples: [...page.action.examples, ...more] } };
}

/**
 * One page per action name among pages of one service and version, in file order: the larger
 * wins, the earlier file on a tie. check/plan-tree.ts settles the same duplicates from page facts
 * with this function, so the two cannot disagree on which page is kept.
 */
export function settleDuplicates<T>(
  pages: readonly T[],
  by: {
    readonly name: (page: T) => string;
    readonly size: (page: T) => number;
    readonly onDuplicate?: (winner: T, loser: T) => void;
  },
): Map<string, T> {
  const kept = new Map<string, T>();
  for (const page of pages) {
    const name = by.name(page);
    const other = kept.get(name);
    if (other === undefined) {
      kept.set(name, page);
      continue;
    }
    const [winner, loser] = by.size(page) > by.size(other) ? [page, other] : [other, page];
    kept.set(name, winner);
    by.onDuplicate?.(winner, loser);
  }
  return kept;
}

/** The host most pages name; ties go to the first action's host. */
function chooseHost(pages: readonly ParsedActionPage[], diagnostics: Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const page of pages) counts.set(page.host, (counts.get(page.host) ?? 0) + 1);
  let best = pages[0]?.host ?? "";
  for (const [host, count] of counts) if (count > (counts.get(best) ?? 0)) best = host;
  for (const page of pages) {
    if (page.host !== best) {
      diagnostics.push(
        diagnose("TCG053", page.action.position, {
          service: page.service,
          version: page.version,
          host: best,
          other: page.host,
        }),
      );
    }
  }
  return best;
}
