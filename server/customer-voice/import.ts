import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { RejectedRow } from '../../db/tables/customer-voice.ts';
import type { ImportReport, Mapping } from '../../common/api/customer-voice.ts';
import type { SourceRecord } from './readers.ts';
import { insertFeedbackBatch, loadRules, mapByRules, type RuleRow } from './queries.ts';
import { checkRow, mappedFields, type FeedbackRow } from './validate.ts';

// One import, from records to rows: each record is checked and redacted, valid rows are written in batches
// inside ONE transaction, and the transaction commits only when the import is accepted. A rejected row under
// accept=all, a file that cannot be read, or a database error rolls everything back: nothing half-imported
// is left behind. Memory stays bounded: one batch of rows, the first rejected rows, and the external ids
// seen (to refuse a duplicate within the file).

export const BATCH = 1000;
export const REPORTED_MAX = 500;

export interface ImportOptions {
  origin: 'upload' | 'api';
  label: string;
  format: 'csv' | 'jsonl' | 'json';
  mapping: Mapping;
  accept: 'all' | 'valid';
  dryRun: boolean;
  today: string;
  staffId: string | null;
  apiKeyId: string | null;
}

class Rollback extends Error {}

export async function importFeedback(
  db: Kysely<Database>,
  records: AsyncIterable<SourceRecord>,
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = {
    id: null,
    committed: false,
    rowsRead: 0,
    imported: 0,
    alreadyImported: 0,
    rejected: 0,
    rejectedRows: [],
    mappedToDepartments: 0,
  };
  const reject = (row: RejectedRow) => {
    report.rejected++;
    if (report.rejectedRows.length < REPORTED_MAX) report.rejectedRows.push(row);
  };
  let fatal = false;
  try {
    await db.transaction().execute(async (trx) => {
      const importRow = await trx
        .insertInto('customer_import')
        .values({
          origin: options.origin,
          label: options.label,
          format: options.format,
          rejected: '[]',
          staff_id: options.staffId,
          api_key_id: options.apiKeyId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rules = await loadRules(trx);
      const seen = new Map<string, number>();
      let batch: FeedbackRow[] = [];
      // One batch is written while the next is read and checked (Postgres works in its own process): at
      // most one write is in flight, so memory holds two batches at most.
      let writing: Promise<void> = Promise.resolve();
      const flush = async () => {
        await writing;
        if (!batch.length) return;
        const rows = batch;
        batch = [];
        writing = write(trx, importRow.id, rows, rules).then((written) => {
          report.imported += written.imported;
          report.alreadyImported += rows.length - written.imported;
          report.mappedToDepartments += written.mapped;
        });
        // Surfaces at the next flush (or the last one); never left unhandled meanwhile.
        writing.catch(() => {});
      };
      /** Waits for the write in flight, so the transaction is idle before it commits or rolls back. */
      const settle = () => writing;
      try {
        for await (const record of records) {
          if (record.kind === 'header') {
            const absent = mappedFields(options.mapping).filter(([, name]) => !record.columns.includes(name));
            if (absent.length) {
              for (const [field, name] of absent)
                reject({
                  line: 1,
                  reason: `the column "${name}" mapped to the ${field} is not in the header`,
                });
              fatal = true;
              break;
            }
            continue;
          }
          if (record.kind === 'fatal') {
            reject({ line: record.line, reason: record.reason });
            fatal = true;
            break;
          }
          report.rowsRead++;
          if (record.kind === 'rejected') {
            reject({ line: record.line, reason: record.reason });
            continue;
          }
          const checked = checkRow(record.get, options.mapping, options.today);
          if (!checked.ok) {
            reject({ line: record.line, reason: checked.reason });
            continue;
          }
          const first = seen.get(checked.row.externalId);
          if (first !== undefined) {
            reject({
              line: record.line,
              reason: `the external id "${[...checked.row.externalId].slice(0, 60).join('')}" is on line ${first} already`,
            });
            continue;
          }
          seen.set(checked.row.externalId, record.line);
          // Under accept=all a rejected row dooms the import: keep reading to report every row, write no more.
          if (options.accept === 'all' && report.rejected > 0) continue;
          batch.push(checked.row);
          if (batch.length >= BATCH) await flush();
        }
      } catch (error) {
        await settle().catch(() => {});
        throw error;
      }
      if (fatal || (options.accept === 'all' && report.rejected > 0)) {
        await settle().catch(() => {});
        throw new Rollback();
      }
      await flush();
      await settle();
      // A dry run writes and counts like the real thing, then rolls back.
      if (options.dryRun) throw new Rollback();
      await trx
        .updateTable('customer_import')
        .set({
          rows_read: report.rowsRead,
          rows_imported: report.imported,
          rows_already_imported: report.alreadyImported,
          rows_rejected: report.rejected,
          rejected: JSON.stringify(report.rejectedRows),
        })
        .where('id', '=', importRow.id)
        .execute();
      report.id = importRow.id;
    });
    report.committed = true;
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    // Nothing was stored. A dry run keeps its counts (what would have happened); a refused file has none.
    report.id = null;
    if (!options.dryRun || fatal || (options.accept === 'all' && report.rejected > 0)) {
      report.imported = 0;
      report.alreadyImported = 0;
      report.mappedToDepartments = 0;
    }
  }
  return report;
}

async function write(trx: Transaction<Database>, importId: string, rows: FeedbackRow[], rules: RuleRow[]) {
  const inserted = await insertFeedbackBatch(trx, importId, rows);
  const mapped = await mapByRules(trx, inserted, rules);
  return { imported: inserted.length, mapped };
}
