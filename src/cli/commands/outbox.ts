/**
 * `tass outbox`: what the SharePoint outbox holds. Writes waiting for SharePoint are replayed by
 * the running bot; writes SharePoint refused (someone changed the same item meanwhile) are held
 * for an admin, who checks SharePoint and then discards them here.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../../config/config';
import { OutboxFile, outboxPathFor, type OutboxItem } from '../../store/outbox/outbox-file';
import { writtenEntities } from '../../store/outbox/outbox-writes';
import { StoreOpenError } from '../../store/errors';
import { CliError } from '../cli-error';

function describeItem(item: OutboxItem): string {
  const entities = writtenEntities(item.write).map((written) => `${written.entity} ${written.key}`);
  const reason = item.state === 'pending' ? `${item.attempts} attempt(s)` : item.lastError ?? '';
  return `#${item.seq}  ${item.state.padEnd(8)}  ${item.createdAt}  ${item.write.op}: ${entities.join(', ')}${reason ? `  (${reason})` : ''}`;
}

function openOutbox(file: string): OutboxFile {
  try {
    return OutboxFile.open(file);
  } catch (error) {
    if (error instanceof StoreOpenError) throw new CliError(error.message);
    throw error;
  }
}

export function registerOutboxCommand(program: Command): void {
  program
    .command('outbox')
    .description('list the writes waiting for SharePoint and those SharePoint refused; discard a refused one once dealt with')
    .option('--file <path>', 'the outbox file (default: TASS_DATA_DIR/outbox.db)')
    .option('--discard <seq>', 'remove the held (refused) write with this number')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  tass outbox\n  tass outbox --discard 12')
    .action((options: { file?: string; discard?: string; json?: boolean }) => {
      let file = options.file;
      if (!file) {
        try {
          file = outboxPathFor(loadConfig());
        } catch (error) {
          if (error instanceof ConfigError) throw new CliError(error.message);
          throw error;
        }
      }
      if (!fs.existsSync(file)) {
        process.stdout.write(options.json ? '[]\n' : `No outbox at ${file}: nothing is waiting for SharePoint.\n`);
        return;
      }
      const outbox = openOutbox(file);
      try {
        const items = outbox.items();
        if (options.discard !== undefined) {
          const seq = Number(options.discard);
          const item = items.find((candidate) => candidate.seq === seq);
          if (!item) throw new CliError(`there is no write #${options.discard} in ${file}`);
          if (item.state === 'pending') throw new CliError(`write #${seq} is still waiting to be replayed; only held writes can be discarded`);
          outbox.remove(seq);
          process.stdout.write(`Discarded #${seq} (${item.write.op}).\n`);
          return;
        }
        if (options.json) {
          const listed = items.map((item) => ({ seq: item.seq, state: item.state, op: item.write.op, createdAt: item.createdAt, attempts: item.attempts, lastError: item.lastError, entities: writtenEntities(item.write).map(({ entity, key }) => ({ entity, key })) }));
          process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
          return;
        }
        const pending = items.filter((item) => item.state === 'pending').length;
        process.stdout.write(`${pending} write(s) waiting for SharePoint, ${items.length - pending} held.\n`);
        for (const item of items) process.stdout.write(`${describeItem(item)}\n`);
      } finally {
        outbox.close();
      }
    });
}
