/* The LP relaxation of an exported model, solved by lp_solve 5.5 with the library's defaults
 * (integrality dropped), and optionally by sifting: a column-generation loop that solves the LP
 * on a working set of columns, prices every other column with the working LP's duals, adds the
 * best ones and repeats; its last basis, translated to the whole model, is the whole LP's
 * optimum when no column prices out (Bixby et al., "Very large-scale linear programming: a case
 * study in combining interior point and simplex methods", Operations Research 40(5), 1992).
 * Prints one line per solve: status, objective, iterations, seconds.
 *   first-lp MODEL.lp [antidegen=N] [scaling=N] [improve=N] [pivoting=N]   library defaults, or changes
 *   first-lp MODEL.lp --sifting K                                 sifting, K columns added per round
 * Build: cc -O2 -o first-lp first-lp.c -llpsolve55 -lcolamd -lm -ldl            (Benchmarks/first-lp.sh) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <lpsolve/lp_lib.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static int descending(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? 1 : x > y ? -1 : 0; }

static int sifting(lprec *full, int perRound);

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: first-lp MODEL.lp [--sifting K | key=value ...]\n"); return 2; }
  lprec *lp = read_LP(argv[1], NEUTRAL, "model");
  if (!lp) { fprintf(stderr, "%s: not read\n", argv[1]); return 1; }
  set_verbose(lp, NEUTRAL);
  for (int j = 1; j <= get_Ncolumns(lp); j++) set_int(lp, j, FALSE);
  if (argc > 3 && !strcmp(argv[2], "--sifting")) {
    if (atoi(argv[3]) < 1) { fprintf(stderr, "--sifting needs K >= 1 columns a round\n"); return 2; }
    return sifting(lp, atoi(argv[3]));
  }
  for (int i = 2; i < argc; i++) {
    char *key = argv[i], *value = strchr(key, '=');
    if (!value) continue;
    *value++ = 0;
    if (!strcmp(key, "antidegen")) set_anti_degen(lp, atoi(value));
    else if (!strcmp(key, "scaling")) set_scaling(lp, atoi(value));
    else if (!strcmp(key, "improve")) set_improve(lp, atoi(value));
    else if (!strcmp(key, "pivoting")) set_pivoting(lp, atoi(value));
    else { fprintf(stderr, "unknown setting %s\n", key); return 2; }
  }
  double t = now();
  int status = solve(lp);
  t = now() - t;
  printf("rows %d columns %d status %d objective %.8f iterations %.0f seconds %.2f\n", get_Nrows(lp), get_Ncolumns(lp), status,
         get_objective(lp), (double)get_total_iter(lp), t);
  return status == OPTIMAL ? 0 : 1;
}

/* Sifting. The working LP holds the working columns and the rows they touch; a row left out
 * has dual 0 and its slack basic. Statuses are kept per row and column of the whole model
 * (0 nonbasic at lower, 1 basic, 2 nonbasic at upper) to start each round and the last solve.
 * A row left out holds at 0 only because every column left out sits at 0 and the park's models
 * are feasible with nothing built (every row holds at 0); a model where a row needs a column
 * away from 0 would need that column in the first working set. */
