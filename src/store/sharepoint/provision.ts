/**
 * Creates or updates the TASS lists and their columns, idempotently: a second run finds nothing
 * to change. Lists: https://learn.microsoft.com/en-us/graph/api/list-create; columns:
 * https://learn.microsoft.com/en-us/graph/api/list-post-columns and
 * https://learn.microsoft.com/en-us/graph/api/columndefinition-update. Graph v1.0 cannot create
 * list views, so views are left to SharePoint (see the "Data model" section of README.md).
 */
import type { GraphConnection } from './graph-connection';
import { unavailable } from './graph-failures';
import { columnDefinition, LIST_SPECS, type ColumnSpec, type ListKey, type ListSpec } from './schema';

export type ProvisionStep =
  | { readonly action: 'create list'; readonly list: string; readonly spec: ListSpec }
  | { readonly action: 'add column'; readonly list: string; readonly listId: string; readonly column: ColumnSpec }
  | { readonly action: 'update column'; readonly list: string; readonly listId: string; readonly columnId: string; readonly column: ColumnSpec; readonly changes: readonly string[]; readonly existingChoices: readonly string[] };

export interface ProvisionPlan {
  readonly steps: readonly ProvisionStep[];
  /** Lists that already match their definition. */
  readonly unchanged: readonly string[];
}

interface ExistingColumn {
  readonly id: string;
  readonly name: string;
  readonly indexed?: boolean;
  readonly enforceUniqueValues?: boolean;
  readonly choice?: { readonly choices?: readonly string[]; readonly allowTextEntry?: boolean };
}

/** What differs between a column as defined and as it is on the site. */
function differences(column: ColumnSpec, existing: ExistingColumn): string[] {
  const wanted = columnDefinition(column);
  const changes: string[] = [];
  if (wanted.indexed === true && existing.indexed !== true) changes.push('index it');
  if (wanted.enforceUniqueValues === true && existing.enforceUniqueValues !== true) changes.push('enforce unique values');
  if (column.type.kind === 'choice') {
    const have = existing.choice?.choices ?? [];
    const missing = column.type.choices.filter((choice) => !have.includes(choice));
    if (missing.length > 0) changes.push(`add choices ${missing.join(', ')}`);
    if (column.type.allowTextEntry === true && existing.choice?.allowTextEntry !== true) changes.push('allow other values');
  }
  return changes;
}

/** Reads the site and works out what to create or change. */
export async function planProvisioning(connection: GraphConnection, siteId: string): Promise<ProvisionPlan> {
  try {
    await connection.client.api(`/sites/${siteId}`).get();
    const lists = (await connection.client.api(`/sites/${siteId}/lists?$select=id,displayName&$top=999`).get()) as {
      value: Array<{ id: string; displayName: string }>;
    };
    const steps: ProvisionStep[] = [];
    const unchanged: string[] = [];
    for (const key of Object.keys(LIST_SPECS) as ListKey[]) {
      const spec = LIST_SPECS[key];
      const existing = lists.value.find((list) => list.displayName === spec.displayName);
      if (!existing) {
        steps.push({ action: 'create list', list: spec.displayName, spec });
        continue;
      }
      const columns = (await connection.client.api(`/sites/${siteId}/lists/${existing.id}/columns`).get()) as { value: ExistingColumn[] };
      const before = steps.length;
      for (const column of spec.columns) {
        const found = columns.value.find((candidate) => candidate.name === column.name);
        if (!found) {
          steps.push({ action: 'add column', list: spec.displayName, listId: existing.id, column });
          continue;
        }
        const changes = differences(column, found);
        if (changes.length > 0) {
          steps.push({ action: 'update column', list: spec.displayName, listId: existing.id, columnId: found.id, column, changes, existingChoices: found.choice?.choices ?? [] });
        }
      }
      if (steps.length === before) unchanged.push(spec.displayName);
    }
    return { steps, unchanged };
  } catch (error) {
    throw unavailable(error, 'reading the SharePoint site');
  }
}

/** Carries out a plan, step by step, in order. */
export async function applyProvisioning(connection: GraphConnection, siteId: string, plan: ProvisionPlan): Promise<void> {
  for (const step of plan.steps) {
    try {
      if (step.action === 'create list') {
        await connection.client.api(`/sites/${siteId}/lists`).post({
          displayName: step.spec.displayName,
          description: step.spec.description,
          columns: step.spec.columns.map(columnDefinition),
          list: { template: 'genericList' },
        });
      } else if (step.action === 'add column') {
        await connection.client.api(`/sites/${siteId}/lists/${step.listId}/columns`).post(columnDefinition(step.column));
      } else {
        const wanted = columnDefinition(step.column);
        const patch: Record<string, unknown> = { indexed: wanted.indexed, enforceUniqueValues: wanted.enforceUniqueValues };
        if (step.column.type.kind === 'choice') {
          // Keep choices an admin added on the site; add ours.
          const ours = step.column.type.choices;
          patch.choice = { ...(wanted.choice as object), choices: [...ours, ...step.existingChoices.filter((choice) => !ours.includes(choice))] };
        }
        await connection.client.api(`/sites/${siteId}/lists/${step.listId}/columns/${step.columnId}`).patch(patch);
      }
    } catch (error) {
      throw unavailable(error, `provisioning ${step.list}`);
    }
  }
}

/** One line per step, for people. */
export function describeStep(step: ProvisionStep): string {
  switch (step.action) {
    case 'create list':
      return `create list "${step.list}" with ${step.spec.columns.length} columns`;
    case 'add column':
      return `add column "${step.column.name}" to "${step.list}"`;
    case 'update column':
      return `update column "${step.column.name}" of "${step.list}": ${step.changes.join('; ')}`;
  }
}
