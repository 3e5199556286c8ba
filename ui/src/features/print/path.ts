// A measure's structural path as the ingest writes it (`三、（四）`, `三、（四）#2` for the second
// task of an item, `row 52` for a table row) in the reader's words.
export interface PathWords {
  /** `{n}`: the row number. */
  tableRow: string;
  /** `{item}` and `{n}`: the n-th task inside an item. */
  task: string;
}

export function readablePath(path: string, words: PathWords): string {
  const row = /^row (\d+)$/u.exec(path);
  if (row) return words.tableRow.replace('{n}', row[1]!);
  const task = /^(.*)#(\d+)$/u.exec(path);
  if (task) {
    const item = task[1]!.trim();
    const inner = readablePath(item, words);
    return item ? words.task.replace('{item}', inner).replace('{n}', task[2]!) : inner;
  }
  return path;
}