static int sifting(lprec *full, int perRound) {
  int n = get_Nrows(full), m = get_Ncolumns(full), maximize = is_maxim(full);
  int **index = malloc(sizeof(int *) * (m + 1)), *count = malloc(sizeof(int) * (m + 1));
  REAL **value = malloc(sizeof(REAL *) * (m + 1)), *cost = calloc(m + 1, sizeof(REAL));
  int *ix = malloc(sizeof(int) * (n + 1));
  REAL *v = malloc(sizeof(REAL) * (n + 1));
  for (int j = 1; j <= m; j++) {
    int k = get_columnex(full, j, v, ix), q = 0;
    index[j] = malloc(sizeof(int) * (k + 1));
    value[j] = malloc(sizeof(REAL) * (k + 1));
    for (int p = 0; p < k; p++) {
      if (ix[p] == 0) cost[j] = v[p];
      else { index[j][q] = ix[p]; value[j][q] = v[p]; q++; }
    }
    count[j] = q;
  }
  char *working = calloc(m + 1, 1), *status = calloc(n + m + 1, 1);
  int *rowAt = malloc(sizeof(int) * (n + 1)), *rowOf = malloc(sizeof(int) * (n + 1)), *columnOf = malloc(sizeof(int) * (m + 1));
  double *gain = malloc(sizeof(double) * (m + 1)), *sorted = malloc(sizeof(double) * (m + 1));
  for (int j = 1; j <= m; j++) working[j] = get_lowbo(full, j) != 0; /* columns that cannot sit at 0 */
  for (int i = 1; i <= n; i++) status[i] = 1;
  double start = now(), solving = 0;
  long iterations = 0;
  for (int round = 1;; round++) {
    int rows = 0, columns = 0;
    for (int i = 1; i <= n; i++) rowAt[i] = 0;
    for (int j = 1; j <= m; j++)
      if (working[j]) for (int p = 0; p < count[j]; p++) rowAt[index[j][p]] = 1;
    for (int i = 1; i <= n; i++) if (rowAt[i]) { rowAt[i] = ++rows; rowOf[rows] = i; }
    lprec *lp = make_lp(rows, 0);
    set_verbose(lp, NEUTRAL);
    if (maximize) set_maxim(lp);
    for (int i = 1; i <= n; i++)
      if (rowAt[i]) { set_constr_type(lp, rowAt[i], get_constr_type(full, i)); set_rh(lp, rowAt[i], get_rh(full, i)); }
    for (int j = 1; j <= m; j++) {
      if (!working[j]) continue;
      int q = 0;
      ix[q] = 0; v[q++] = cost[j];
      for (int p = 0; p < count[j]; p++) { ix[q] = rowAt[index[j][p]]; v[q++] = value[j][p]; }
      add_columnex(lp, q, v, ix);
      columnOf[++columns] = j;
      set_bounds(lp, columns, get_lowbo(full, j), get_upbo(full, j));
    }
    if (round > 1) { /* start from the last round's statuses; added columns at their lower bound */
      int *basis = malloc(sizeof(int) * (rows + columns + 1)), q = 1;
      for (int r = 1; r <= rows; r++) if (status[rowOf[r]] == 1) basis[q++] = r;
      for (int k = 1; k <= columns; k++) if (status[n + columnOf[k]] == 1) basis[q++] = rows + k;
      int basic = q - 1;
      for (int r = 1; r <= rows; r++) if (status[rowOf[r]] != 1) basis[q++] = status[rowOf[r]] == 2 ? r : -r;
      for (int k = 1; k <= columns; k++) if (status[n + columnOf[k]] != 1) basis[q++] = status[n + columnOf[k]] == 2 ? rows + k : -(rows + k);
      if (basic == rows) set_basis(lp, basis, TRUE);
      free(basis);
    }
    double t = now();
    int result = solve(lp);
    t = now() - t;
    solving += t;
    iterations += (long)get_total_iter(lp);
    REAL *duals;
    int *basis = malloc(sizeof(int) * (rows + columns + 1));
    if (result != OPTIMAL || !get_ptr_dual_solution(lp, &duals) || !get_basis(lp, basis, TRUE)) {
      printf("round %d: rows %d columns %d status %d: not optimal, or no duals or basis; sifting stops\n", round, rows, columns, result);
      return 1;
    }
    int candidates = 0;
    for (int j = 1; j <= m; j++) {
      gain[j] = 0;
      if (working[j]) continue;
      double d = cost[j];
      for (int p = 0; p < count[j]; p++) if (rowAt[index[j][p]]) d -= duals[rowAt[index[j][p]]] * value[j][p];
      if ((maximize ? d : -d) > 1e-9) { gain[j] = maximize ? d : -d; sorted[candidates++] = gain[j]; }
    }
    double threshold = 0;
    if (candidates > perRound) { qsort(sorted, candidates, sizeof(double), descending); threshold = sorted[perRound - 1]; }
    int added = 0;
    for (int j = 1; j <= m && added < perRound; j++) if (gain[j] > 0 && gain[j] >= threshold) { working[j] = 1; added++; }
    memset(status, 0, n + m + 1);
    for (int i = 1; i <= n; i++) status[i] = 1;
    for (int p = 1; p <= rows + columns; p++) {
      int a = abs(basis[p]);
      int at = a <= rows ? rowOf[a] : n + columnOf[a - rows];
      status[at] = p <= rows ? 1 : (basis[p] > 0 ? 2 : 0);
    }
    free(basis);
    printf("round %d: rows %d columns %d status %d objective %.8f iterations %.0f seconds %.2f; %d columns price out, %d added\n",
           round, rows, columns, result, get_objective(lp), (double)get_total_iter(lp), t, candidates, added);
    delete_lp(lp);
    if (added == 0) break;
  }
  printf("sifting: %.2f s (solves %.2f s, %ld iterations)\n", now() - start, solving, iterations);
  int *basis = malloc(sizeof(int) * (n + m + 1)), q = 1;
  for (int i = 1; i <= n + m; i++) if (status[i] == 1) basis[q++] = i;
  for (int i = 1; i <= n + m; i++) if (status[i] != 1) basis[q++] = status[i] == 2 ? i : -i;
  set_basis(full, basis, TRUE);
  double t = now();
  int result = solve(full);
  t = now() - t;
  printf("whole model from the last basis: rows %d columns %d status %d objective %.8f iterations %.0f seconds %.2f\n", n, m, result,
         get_objective(full), (double)get_total_iter(full), t);
  return result == OPTIMAL ? 0 : 1;
}
