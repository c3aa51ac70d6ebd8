// External clustering quality against human labels: NMI (arithmetic-mean normalisation, as in
// scikit-learn), adjusted Rand index and purity. Unclustered items count as one more cluster.

function contingency(truth: string[], predicted: string[]) {
  const table = new Map<string, Map<string, number>>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    let row = table.get(t);
    if (!row) table.set(t, (row = new Map()));
    row.set(p, (row.get(p) ?? 0) + 1);
    rows.set(t, (rows.get(t) ?? 0) + 1);
    cols.set(p, (cols.get(p) ?? 0) + 1);
  });
  return { table, rows, cols, n: truth.length };
}

const entropy = (counts: Iterable<number>, n: number) => {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
};

export function nmi(truth: string[], predicted: string[]): number {
  const { table, rows, cols, n } = contingency(truth, predicted);
  let mutual = 0;
  for (const [t, row] of table)
    for (const [p, c] of row) mutual += (c / n) * Math.log((c * n) / (rows.get(t)! * cols.get(p)!));
  const hTruth = entropy(rows.values(), n);
  const hPredicted = entropy(cols.values(), n);
  const denominator = (hTruth + hPredicted) / 2;
  return denominator === 0 ? 1 : mutual / denominator;
}

const pairs = (x: number) => (x * (x - 1)) / 2;

export function adjustedRandIndex(truth: string[], predicted: string[]): number {
  const { table, rows, cols, n } = contingency(truth, predicted);
  let index = 0;
  for (const row of table.values()) for (const c of row.values()) index += pairs(c);
  let sumRows = 0;
  for (const c of rows.values()) sumRows += pairs(c);
  let sumCols = 0;
  for (const c of cols.values()) sumCols += pairs(c);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** Share of items whose cluster's majority label is their own label. */
export function purity(truth: string[], predicted: string[]): number {
  const { table, n } = contingency(predicted, truth);
  let correct = 0;
  for (const row of table.values()) correct += Math.max(...row.values());
  return correct / n;
}

/** How a clustering compares with labelled truth (a theme per item; unclustered items form one group). */
export function clusteringScores(
  items: Array<{ id: string; theme: string }>,
  result: { themes: Array<{ itemIds: string[] }>; unclustered: unknown[] },
) {
  const predicted = new Map<string, string>();
  result.themes.forEach((theme, t) => theme.itemIds.forEach((id) => predicted.set(id, `t${t}`)));
  const truth = items.map((item) => item.theme);
  const labels = items.map((item) => predicted.get(item.id) ?? 'unclustered');
  return {
    nmi: nmi(truth, labels),
    ari: adjustedRandIndex(truth, labels),
    purity: purity(truth, labels),
    themes: result.themes.length,
    unclustered: result.unclustered.length,
  };
}
