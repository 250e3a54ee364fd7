#ifndef SYMBIOSIS_CLPSOLVE_SHIM_H
#define SYMBIOSIS_CLPSOLVE_SHIM_H
/* Debian's liblpsolve55-dev installs the headers under /usr/include/lpsolve. */
#include <lpsolve/lp_lib.h>
#endif
