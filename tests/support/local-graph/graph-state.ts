/**
 * What the local Graph server holds: one site with its lists, columns, items and drive. One
 * instance per server, so tests never share state.
 */
import { cryptoId } from './http-io';

export type ColumnKind = 'text' | 'number' | 'choice' | 'dateTime' | 'boolean';

export interface ColumnState {
  readonly id: string;
  readonly name: string;
  displayName: string;
  description: string;
  kind: ColumnKind;
  /** The type facet as Graph returns it, e.g. `{ allowMultipleLines: true, textType: 'plain' }`. */
  facet: Record<string, unknown>;
  indexed: boolean;
  enforceUniqueValues: boolean;
  required: boolean;
  hidden: boolean;
  readonly readOnly: boolean;
}

export interface ListItemState {
  readonly id: number;
  readonly guid: string;
  version: number;
  fields: Record<string, unknown>;
  readonly createdDateTime: string;
  lastModifiedDateTime: string;
}

export interface ListState {
  readonly id: string;
  readonly name: string;
  displayName: string;
  description: string;
  readonly template: string;
  readonly columns: ColumnState[];
  readonly items: Map<number, ListItemState>;
  nextItemId: number;
  readonly createdDateTime: string;
}

export interface DriveItemState {
  readonly id: string;
  /** Path below the drive root, e.g. "Spring – March 2025/West Lancs.docx". */
  readonly path: string;
  content: Buffer;
  version: number;
  readonly createdDateTime: string;
  lastModifiedDateTime: string;
}

export interface UploadSessionState {
  readonly id: string;
  readonly path: string;
  readonly conflictBehavior: string;
  total?: number;
  readonly chunks: Buffer[];
  received: number;
  readonly expirationDateTime: string;
}

export interface SiteState {
  readonly id: string;
  readonly displayName: string;
  readonly webUrl: string;
  readonly lists: ListState[];
  readonly files: Map<string, DriveItemState>;
  readonly uploadSessions: Map<string, UploadSessionState>;
  readonly driveId: string;
}

export function createSiteState(id: string, webUrl: string): SiteState {
  return {
    id,
    displayName: 'TASS',
    webUrl,
    lists: [],
    files: new Map(),
    uploadSessions: new Map(),
    driveId: `b!${cryptoId().replace(/-/g, '')}`,
  };
}

/** The columns SharePoint puts on every generic list: Title, plus read-only system columns. */
export function builtInColumns(): ColumnState[] {
  const system = (name: string, kind: ColumnKind, facet: Record<string, unknown>): ColumnState => ({
    id: cryptoId(),
    name,
    displayName: name,
    description: '',
    kind,
    facet,
    indexed: false,
    enforceUniqueValues: false,
    required: false,
    hidden: false,
    readOnly: true,
  });
  return [
    {
      id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
      name: 'Title',
      displayName: 'Title',
      description: '',
      kind: 'text',
      facet: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
      indexed: false,
      enforceUniqueValues: false,
      required: true,
      hidden: false,
      readOnly: false,
    },
    system('ID', 'number', {}),
    system('Created', 'dateTime', { displayAs: 'default', format: 'dateTime' }),
    system('Modified', 'dateTime', { displayAs: 'default', format: 'dateTime' }),
  ];
}

/** SharePoint list item eTags look like `"{guid},{version}"`. */
export function itemETag(item: ListItemState): string {
  return `"${item.guid},${item.version}"`;
}

/** Finds a list by id, internal name or display name: Graph accepts any of them in the URL. */
export function findList(site: SiteState, idOrName: string): ListState | undefined {
  const wanted = idOrName.toLowerCase();
  return site.lists.find(
    (list) => list.id.toLowerCase() === wanted || list.name.toLowerCase() === wanted || list.displayName.toLowerCase() === wanted,
  );
}

export function findColumn(list: ListState, name: string): ColumnState | undefined {
  return list.columns.find((column) => column.name === name);
}
