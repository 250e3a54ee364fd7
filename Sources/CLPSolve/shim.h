#ifndef SYMBIOSIS_CLPSOLVE_SHIM_H
#define SYMBIOSIS_CLPSOLVE_SHIM_H
/* Debian's liblpsolve55-dev installs the headers under /usr/include/lpsolve. */
#include <lpsolve/lp_lib.h>
/* mallopt: lp_solve allocates and frees its work arrays on every solve (see LPLib.keepFreedMemory). */
#include <malloc.h>
#endif
