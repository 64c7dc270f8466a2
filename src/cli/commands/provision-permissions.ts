/**
 * The list-permissions part of `tass provision`, and `--check-access`: plans and applies the
 * locking of the working lists through SharePoint REST, and prints who can read what.
 */
import { PARTNER_READABLE_LISTS, DOCUMENTS_LIBRARY, WORKING_LISTS, applyListPermissions, describePermissionStep, describeReaders, planListPermissions } from '../../store/sharepoint/list-permissions';
import type { SharePointRest } from '../../store/sharepoint/sharepoint-rest';
import { canPersonRead } from '../../store/sharepoint/site-permissions';

type Print = (line: string) => void;

export const NO_CERTIFICATE_MESSAGE =
  'List permissions were NOT set: SHAREPOINT_CERTIFICATE_PATH is not set, so partners in the site\'s Visitors group can still read the working lists. ' +
  'Set it (README "Deploy to your tenant", step 7) and run tass provision again, or lock the lists by hand as step 7 describes.';

/** Plans and (unless `dryRun`) applies the list permissions; returns how many changes the plan had. */
export async function provisionListPermissions(rest: SharePointRest, options: { dryRun?: boolean }, print: Print): Promise<number> {
  const plan = await planListPermissions(rest);
  print(`List permissions on ${rest.webUrl} (kept: ${plan.groups.owners.Title}, ${plan.groups.members.Title})`);
  for (const list of plan.unchanged) print(`  unchanged   ${list}`);
  for (const warning of plan.warnings) print(`  warning     ${warning}`);
  if (plan.steps.length === 0) {
    print('Nothing to change: every working list is closed to everyone but the site\'s owners and members.');
  } else if (options.dryRun) {
    for (const step of plan.steps) print(`  would       ${describePermissionStep(step)}`);
    print(`Dry run: ${plan.steps.length} permission change(s) planned, nothing changed.`);
  } else {
    await applyListPermissions(rest, plan, (step) => print(`  done        ${describePermissionStep(step)}`));
    print(`Done: ${plan.steps.length} permission change(s).`);
  }
  print(options.dryRun && plan.steps.length > 0 ? 'After these changes:' : 'Who can read what:');
  for (const line of describeReaders(plan)) print(`  ${line}`);
  return plan.steps.length;
}

/** Prints which TASS lists (and the documents library) a person can read. */
export async function printAccessOf(rest: SharePointRest, email: string, print: Print): Promise<void> {
  const readable: string[] = [];
  print(`What ${email} can read on ${rest.webUrl}:`);
  for (const list of [...WORKING_LISTS, ...PARTNER_READABLE_LISTS, DOCUMENTS_LIBRARY]) {
    const canRead = await canPersonRead(rest, list, email);
    if (canRead === undefined) continue;
    if (canRead) readable.push(list);
    print(`  ${canRead ? 'can read   ' : 'cannot read'} ${list}`);
  }
  const exposed = readable.filter((list) => WORKING_LISTS.includes(list));
  print(readable.length === 0 ? `${email} can read none of the TASS lists.` : `${email} can read ${readable.length} of them, ${exposed.length} working list(s).`);
}
