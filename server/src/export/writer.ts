import type { ExportItem } from './export-item.js';
import type { AppliedExportFilter } from './export-parameters.js';

/** What an export says about itself. */
export interface ExportMeta {
  exportedAt: Date;
  filter: AppliedExportFilter;
}

/**
 * One export being written, item by item, so that a long timeline streams: `begin`, then
 * `item` for each item in timeline order, then `end`; the pieces concatenated are the file.
 */
export interface ExportWriter {
  begin(): string;
  /** The item's text; '' when the format leaves the item out. */
  item(item: ExportItem): string;
  end(): string;
}
