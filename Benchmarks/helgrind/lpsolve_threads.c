/* Helgrind check of how Symbiosis drives lp_solve from many threads (LPSolveShim.swift):
 * make_lp/delete_lp under one global lock, solves of distinct lprecs in parallel.
 * Build and run: Benchmarks/helgrind/run.sh  (with LOCK=0 to see the races without the lock). */
#include <lpsolve/lp_lib.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t global_lock = PTHREAD_MUTEX_INITIALIZER;
static int use_lock = 1;
static double results[8];

static void *solve_knapsacks(void *arg) {
  long id = (long)arg;
  double best = 0;
  for (int round = 0; round < 5; round++) {
    if (use_lock) pthread_mutex_lock(&global_lock);
    lprec *lp = make_lp(0, 6);
    if (use_lock) pthread_mutex_unlock(&global_lock);
    if (!lp) return NULL;
    set_outputfile(lp, "");
    set_verbose(lp, NEUTRAL);
    REAL values[6], weights[6];
    int cols[6];
    for (int j = 0; j < 6; j++) {
      cols[j] = j + 1;
      values[j] = 3 + (j * 7 + id + round) % 11;
      weights[j] = 2 + (j * 5 + id) % 7;
      set_binary(lp, j + 1, TRUE);
    }
    set_add_rowmode(lp, TRUE);
    add_constraintex(lp, 6, weights, cols, LE, 12);
    set_add_rowmode(lp, FALSE);
    set_obj_fnex(lp, 6, values, cols);
    set_maxim(lp);
    if (solve(lp) == OPTIMAL) best += get_objective(lp);
    if (use_lock) pthread_mutex_lock(&global_lock);
    delete_lp(lp);
    if (use_lock) pthread_mutex_unlock(&global_lock);
  }
  results[id] = best;
  return NULL;
}

int main(void) {
  const char *env = getenv("LOCK");
  use_lock = !(env && env[0] == '0');
  pthread_t threads[8];
  for (long i = 0; i < 8; i++) pthread_create(&threads[i], NULL, solve_knapsacks, (void *)i);
  for (int i = 0; i < 8; i++) pthread_join(threads[i], NULL);
  for (int i = 0; i < 8; i++) printf("thread %d: %.0f\n", i, results[i]);
  return 0;
}
